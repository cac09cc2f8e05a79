import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problem } from '../../test/fetch';
import { buildMe, renderApp } from '../../test/render';
import { REPORT_ID, reportDetail } from './reports.fixtures';

const path = `/laporan-berkala/${REPORT_ID}`;
const me = buildMe({ permissions: ['cooperation.read', 'files.read', 'org.read', 'user.read', 'report.submit', 'report.review'] });
const rowOf = (tableName: string, rowName: RegExp) => within(screen.getByRole('table', { name: tableName })).getByRole('row', { name: rowName });

describe('a periodic report', () => {
  it('shows the figures as captioned tables with Rupiah and dates, the files, and the compiler’s actions', async () => {
    mockFetch({ 'GET /api/me': { body: me }, [`GET /api/reports/${REPORT_ID}`]: { body: reportDetail() } });
    renderApp(path);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Laporan Semester I 2026 — Pemerintah Kabupaten Hulu Sungai Selatan'), { timeout: 5000 });
    expect(screen.getByText('Draf')).toBeTruthy();
    expect(screen.getByText('1 Januari 2026 – 30 Juni 2026')).toBeTruthy();
    expect(screen.getByText('Gubernur selaku Wakil Pemerintah Pusat')).toBeTruthy();
    expect(within(rowOf('Ringkasan', /Anggaran kegiatan/)).getByText('Rp1.500.000,00')).toBeTruthy();
    expect(within(rowOf('Ringkasan', /Realisasi kegiatan/)).getByText('Rp450.000,50')).toBeTruthy();
    expect(within(rowOf('Ringkasan', /Persentase realisasi/)).getByText('30,0%')).toBeTruthy();
    expect(within(rowOf('Ringkasan', /Jumlah kerja sama/)).getByText('7')).toBeTruthy();
    expect(within(rowOf('Kerja sama menurut jenis', /KSDD/)).getByText('5')).toBeTruthy();
    expect(within(rowOf('Kerja sama menurut tahap', /Berlaku/)).getByText('4')).toBeTruthy();
    expect(within(rowOf('Kerja sama yang akan berakhir', /Pengelolaan TPA regional/)).getByText('25 April 2025')).toBeTruthy();
    expect(within(rowOf('Kerja sama tidak aktif (dormant)', /Pariwisata Loksado/)).getByText('14')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Pengelolaan TPA regional' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Rekapitulasi per kabupaten/kota' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Unduh XLSX' }).getAttribute('href')).toBe(`/api/reports/${REPORT_ID}/xlsx`);
    expect(screen.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href')).toBe(`/api/reports/${REPORT_ID}/pdf`);
    expect(screen.getByRole('button', { name: 'Ajukan laporan' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Buat ulang' })).toBeTruthy();
    // can.review is false on this report: no reviewer buttons, whatever the permissions.
    expect(screen.queryByRole('button', { name: 'Terima laporan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kembalikan laporan' })).toBeNull();
  });

  it('submits with the version it shows and then offers nothing more to the compiler', async () => {
    const submitted = reportDetail({ status: 'SUBMITTED', rowVersion: 2, submittedAt: '2026-11-23T04:00:00Z', can: { regenerate: false, submit: false, review: false } });
    const { figures: _f, ...row } = submitted;
    const { calls } = mockFetch({ 'GET /api/me': { body: me }, [`GET /api/reports/${REPORT_ID}`]: [{ body: reportDetail() }, { body: submitted }], [`POST /api/reports/${REPORT_ID}/submit`]: { body: row } });
    renderApp(path);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajukan laporan' }, { timeout: 5000 }));
    expect(await screen.findByText('Diajukan', { selector: '.report-badge' })).toBeTruthy();
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({ expectedVersion: 1 });
    expect(screen.queryByRole('button', { name: 'Ajukan laporan' })).toBeNull();
    expect(screen.getByText('Laporan diajukan.')).toBeTruthy();
    // The figures stay on the page although the action answers only with the report row.
    expect(screen.getByRole('table', { name: 'Ringkasan' })).toBeTruthy();
  });

  it('lets a reviewer return a report only with a comment, showing the server’s field message', async () => {
    const submitted = reportDetail({ status: 'SUBMITTED', rowVersion: 2, can: { regenerate: false, submit: false, review: true } });
    const { calls } = mockFetch({
      'GET /api/me': { body: me },
      [`GET /api/reports/${REPORT_ID}`]: { body: submitted },
      [`POST /api/reports/${REPORT_ID}/return`]: problem(422, 'reports.report_invalid', 'Laporan tidak dapat dibuat; periksa isian yang ditandai.', [
        { path: 'comment', code: 'comment_required', message: 'Tuliskan alasan pengembalian laporan.' },
      ]),
    });
    renderApp(path);
    expect(await screen.findByRole('button', { name: 'Terima laporan' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Buat ulang' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Kembalikan laporan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kirim pengembalian' }));
    expect(await screen.findByText('Tuliskan alasan pengembalian laporan.')).toBeTruthy();
    expect(screen.getByLabelText(/Alasan pengembalian/).getAttribute('aria-invalid')).toBe('true');
    expect(await calls.find((c) => c.method === 'POST')!.json()).toEqual({ expectedVersion: 2, comment: '' });
  });

  it('says why nothing can change on an accepted report and offers no action', async () => {
    const accepted = reportDetail({ status: 'ACCEPTED', rowVersion: 3, locked: true, submittedAt: '2026-11-20T02:00:00Z', reviewedAt: '2026-11-22T03:00:00Z', can: { regenerate: false, submit: false, review: false } });
    mockFetch({ 'GET /api/me': { body: me }, [`GET /api/reports/${REPORT_ID}`]: { body: accepted } });
    renderApp(path);
    expect(await screen.findByText('Laporan ini diterima pada 22 November 2026 dan terkunci sebagai arsip: isinya tidak dapat dibuat ulang, diajukan, atau ditelaah lagi.', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Diterima')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Tindakan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Buat ulang' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Unduh PDF' })).toBeTruthy();
  });

  it('shows the reviewer’s comment on a returned report, and a lock refusal from the server', async () => {
    const returned = reportDetail({ status: 'RETURNED', rowVersion: 3, reviewComment: 'Realisasi anggaran TPA belum diisi.', reviewedAt: '2026-11-22T03:00:00Z' });
    mockFetch({
      'GET /api/me': { body: me },
      [`GET /api/reports/${REPORT_ID}`]: { body: returned },
      [`POST /api/reports/${REPORT_ID}/regenerate`]: problem(409, 'reports.report_locked', 'Laporan sudah diterima pada 22 November 2026 dan terkunci: isinya tidak dapat dibuat ulang atau diubah.'),
    });
    renderApp(path);
    expect(await screen.findByText('Realisasi anggaran TPA belum diisi.', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Dikembalikan oleh penelaah')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Buat ulang' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Laporan sudah diterima pada 22 November 2026 dan terkunci: isinya tidak dapat dibuat ulang atau diubah.');
  });

  it('shows a province report’s per kabupaten/kota roll-up with each report status', async () => {
    const province = reportDetail({ level: 'PROVINCE', recipient: 'MENDAGRI' });
    province.figures = {
      ...province.figures,
      level: 'PROVINCE',
      regions: [
        { tenantId: '55555555-5555-4555-8555-555555555555', name: 'Pemerintah Kabupaten Tapin', regionCode: '63.05', cooperations: 2, inForce: 1, signed: 0, ended: 0, expiring: 0, dormant: 1, activities: 1, budget: '2500000.00', realisation: '0.00', reportStatus: null },
      ],
    };
    mockFetch({ 'GET /api/me': { body: me }, [`GET /api/reports/${REPORT_ID}`]: { body: province } });
    renderApp(path);
    const row = await waitFor(() => rowOf('Rekapitulasi per kabupaten/kota', /Tapin/), { timeout: 5000 });
    expect(within(row).getByText('Rp2.500.000,00')).toBeTruthy();
    expect(within(row).getByText('Belum melapor')).toBeTruthy();
    expect(screen.getByText('Menteri Dalam Negeri')).toBeTruthy();
  });
});
