import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../../test/fetch';
import { buildMe, renderWithSession } from '../../../test/render';
import { DocumentsPanel } from './DocumentsPanel';
import type { CooperationDocument } from './documents.api';

const coopId = '11111111-1111-4111-8111-111111111111';
const body = { titleLines: ['KESEPAKATAN BERSAMA'], sections: [{ clause: 'JANGKA_WAKTU' as const, heading: 'Pasal 1', text: 'Lima tahun.' }], signingNote: '', signatories: [], template: null };
const doc = (over: Partial<CooperationDocument>): CooperationDocument => ({
  id: '22222222-2222-4222-8222-222222222222',
  cooperationId: coopId,
  type: 'KSB',
  title: 'Kesepakatan Bersama – Sampah',
  version: 1,
  status: 'DRAFT',
  private: false,
  file: null,
  body,
  textStatus: 'EXTRACTED',
  signingMethod: null,
  signatureKind: null,
  wetChecklist: null,
  signedAt: null,
  signedPlace: null,
  numbers: [],
  checklist: { required: 8, present: 7, missing: ['PEMBIAYAAN'] },
  createdByOrgId: null,
  createdAt: '2026-03-02T02:00:00Z',
  ...over,
});
const v1 = doc({});
const v2 = doc({ id: '33333333-3333-4333-8333-333333333333', version: 2, checklist: { required: 8, present: 8, missing: [] } });
const signed = doc({
  id: '44444444-4444-4444-8444-444444444444',
  type: 'PKS',
  status: 'SIGNED',
  body: null,
  file: { id: '55555555-5555-4555-8555-555555555555', fileName: 'PKS.pdf', mediaType: 'application/pdf', sizeBytes: 20480 },
  signingMethod: 'CEREMONIAL',
  signatureKind: 'WET',
  wetChecklist: { paraf: true, materai: false, stempel: true },
  signedAt: '2025-04-25',
  numbers: [{ orgId: '66666666-6666-4666-8666-666666666666', orgName: 'Pemerintah Kabupaten Tapin', number: '180/7/2025' }],
  checklist: null,
});

describe('the documents panel of a cooperation', () => {
  it('lists versions by type with numbers, signing checks in words and the missing clauses', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/documents`]: { body: { items: [v2, v1, signed] } } });
    renderWithSession(<DocumentsPanel cooperationId={coopId} canWork={false} />, buildMe());
    const pks = await screen.findByRole('region', { name: 'Perjanjian kerja sama (PKS)' });
    expect(within(pks).getByText('Pemerintah Kabupaten Tapin: 180/7/2025')).toBeTruthy();
    expect(within(pks).getByText(/Meterai \(Tidak\)/)).toBeTruthy();
    expect(within(pks).getByText(/25 April 2025/)).toBeTruthy();
    expect(within(pks).getByRole('link', { name: 'Unduh berkas asli' }).getAttribute('href')).toBe(`/api/cooperations/${coopId}/documents/${signed.id}/download?format=original`);
    const ksb = screen.getByRole('region', { name: 'Kesepakatan bersama (KSB)' });
    expect(within(ksb).getByText(/7 dari 8 klausul — belum ada: Pembiayaan/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Susun rancangan dari templat' })).toBeNull();
  });

  it('compares two versions side by side, marking changes with words and signs, not colour alone', async () => {
    mockFetch({
      [`GET /api/cooperations/${coopId}/documents`]: { body: { items: [v2, v1] } },
      [`GET /api/cooperations/${coopId}/documents/compare`]: {
        body: {
          from: { id: v1.id, type: 'KSB', version: 1, title: v1.title },
          to: { id: v2.id, type: 'KSB', version: 2, title: v2.title },
          granularity: 'word',
          segments: [
            { op: 'equal', text: 'Berlaku ' },
            { op: 'delete', text: 'lima' },
            { op: 'insert', text: 'sepuluh' },
            { op: 'equal', text: ' tahun.' },
          ],
        },
      },
    });
    renderWithSession(<DocumentsPanel cooperationId={coopId} canWork />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: 'Bandingkan' }));
    await waitFor(() => expect(screen.getByText('1 tambahan dan 1 penghapusan.')).toBeTruthy());
    const older = screen.getByRole('region', { name: /^Versi 1/ });
    const newer = screen.getByRole('region', { name: /^Versi 2/ });
    expect(older.textContent).toBe('Versi 1 (yang dihapus dicoret dan ditandai [− …])Berlaku awal teks yang dihapus:[−lima]akhir teks yang dihapus. tahun.');
    expect(newer.querySelector('ins')?.textContent).toBe('awal teks yang ditambahkan:[+sepuluh]akhir teks yang ditambahkan.');
    expect(newer.textContent).not.toContain('lima');
  });
});
