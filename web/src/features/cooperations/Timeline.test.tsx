import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { Timeline } from './Timeline';

const event = (seq: number, kind: string, data: Record<string, unknown>) => ({
  type: 'event', seq, id: `e${seq}`, at: '2026-03-02T03:00:00.000Z', kind, action: null, fromState: null, toState: null, reason: null, data, actorName: 'Sekretariat KSD', private: false,
});

describe('the timeline of a cooperation', () => {
  it('tells approved progress updates and finalised evaluations in words, with the date, progress and score', async () => {
    mockFetch({
      'GET /api/cooperations/c1/timeline': {
        body: {
          items: [
            event(2, 'MONITORING', { what: 'EVALUATION_FINALISED', score: '3.75', recommendation: 'PERBAIKI' }),
            event(1, 'MONITORING', { what: 'UPDATE_APPROVED', asOf: '2026-02-28', revision: 2, progress: 43 }),
          ],
        },
      },
    });
    renderWithSession(<Timeline id="c1" canComment={false} />, buildMe({ permissions: ['cooperation.read'] }));

    expect(await screen.findByText(/Evaluasi difinalkan: nilai 3,75, rekomendasi Perbaiki/)).toBeTruthy();
    expect(screen.getByText(/Pembaruan kemajuan per 28 Februari 2026 disetujui \(revisi 2\): kemajuan 43 %/)).toBeTruthy();
  });
});
