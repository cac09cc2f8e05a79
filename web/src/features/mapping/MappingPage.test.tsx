import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../app/App';
import { SessionProvider } from '../auth/session';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderWithSession } from '../../test/render';
import { AnswerPage } from './AnswerPage';
import type { Answer, Cycle } from './mapping.api';
import { MappingPage } from './MappingPage';

const cycleId = '11111111-1111-4111-8111-111111111111';
const dinkes = '22222222-2222-4222-8222-222222222222';
const bpkad = '33333333-3333-4333-8333-333333333333';

const cycle: Cycle = {
  id: cycleId,
  tenant: { id: '44444444-4444-4444-8444-444444444444', name: 'Pemerintah Kabupaten Jayawijaya' },
  year: 2026,
  stage: 'PROSES_PEMETAAN',
  answerDeadline: '2026-05-15',
  schedule: [
    { stage: 'PERSIAPAN', plannedStart: '2026-03-02', plannedEnd: '2026-03-31', responsibleRoles: ['KSD_SECRETARIAT_ADMIN'], startedAt: '2026-03-02T02:00:00Z', endedAt: '2026-04-01T02:00:00Z' },
    { stage: 'PROSES_PEMETAAN', plannedStart: '2026-04-01', plannedEnd: '2026-05-15', responsibleRoles: ['PPKSD', 'OPD_HEAD'], startedAt: '2026-04-01T02:00:00Z', endedAt: null },
    { stage: 'PENYUSUNAN_PEMBAHASAN', plannedStart: '2026-05-16', plannedEnd: '2026-06-14', responsibleRoles: ['TKKSD_KETUA'], startedAt: null, endedAt: null },
    { stage: 'PENETAPAN', plannedStart: '2026-06-15', plannedEnd: '2026-07-14', responsibleRoles: ['TKKSD_KETUA'], startedAt: null, endedAt: null },
  ],
  decreeNumber: null,
  decreeDate: null,
  questionnaire: { id: '55555555-5555-4555-8555-555555555555', title: 'Kuesioner Pemetaan', version: 1 },
  participants: [
    { orgId: dinkes, name: 'Dinas Kesehatan', shortName: 'Dinkes', status: 'ACCEPTED', deadline: '2026-05-15', reopened: false, late: false, submittedAt: '2026-04-20T02:00:00Z', revision: 1 },
    { orgId: bpkad, name: 'BPKAD', shortName: null, status: 'DRAFT', deadline: '2026-05-15', reopened: false, late: true, submittedAt: null, revision: 0 },
  ],
  progress: { total: 2, answered: 1, accepted: 1, drafting: 1, late: 1 },
  nextAction: 'start_discussion',
  canManage: false,
  canAdvance: false,
  answeringOrgIds: [],
  units: [],
  ruleNote: 'Konfigurasi, bukan ketentuan hukum.',
  rowVersion: 3,
};

const answer: Answer = {
  id: '66666666-6666-4666-8666-666666666666',
  cycleId,
  orgId: bpkad,
  orgName: 'BPKAD',
  cycleYear: 2026,
  stage: 'PROSES_PEMETAAN',
  status: 'RETURNED',
  answers: { kesiapan: { prioritas: 'rendah' } },
  revision: 1,
  reviewComment: 'Lengkapi lokasi.',
  submittedAt: '2026-04-20T02:00:00Z',
  submittedByName: 'Yohanes (fiktif)',
  reviewedAt: '2026-04-21T02:00:00Z',
  reviewedByName: 'Sekretariat Jayawijaya',
  deadline: '2026-05-15',
  late: false,
  questionnaire: {
    id: '55555555-5555-4555-8555-555555555555',
    title: 'Kuesioner Pemetaan',
    version: 1,
    definition: {
      sections: [
        { id: 'kesiapan', title: 'Kesiapan', repeatable: false, questions: [{ id: 'prioritas', type: 'SINGLE_CHOICE', label: 'Prioritas', required: true, options: [{ value: 'tinggi', label: 'Tinggi' }, { value: 'rendah', label: 'Rendah' }] }] },
        { id: 'potensi', title: 'Potensi', repeatable: true, itemKind: 'POTENSI', questions: [{ id: 'judul', type: 'TEXT', label: 'Nama potensi', required: true }] },
      ],
    },
  },
  history: [{ at: '2026-04-21T02:00:00Z', action: 'RETURN', status: 'RETURNED', revision: 1, actorName: 'Sekretariat Jayawijaya', comment: 'Lengkapi lokasi.' }],
  rowVersion: 3,
  canEdit: true,
  canReview: false,
  canReopen: false,
};

