import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { DormancyStatus } from './DormancyStatus';
import type { Dormancy } from './dormancy.api';

const coopId = '11111111-1111-4111-8111-111111111111';

const escalated: Dormancy = {
  dormant: true,
  dormantAfterMonths: 6,
  quietSince: '2025-09-03',
  dormantSince: '2026-03-03',
  everyDays: 14,
  ladder: ['PPKSD', 'OPD_HEAD', 'KSD_SECRETARIAT_ADMIN', 'SEKDA'],
  currentStep: { step: 3, role: 'SEKDA', notifiedAt: '2026-04-13T17:20:00Z' },
  nextStep: null,
  steps: [
    { step: 0, role: 'PPKSD', notifiedAt: '2026-03-02T17:20:00Z', skipped: false, recipients: 2 },
    { step: 1, role: 'OPD_HEAD', notifiedAt: '2026-03-30T17:20:00Z', skipped: true, recipients: 0 },
    { step: 2, role: 'KSD_SECRETARIAT_ADMIN', notifiedAt: '2026-03-30T17:20:00Z', skipped: false, recipients: 1 },
    { step: 3, role: 'SEKDA', notifiedAt: '2026-04-13T17:20:00Z', skipped: false, recipients: 1 },
  ],
};

describe('the dormancy status of a cooperation', () => {
  it('says since when it is inactive, how far the escalation went and who was told when', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/dormancy`]: { body: escalated } });
    renderWithSession(<DormancyStatus cooperationId={coopId} />, buildMe());
    const section = await screen.findByRole('region', { name: 'Tidak aktif sejak 3 Maret 2026 · eskalasi: Sekretaris daerah' });
    const steps = within(section).getByRole('list', { name: 'Tahap eskalasi' });
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Penghubung OPD (PPKSD): diberi tahu 3 Maret 2026 (penerima: 2)',
      'Kepala OPD: terlewati (tahap berikutnya sudah tercapai)',
      'Sekretariat kerja sama daerah: diberi tahu 31 Maret 2026 (penerima: 1)',
      'Sekretaris daerah: diberi tahu 14 April 2026 (penerima: 1)',
    ]);
    expect(within(section).getByText('Eskalasi sudah sampai tahap terakhir.')).toBeTruthy();
  });

  it('names the next step while the ladder goes on, and shows nothing when the cooperation is active', async () => {
    mockFetch({
      [`GET /api/cooperations/${coopId}/dormancy`]: {
        body: { ...escalated, currentStep: { step: 0, role: 'PPKSD', notifiedAt: '2026-03-02T17:20:00Z' }, steps: escalated.steps.slice(0, 1), nextStep: { step: 1, role: 'OPD_HEAD', on: '2026-03-17' } },
      },
    });
    renderWithSession(<DormancyStatus cooperationId={coopId} />, buildMe());
    expect(await screen.findByText('Berikutnya: Kepala OPD pada 17 Maret 2026.')).toBeTruthy();
  });

  it('renders nothing for an active cooperation', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/dormancy`]: { body: { ...escalated, dormant: false, dormantSince: null, currentStep: null, steps: [] } } });
    const { container } = renderWithSession(<DormancyStatus cooperationId={coopId} />, buildMe());
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });
});
