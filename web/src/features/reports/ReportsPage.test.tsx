import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderApp } from '../../test/render';
import { compliance, HSS_TENANT, REPORT_ID, reportDetail } from './reports.fixtures';

const { figures: _f, ...report } = reportDetail({ status: 'SUBMITTED', submittedAt: '2026-07-20T02:00:00Z', can: { regenerate: false, submit: false, review: false } });
const secretariat = buildMe({ permissions: ['cooperation.read', 'cooperation.write', 'files.read', 'org.read', 'user.read', 'audit.read', 'report.submit'] });
const gwpp = buildMe({
  permissions: ['cooperation.read', 'files.read', 'org.read', 'user.read', 'report.submit', 'report.review'],
  organization: { id: '44444444-4444-4444-8444-444444444444', name: 'Gubernur Kalimantan Selatan selaku Wakil Pemerintah Pusat', type: 'GWPP', tenantId: null, regionCode: '63' },
  scope: { platformAdmin: false, tenantIds: [], oversightProvinceCodes: ['63'], readAll: false },
});
const rules = { tenantId: HSS_TENANT, today: '2026-11-23', canEdit: false, effective: { reporting: { periods: ['SEMESTER'], dueDaysAfterPeriodEnd: 31, reminderDaysBefore: [7] } }, versions: [] };

describe('the periodic reports page', () => {
  it('lists the reports with their status in words and the period filter in the address', async () => {
    const { calls } = mockFetch({ 'GET /api/me': { body: secretariat }, 'GET /api/reports': { body: { items: [report] } }, 'GET /api/rule-packs': { body: rules } });
    renderApp('/laporan-berkala');
    const table = await screen.findByRole('table', { name: 'Laporan berkala yang dapat Anda lihat' }, { timeout: 5000 });
    const row = within(table).getByRole('row', { name: /Semester I 2026/ });
    expect(within(row).getByText('Diajukan')).toBeTruthy();
    expect(within(row).getByText('31 Juli 2026')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Buka laporan Semester I 2026 Pemerintah Kabupaten Hulu Sungai Selatan' }).getAttribute('href')).toBe(`/laporan-berkala/${REPORT_ID}`);
    // A secretariat compiles but does not review: no compliance view.
    expect(screen.queryByRole('heading', { name: 'Kepatuhan pelaporan' })).toBeNull();

    const filter = screen.getByRole('form', { name: 'Saring' });
    fireEvent.change(within(filter).getByLabelText('Periode'), { target: { value: 'SEMESTER_2' } });
    fireEvent.change(within(filter).getByLabelText('Status'), { target: { value: 'RETURNED' } });
    fireEvent.click(within(filter).getByRole('button', { name: 'Terapkan' }));
    await waitFor(() => expect(calls.some((c) => c.url.includes('period=SEMESTER_2') && c.url.includes('status=RETURNED'))).toBe(true));
  });

  it('offers only the rule pack’s periods when creating, and shows the server’s field message', async () => {
    const { calls } = mockFetch({
      'GET /api/me': { body: secretariat },
      'GET /api/reports': { body: { items: [] } },
      'GET /api/rule-packs': { body: rules },
      'POST /api/reports': problem(422, 'reports.report_invalid', 'Laporan tidak dapat dibuat; periksa isian yang ditandai.', [
        { path: 'period', code: 'period_not_ended', message: 'Periode ini belum berakhir (berakhir 31 Desember 2026); laporan dibuat setelah periode selesai.' },
      ]),
    });
    renderApp('/laporan-berkala');
    const form = (await screen.findByRole('heading', { name: 'Buat laporan' }, { timeout: 5000 })).closest('section')!;
    const period = within(form).getByLabelText('Periode') as HTMLSelectElement;
    await waitFor(() => expect([...period.options].map((o) => o.textContent)).toEqual(['Semester I', 'Semester II']));
    // The latest period that has ended by the server's day (23 November 2026) is Semester I 2026.
    expect(period.value).toBe('SEMESTER_1');
    expect((within(form).getByLabelText('Tahun') as HTMLSelectElement).value).toBe('2026');
    fireEvent.change(period, { target: { value: 'SEMESTER_2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Buat laporan' }));
    expect(await within(form).findByText('Periode ini belum berakhir (berakhir 31 Desember 2026); laporan dibuat setelah periode selesai.')).toBeTruthy();
    expect(within(form).getByLabelText('Periode').getAttribute('aria-invalid')).toBe('true');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(await post.json()).toEqual({ year: 2026, period: 'SEMESTER_2' });
    expect(screen.getByText('Belum ada laporan untuk pilihan ini.')).toBeTruthy();
  });

  it('shows a reviewer who has not reported for a period', async () => {
    mockFetch({ 'GET /api/me': { body: gwpp }, 'GET /api/reports': { body: { items: [report] } }, 'GET /api/rule-packs': { body: rules }, 'GET /api/reports/compliance': { body: compliance() } });
    renderApp('/laporan-berkala');
    const table = await screen.findByRole('table', { name: 'Kepatuhan pelaporan Semester I 2026' }, { timeout: 5000 });
    expect(screen.getByText('2 pemerintah daerah belum melapor')).toBeTruthy();
    const tapin = within(table).getByRole('row', { name: /Tapin/ });
    expect(within(tapin).getByText('Belum ada laporan')).toBeTruthy();
    expect(within(tapin).getByText('Tidak')).toBeTruthy();
    const hss = within(table).getByRole('row', { name: /Hulu Sungai Selatan/ });
    expect(within(hss).getByRole('link', { name: 'Pemerintah Kabupaten Hulu Sungai Selatan' }).getAttribute('href')).toBe(`/laporan-berkala/${REPORT_ID}`);
    expect(within(hss).getByText('Diajukan')).toBeTruthy();
    // A draft of another pemda is not the reviewer's to open.
    expect(within(within(table).getByRole('row', { name: /Hulu Sungai Tengah/ })).queryByRole('link')).toBeNull();
  });

  it('answers the address as not found for a user who cannot read cooperations', async () => {
    mockFetch({ 'GET /api/me': { body: buildMe({ permissions: ['org.read'] }) } });
    renderApp('/laporan-berkala');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Halaman tidak ditemukan'), { timeout: 5000 });
  });
});