describe('Pemetaan Potensi', () => {
  it('shows the stages, the schedule and each OPD’s status, late in words and not by colour alone', async () => {
    mockFetch({ 'GET /api/mapping/cycles': { body: { items: [{ id: cycleId, tenantName: 'Jayawijaya', year: 2026, stage: 'PROSES_PEMETAAN', answerDeadline: '2026-05-15' }], canCreate: false } }, [`GET /api/mapping/cycles/${cycleId}`]: { body: cycle } });
    renderWithSession(<MappingPage />, buildMe());
    expect(await screen.findByRole('heading', { name: 'Pemetaan Potensi 2026' })).toBeTruthy();
    const steps = screen.getByRole('list', { name: 'Tahapan pemetaan' });
    expect(within(steps).getByText('2. Proses Pemetaan').closest('li')!.getAttribute('aria-current')).toBe('step');
    const table = screen.getByRole('table', { name: 'Status jawaban OPD pada pemetaan 2026' });
    expect(within(table).getByRole('row', { name: /Dinkes/ }).textContent).toContain('Diterima');
    const late = within(table).getByRole('row', { name: /BPKAD/ });
    expect(late.textContent).toContain('Draf');
    expect(late.textContent).toContain('Terlambat');
    expect(screen.getByRole('table', { name: 'Jadwal tahapan pemetaan 2026' }).textContent).toContain('1 April 2026 – 15 Mei 2026');
  });

  it('shows the return comment and sends the answer, pointing the server’s message at the question', async () => {
    const { calls } = mockFetch({
      [`GET /api/mapping/cycles/${cycleId}/answers/${bpkad}`]: { body: answer },
      [`PUT /api/mapping/cycles/${cycleId}/answers/${bpkad}`]: [
        problem(422, 'mapping.answer_invalid', 'Jawaban belum dapat dikirim.', [{ path: 'answers.potensi.0.judul', code: 'required', message: 'Wajib diisi.' }]),
        { body: { ...answer, status: 'SUBMITTED', revision: 2, canEdit: false } },
      ],
    });
    render(
      <AppProviders client={createQueryClient()}>
        <MemoryRouter initialEntries={[`/pemetaan-potensi/${cycleId}/opd/${bpkad}`]}>
          <SessionProvider me={buildMe()}>
            <Routes>
              <Route path="/pemetaan-potensi/:id/opd/:orgId" element={<AnswerPage />} />
            </Routes>
          </SessionProvider>
        </MemoryRouter>
      </AppProviders>,
    );
    expect((await screen.findByRole('note')).textContent).toContain('Lengkapi lokasi.');
    fireEvent.click(screen.getByRole('button', { name: 'Tambah butir Potensi' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kirim ke TKKSD' }));
    const field = await screen.findByLabelText('Nama potensi *');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Wajib diisi.')).toBeTruthy();
    fireEvent.change(field, { target: { value: 'Kopi Baliem' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim ke TKKSD' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    const body = (await calls.filter((c) => c.method === 'PUT')[1]!.json()) as { answers: unknown; submit: boolean; expectedVersion: number };
    expect(body).toEqual({ answers: { kesiapan: { prioritas: 'rendah' }, potensi: [{ judul: 'Kopi Baliem' }] }, submit: true, expectedVersion: 3 });
  });
});
