import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { WorkPlanPanel } from './WorkPlanPanel';
import type { WorkPlan } from './workplan.api';

const coopId = '11111111-1111-4111-8111-111111111111';
const hss = { id: '22222222-2222-4222-8222-222222222222', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' };
const dlh = { id: '33333333-3333-4333-8333-333333333333', name: 'Dinas Lingkungan Hidup' };
const activityId = '44444444-4444-4444-8444-444444444444';

const plan = (over: Partial<WorkPlan> = {}): WorkPlan => ({
  activities: [
    {
      id: activityId,
      cooperationId: coopId,
      agreementDocumentId: null,
      name: 'Pembangunan sel TPA regional',
      description: '',
      responsibleOrg: hss,
      responsibleOpd: dlh,
      plannedStart: '2025-04-25',
      plannedEnd: '2025-12-31',
      budget: '1500000.00',
      realisation: '450000.50',
      outputs: ['1 sel TPA'],
      status: 'BERJALAN',
      weight: 1,
      progress: 30,
      figuresLocked: false,
      overdue: true,
      rowVersion: 3,
      updatedAt: '2026-03-02T02:00:00Z',
    },
  ],
  obligations: [
    {
      id: '55555555-5555-4555-8555-555555555555',
      cooperationId: coopId,
      party: hss,
      description: 'Menyediakan lahan',
      dueDate: '2026-01-31',
      status: 'BELUM_JATUH_TEMPO',
      note: '',
      fulfilledAt: null,
      overdue: true,
      canUpdate: true,
      updatedAt: '2026-03-02T02:00:00Z',
    },
  ],
  milestones: [],
  summary: { activities: 1, completed: 0, budget: '1500000.00', realisation: '450000.50', realisationPercent: 30, obligationsOverdue: 1, milestonesMet: 0, milestonesOverdue: 0 },
  canEdit: true,
  parties: [{ id: hss.id, name: hss.name, opds: [dlh] }],
  ...over,
});

describe('the work plan panel of a cooperation', () => {
  it('shows the figures in Rupiah and percent, the tables with status words and overdue marks', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/work-plan`]: { body: plan() } });
    renderWithSession(<WorkPlanPanel cooperationId={coopId} />, buildMe());
    const section = await screen.findByRole('region', { name: 'Pelaksanaan' });
    await within(section).findByText('Rp1.500.000,00', { selector: 'dd' });
    expect(within(section).getByText('Rp450.000,50', { selector: 'dd' }).textContent).toBe('Rp450.000,50 (30,0%)');
    expect(within(section).getByText('1 kewajiban, 0 tonggak')).toBeTruthy();
    const activities = screen.getByRole('table', { name: 'Kegiatan rencana kerja' });
    const row = within(activities).getByRole('row', { name: /Pembangunan sel TPA regional/ });
    expect(within(row).getByText('25 April 2025 – 31 Desember 2025')).toBeTruthy();
    expect(within(row).getByText('Berjalan')).toBeTruthy();
    expect(within(row).getByText('Lewat jatuh tempo')).toBeTruthy();
    expect(within(row).getByText('Dinas Lingkungan Hidup')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Kewajiban per pihak' })).toBeTruthy();
    expect(screen.getByText('Belum ada tonggak capaian.')).toBeTruthy();
  });

  it('shows the server’s field messages in the dialog and deletes only after confirmation', async () => {
    const { calls } = mockFetch({
      [`GET /api/cooperations/${coopId}/work-plan`]: { body: plan() },
      [`POST /api/cooperations/${coopId}/milestones`]: problem(422, 'monev.work_plan_invalid', 'Rencana kerja tidak dapat disimpan.', [
        { path: 'dueDate', code: 'outside_term', message: 'Tanggal harus dalam jangka waktu kerja sama (2025-01-01 s.d. 2029-12-31).' },
      ]),
      [`DELETE /api/cooperations/${coopId}/activities/${activityId}`]: { status: 204 },
    });
    renderWithSession(<WorkPlanPanel cooperationId={coopId} />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah tonggak' }));
    const dialog = screen.getByRole('dialog', { name: 'Tambah tonggak capaian' });
    fireEvent.change(within(dialog).getByLabelText('Nama'), { target: { value: 'Serah terima' } });
    fireEvent.change(within(dialog).getByLabelText('Jatuh tempo'), { target: { value: '2031-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await within(dialog).findByText('Tanggal harus dalam jangka waktu kerja sama (2025-01-01 s.d. 2029-12-31).');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));

    fireEvent.click(screen.getByRole('button', { name: 'Hapus Pembangunan sel TPA regional' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Ya, hapus "Pembangunan sel TPA regional"' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
  });

  it('lets a partner only update the status of its own obligation', async () => {
    mockFetch({ [`GET /api/cooperations/${coopId}/work-plan`]: { body: plan({ canEdit: false }) } });
    renderWithSession(<WorkPlanPanel cooperationId={coopId} />, buildMe());
    fireEvent.click(await screen.findByRole('button', { name: 'Ubah Menyediakan lahan' }));
    const dialog = screen.getByRole('dialog', { name: 'Ubah kewajiban' });
    expect(within(dialog).queryByLabelText('Kewajiban')).toBeNull();
    expect(within(dialog).getByLabelText('Status')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tambah kegiatan' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Hapus/ })).toBeNull();
  });
});
