import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { UpdatesPanel } from './UpdatesPanel';
import type { ProgressUpdate, UpdateList } from './updates.api';
import type { WorkPlan } from './workplan.api';

const coopId = '11111111-1111-4111-8111-111111111111';
const activityId = '44444444-4444-4444-8444-444444444444';
const fileId = '66666666-6666-4666-8666-666666666666';
const rev1 = '77777777-7777-4777-8777-777777777771';
const rev2 = '77777777-7777-4777-8777-777777777772';
const waiting = '77777777-7777-4777-8777-777777777773';

const update = (over: Partial<ProgressUpdate>): ProgressUpdate => ({
  id: rev1,
  cooperationId: coopId,
  seriesId: rev1,
  revision: 1,
  supersedesId: null,
  status: 'APPROVED',
  asOf: '2026-04-25',
  narrative: 'Pipa terpasang 4 km.',
  activityLines: [{ activityId, activityName: 'Pemasangan pipa', progress: 40, realisationIdr: '1500000.00' }],
  indicatorLines: [],
  evidence: [{ fileId, fileName: 'Berita acara.pdf' }],
  reason: null,
  reviewComment: null,
  author: { id: '88888888-8888-4888-8888-888888888888', name: 'Siti PPKSD (fiktif)', orgId: '99999999-9999-4999-8999-999999999999' },
  submittedAt: '2026-04-25T02:00:00Z',
  reviewedBy: { id: null, name: 'Sekretariat HSS' },
  reviewedAt: '2026-04-26T02:00:00Z',
  approvedAt: '2026-04-26T02:00:00Z',
  rowVersion: 2,
  history: [
    { at: '2026-04-25T02:00:00Z', action: 'SUBMIT', status: 'SUBMITTED', actorName: 'Siti PPKSD (fiktif)', comment: null },
    { at: '2026-04-26T02:00:00Z', action: 'APPROVE', status: 'APPROVED', actorName: 'Sekretariat HSS', comment: null },
  ],
  canRework: false,
  canReview: false,
  canRevise: false,
  ...over,
});

const list = (over: Partial<UpdateList> = {}): UpdateList => ({
  series: [
    {
      seriesId: rev1,
      revisions: [
        update({ id: rev2, revision: 2, supersedesId: rev1, reason: 'Salah hitung panjang pipa.', activityLines: [{ activityId, activityName: 'Pemasangan pipa', progress: 35, realisationIdr: '1500000.00' }], canRevise: true }),
        update({ status: 'SUPERSEDED' }),
      ],
    },
    {
      seriesId: waiting,
      revisions: [update({ id: waiting, seriesId: waiting, status: 'SUBMITTED', asOf: '2026-05-10', approvedAt: null, reviewedBy: null, rowVersion: 1, canReview: true, evidence: [] })],
    },
  ],
  canSubmit: true,
  lockedActivityIds: [activityId],
  ...over,
});

const plan: WorkPlan = {
  activities: [
    {
      id: activityId,
      cooperationId: coopId,
      agreementDocumentId: null,
      name: 'Pemasangan pipa',
      description: '',
      responsibleOrg: { id: '22222222-2222-4222-8222-222222222222', name: 'Kabupaten HSS' },
      responsibleOpd: null,
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
      budget: '5000000.00',
      realisation: '1500000.00',
      outputs: [],
      status: 'BERJALAN',
      weight: 1,
      progress: 35,
      figuresLocked: true,
      overdue: false,
      rowVersion: 4,
      updatedAt: '2026-04-26T02:00:00Z',
    },
  ],
  obligations: [],
  milestones: [],
  summary: { activities: 1, completed: 0, budget: '5000000.00', realisation: '1500000.00', realisationPercent: 30, obligationsOverdue: 0, milestonesMet: 0, milestonesOverdue: 0 },
  canEdit: true,
  parties: [],
};

