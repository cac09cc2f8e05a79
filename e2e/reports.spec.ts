import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { signIn } from './support/api';
import { expectAccessible } from './support/a11y';
import { pdfText } from './support/documents';
import { DEMO_PASSWORD, demoAccount, todayWib } from './support/accounts';
import { expect, openHomeAs, test } from './support/fixtures';
import { goToNav, signOut } from './support/ui';

const HSS = 'Pemerintah Kabupaten Hulu Sungai Selatan';
const SECRETARIAT = demoAccount('sekretariat.hss@jejaring.test');
const GWPP = demoAccount('gwpp.kalsel@jejaring.test');

/**
 * The latest semester that has ended by today (WIB) and that the demo has not reported on: the
 * demo seeds Hulu Sungai Selatan's 2025 semester 2, and the server refuses a period not yet over.
 */
const freshSemester = (today: string) => {
  const year = Number(today.slice(0, 4));
  const candidates = [
    { year, period: 'SEMESTER_1' as const, label: 'Semester I', end: `${year}-06-30` },
    { year: year - 1, period: 'SEMESTER_2' as const, label: 'Semester II', end: `${year - 1}-12-31` },
    { year: year - 1, period: 'SEMESTER_1' as const, label: 'Semester I', end: `${year - 1}-06-30` },
  ];
  const found = candidates.find((c) => c.end < today && !(c.year === 2025 && c.period === 'SEMESTER_2'));
  if (!found) throw new Error(`no unused ended semester before ${today}`);

  return found;
};

const download = async (page: Page, link: string): Promise<{ file: Download; bytes: Buffer }> => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const path = await file.path();

  return { file, bytes: await fs.readFile(path) };
};

/** The value cell of a row of the page's summary table. */
const summaryValue = (page: Page, item: string) =>
  page.getByRole('table', { name: 'Ringkasan' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: item, exact: true }) }).getByRole('cell');

test.describe('periodic reports', () => {
  test('a secretariat generates, downloads and submits a semester report; the GWPP accepts it and it is locked', async ({ page, request }) => {
    const semester = freshSemester(todayWib());
    const periodName = `${semester.label} ${semester.year}`;
    const title = `Laporan ${periodName} — ${HSS}`;

    await openHomeAs(page, SECRETARIAT);
    await goToNav(page, 'Laporan berkala');
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan berkala' })).toBeVisible();
    const list = page.getByRole('table', { name: 'Laporan berkala yang dapat Anda lihat' });
    await expect(list.getByRole('row').filter({ hasText: 'Semester II 2025' })).toContainText('Diterima');
    await expectAccessible(page);

    const create = page.getByRole('region', { name: 'Buat laporan' });
    await create.getByLabel('Tahun').selectOption(String(semester.year));
    await create.getByLabel('Periode').selectOption(semester.period);
    await create.getByRole('button', { name: 'Buat laporan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/app\/laporan-berkala\/[0-9a-f-]{36}$/);
    const reportId = page.url().split('/').pop()!;
    await expect(page.locator('.report-badge').first()).toHaveText('Draf');
    await expect(page.getByText('Gubernur selaku Wakil Pemerintah Pusat')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Ringkasan' })).toBeVisible();
    const cooperations = (await summaryValue(page, 'Jumlah kerja sama').textContent())!.trim();
    const budget = (await summaryValue(page, 'Anggaran kegiatan').textContent())!.trim();
    expect(budget).toMatch(/^Rp[\d.]+,\d{2}$/);
    await expectAccessible(page);

    // The XLSX says what the page says.
    const xlsx = await download(page, 'Unduh XLSX');
    expect(xlsx.file.suggestedFilename()).toBe(`Laporan-KSD_63.06_${semester.year}_${semester.period}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as never);
    const sheet = workbook.getWorksheet('Ringkasan')!;
    const rows = sheet.getSheetValues().filter(Array.isArray).map((r) => (r as unknown[]).slice(1).map((c) => String(c ?? '')));
    expect(rows[0]![0]).toBe(`Laporan ${semester.label} Tahun ${semester.year} Kerja Sama Daerah ${HSS}`);
    expect(rows.find((r) => r[0] === 'Jumlah kerja sama')?.[1]).toBe(cooperations);
    expect(rows.find((r) => r[0] === 'Anggaran kegiatan')?.[1]).toBe(budget);

    const pdf = await download(page, 'Unduh PDF');
    expect(pdf.file.suggestedFilename()).toBe(`Laporan-KSD_63.06_${semester.year}_${semester.period}.pdf`);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(`Laporan ${semester.label} Tahun ${semester.year} Kerja Sama Daerah ${HSS}`);
    expect(text).toContain(`Jumlah kerja sama ${cooperations}`);
    expect(text).toContain(`Anggaran kegiatan ${budget}`);

    await page.getByRole('button', { name: 'Ajukan laporan' }).click();
    await expect(page.locator('.report-badge').first()).toHaveText('Diajukan');
    await expect(page.getByRole('button', { name: 'Ajukan laporan' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Buat ulang' })).toHaveCount(0);
    await signOut(page, SECRETARIAT.name);

    // The GWPP of Kalimantan Selatan sees who has reported, opens the report and accepts it.
    await openHomeAs(page, GWPP);
    await goToNav(page, 'Laporan berkala');
    const compliance = page.getByRole('region', { name: 'Kepatuhan pelaporan' });
    await compliance.getByLabel('Tahun').selectOption(String(semester.year));
    await compliance.getByLabel('Periode').selectOption(semester.period);
    await compliance.getByRole('button', { name: 'Tampilkan' }).click();
    const complianceTable = page.getByRole('table', { name: `Kepatuhan pelaporan ${periodName}` });
    await expect(complianceTable.getByRole('row').filter({ hasText: HSS })).toContainText('Diajukan');
    await expect(complianceTable.getByRole('row').filter({ hasText: 'Pemerintah Kabupaten Tapin' })).toContainText('Belum ada laporan');
    await expectAccessible(page);
    await page.getByRole('link', { name: `Buka laporan ${periodName} ${HSS}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Buat ulang' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Terima laporan' }).click();
    await expect(page.locator('.report-badge').first()).toHaveText('Diterima');
    await expect(page.getByText(/terkunci sebagai arsip/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Terima laporan' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Tindakan' })).toHaveCount(0);
    await expectAccessible(page);
    await signOut(page, GWPP.name);

    // The secretariat finds it locked, and the API refuses to regenerate it.
    await openHomeAs(page, SECRETARIAT);
    await page.goto(`/app/laporan-berkala/${reportId}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(/terkunci sebagai arsip/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Buat ulang' })).toHaveCount(0);
    const api = await signIn(request, SECRETARIAT.email, DEMO_PASSWORD);
    const current = (await (await request.get(`/api/reports/${reportId}`)).json()) as { rowVersion: number; locked: boolean };
    expect(current.locked).toBe(true);
    const refused = await request.post(`/api/reports/${reportId}/regenerate`, { headers: { 'x-csrf-token': api.csrf }, data: { expectedVersion: current.rowVersion } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('reports.report_locked');
  });
});
