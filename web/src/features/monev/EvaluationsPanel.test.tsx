import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import type { EvaluationDetail, EvaluationList } from './evaluations.api';
import { EvaluationsPanel } from './EvaluationsPanel';

const coopId = '00000000-0000-4000-8000-0000000000c1';
const evalId = '00000000-0000-4000-8000-0000000000e1';
const tenantId = '00000000-0000-4000-8000-000000000002';
const all = ['OPD', 'MITRA', 'TKKSD', 'SEKRETARIAT'] as const;

const list: EvaluationList = {
  items: [
    { id: evalId, cooperationId: coopId, tenantId, tenantName: 'Kabupaten Hulu Sungai Selatan', period: '2026-S1', isFinal: false, status: 'OPEN', score: null, recommendation: null, raterCount: 0, openedAt: '2026-03-02T02:00:00.000Z', finalisedAt: null },
    { id: 'f2', cooperationId: coopId, tenantId, tenantName: 'Kabupaten Hulu Sungai Selatan', period: '2025-S2', isFinal: false, status: 'FINAL', score: '3.87', recommendation: 'LANJUT', raterCount: 3, openedAt: '2026-01-05T02:00:00.000Z', finalisedAt: '2026-01-20T02:00:00.000Z' },
  ],
  latest: { period: '2025-S2', score: '3.87' },
  previous: { period: '2025-S1', score: '3.07' },
  trend: 'UP',
  canOpen: true,
};

const detail: EvaluationDetail = {
  ...list.items[0]!,
  cooperation: { id: coopId, code: 'KS-2026-0001', title: 'Pengelolaan sampah regional', state: 'BERLAKU' },
  rubricVersion: null,
  criteria: [
    { code: 'REALISASI_KEGIATAN', name: { id: 'Realisasi kegiatan dibanding rencana', en: 'Activities realised' }, weight: 60, raterRoles: [...all], raters: 0, mean: null },
    { code: 'KUALITAS_KOORDINASI', name: { id: 'Kualitas koordinasi (TKKSD)', en: 'Coordination' }, weight: 40, raterRoles: ['TKKSD'], raters: 0, mean: null },
  ],
  findings: null,
  ratings: [],
  mine: { roles: ['SEKRETARIAT'], role: null, ratings: [] },
  canRate: true,
  canFinalise: true,
};

describe('the evaluations (monev) panel of a cooperation', () => {
  it('shows the latest score with its trend in words and lists every evaluation in a captioned table', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/evaluations`]: { body: list } });
    renderWithSession(<EvaluationsPanel cooperationId={coopId} />, buildMe({ permissions: ['cooperation.read', 'cooperation.write'] }));

    expect(await screen.findByRole('heading', { name: 'Evaluasi (monev)' })).toBeTruthy();
    expect(await screen.findAllByText('3,87')).toHaveLength(2);
    expect(screen.getByText(/naik dari 3,07 \(2025-S1\)/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Daftar evaluasi kerja sama' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows[1]).toEqual(['Kabupaten Hulu Sungai Selatan', 'Final, 20 Januari 2026', '3,87', 'Lanjutkan', 'Lihat evaluasi 2025-S2']);
  });

  it('rates with one radio group per criterion the role may rate, sends the whole set, and maps refusals back to the criterion', async () => {
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/evaluations`]: { body: list },
      [`GET /api/evaluations/${evalId}`]: { body: detail },
      [`PUT /api/evaluations/${evalId}/ratings`]: [
        problem(422, 'monev.ratings_invalid', 'Penilaian tidak dapat disimpan; periksa isian yang ditandai.', [
          { path: 'ratings.0.evidenceFileIds.0', code: 'file_not_own', message: 'Berkas tidak ditemukan atau tidak diunggah oleh organisasi Anda.' },
        ]),
        { body: { ...detail, mine: { roles: ['SEKRETARIAT'], role: 'SEKRETARIAT', ratings: [] } } },
      ],
    });
    renderWithSession(<EvaluationsPanel cooperationId={coopId} />, buildMe({ permissions: ['cooperation.read', 'cooperation.write'] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Lihat evaluasi 2026-S1' }));

    const form = await screen.findByRole('form', { name: 'Penilaian Anda' });
    // The secretariat does not rate the TKKSD-only criterion, so only one group is offered.
    const groups = within(form).getAllByRole('group', { name: /^Nilai untuk/ });
    expect(groups).toHaveLength(1);
    expect(within(groups[0]!).getAllByRole('radio')).toHaveLength(6);
    fireEvent.click(within(form).getByRole('radio', { name: '4' }));
    fireEvent.change(within(form).getByLabelText('Catatan untuk Realisasi kegiatan dibanding rencana'), { target: { value: ' Sesuai jadwal. ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(await calls.find((c) => c.method === 'PUT')!.json()).toEqual({
      role: 'SEKRETARIAT',
      ratings: [{ criterion: 'REALISASI_KEGIATAN', score: 4, note: 'Sesuai jadwal.', evidenceFileIds: [] }],
    });
    expect(await within(form).findByText('Berkas tidak ditemukan atau tidak diunggah oleh organisasi Anda.')).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Simpan penilaian' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
  });

  it('asks for findings and a recommendation before finalising', async () => {
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/evaluations`]: { body: list },
      [`GET /api/evaluations/${evalId}`]: { body: detail },
      [`POST /api/evaluations/${evalId}/finalise`]: { body: { ...detail, status: 'FINAL', score: '4.00', recommendation: 'PERBAIKI', findings: 'Anggaran lambat.', canRate: false, canFinalise: false } },
    });
    renderWithSession(<EvaluationsPanel cooperationId={coopId} />, buildMe({ permissions: ['cooperation.read', 'cooperation.write'] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Lihat evaluasi 2026-S1' }));
    const form = await screen.findByRole('form', { name: 'Finalkan evaluasi' });
    fireEvent.click(within(form).getByRole('button', { name: 'Finalkan' }));
    expect(within(form).getAllByText('Wajib diisi.')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Temuan'), { target: { value: 'Anggaran lambat.' } });
    fireEvent.change(within(form).getByLabelText('Rekomendasi'), { target: { value: 'PERBAIKI' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Finalkan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({ findings: 'Anggaran lambat.', recommendation: 'PERBAIKI' });
    expect(await screen.findByText('Evaluasi ini sudah final dan terkunci.')).toBeTruthy();
  });
});