describe('the progress updates panel of a cooperation', () => {
  it('shows each series with status badges, locked figures, reason, evidence and the earlier revision', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/updates`]: { body: list() } });
    renderWithSession(<UpdatesPanel cooperationId={coopId} />, buildMe());
    const section = await screen.findByRole('region', { name: 'Pembaruan kemajuan' });
    const corrected = await within(section).findByRole('article', { name: /Per 25 April 2026 · revisi 2/ });
    expect(within(corrected).getAllByText('Disetujui').length).toBeGreaterThan(0);
    expect(within(corrected).getByText('Salah hitung panjang pipa.')).toBeTruthy();
    const figures = within(corrected).getByRole('table', { name: 'Angka kegiatan revisi 2 per 25 April 2026' });
    expect(within(figures).getByRole('row', { name: /Pemasangan pipa/ }).textContent).toBe('Pemasangan pipa35% · terkunciRp1.500.000,00');
    expect(within(corrected).getAllByRole('link', { name: 'Berita acara.pdf' })[0]!.getAttribute('href')).toBe(`/api/files/${fileId}/content`);
    expect(within(corrected).getByText('Revisi sebelumnya (1)')).toBeTruthy();
    expect(within(corrected).getByText('Digantikan koreksi')).toBeTruthy();
    expect(within(corrected).getByRole('button', { name: 'Koreksi' })).toBeTruthy();
    expect(within(corrected).queryByRole('button', { name: 'Setujui' })).toBeNull();
    const pending = within(section).getByRole('article', { name: /Per 10 Mei 2026/ });
    expect(within(pending).getByText('Menunggu persetujuan')).toBeTruthy();
  });

  it('returns a waiting update with a comment, showing the server’s field message first', async () => {
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/updates`]: { body: list() },
      [`POST /api/cooperations/${coopId}/updates/${waiting}/return`]: [
        problem(400, 'request.invalid', 'Data yang dikirim tidak valid.', [{ path: 'comment', code: 'too_small', message: 'Komentar wajib diisi.' }]),
        { body: update({ id: waiting, status: 'RETURNED' }) },
      ],
    });
    renderWithSession(<UpdatesPanel cooperationId={coopId} />, buildMe());
    const pending = await screen.findByRole('article', { name: /Per 10 Mei 2026/ });
    fireEvent.click(within(pending).getByRole('button', { name: 'Kembalikan' }));
    fireEvent.click(within(pending).getByRole('button', { name: 'Kembalikan dengan komentar' }));
    await within(pending).findByText('Komentar wajib diisi.');
    fireEvent.change(within(pending).getByLabelText('Komentar untuk pengirim'), { target: { value: 'Lampirkan foto.' } });
    fireEvent.click(within(pending).getByRole('button', { name: 'Kembalikan dengan komentar' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').length).toBe(2));
    expect(await calls.filter((c) => c.method === 'POST')[1]!.json()).toEqual({ expectedVersion: 1, comment: 'Lampirkan foto.' });
  });

  it('files a correction with a reason and the activity figures prefilled from the update', async () => {
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/updates`]: { body: list() },
      [`GET /api/cooperations/${coopId}/work-plan`]: { body: plan },
      [`POST /api/cooperations/${coopId}/updates/${rev2}/revisions`]: { status: 201, body: update({ id: 'x', revision: 3, status: 'SUBMITTED' }) },
    });
    renderWithSession(<UpdatesPanel cooperationId={coopId} />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: 'Koreksi' }));
    const dialog = screen.getByRole('dialog', { name: 'Koreksi pembaruan yang disetujui' });
    const progress = await within(dialog).findByLabelText('Kemajuan Pemasangan pipa (%)');
    expect((progress as HTMLInputElement).value).toBe('35');
    fireEvent.change(progress, { target: { value: '38' } });
    fireEvent.change(within(dialog).getByLabelText('Alasan koreksi'), { target: { value: 'Pengukuran ulang.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({
      asOf: '2026-04-25',
      narrative: 'Pipa terpasang 4 km.',
      activityLines: [{ activityId, progress: 38, realisationIdr: '1500000.00' }],
      indicatorLines: [],
      evidenceFileIds: [fileId],
      submit: true,
      reason: 'Pengukuran ulang.',
    });
  });

  it('reports an indicator with the period of the update’s date prefilled', async () => {
    const indicatorId = '55555555-5555-4555-8555-555555555555';
    const indicators = {
      indicators: [{ id: indicatorId, cooperationId: coopId, activity: null, name: 'Sambungan rumah', unit: 'SR', baseline: '0', target: '1000', direction: 'INCREASE', frequency: 'QUARTERLY', byRegion: false, weight: 1, values: [], latest: null, rowVersion: 1, updatedAt: '2026-04-01T00:00:00Z' }],
      rollUp: null,
      canEdit: true,
      activities: [],
    };
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/updates`]: { body: list() },
      [`GET /api/cooperations/${coopId}/work-plan`]: { body: plan },
      [`GET /api/cooperations/${coopId}/indicators`]: { body: indicators },
      [`POST /api/cooperations/${coopId}/updates`]: { status: 201, body: update({ id: 'y', status: 'SUBMITTED' }) },
    });
    renderWithSession(<UpdatesPanel cooperationId={coopId} />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: 'Kirim pembaruan' }));
    const dialog = screen.getByRole('dialog', { name: 'Kirim pembaruan kemajuan' });
    fireEvent.change(within(dialog).getByLabelText(/Per tanggal/), { target: { value: '2026-05-10' } });
    fireEvent.change(within(dialog).getByLabelText(/Uraian kemajuan/), { target: { value: 'Sambungan bertambah.' } });
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /Sambungan rumah/ }));
    expect((within(dialog).getByLabelText('Periode Sambungan rumah') as HTMLInputElement).value).toBe('2026-Q2');
    fireEvent.change(within(dialog).getByLabelText('Nilai Sambungan rumah'), { target: { value: '420' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = (await calls.find((c) => c.method === 'POST')!.json()) as { indicatorLines: unknown };
    expect(body.indicatorLines).toEqual([{ indicatorId, periodKey: '2026-Q2', value: '420' }]);
  });

  it('offers no sending to readers who may not report', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/updates`]: { body: list({ series: [], canSubmit: false }) } });
    renderWithSession(<UpdatesPanel cooperationId={coopId} />, buildMe());
    expect(await screen.findByText('Belum ada pembaruan kemajuan.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kirim pembaruan' })).toBeNull();
  });
});
