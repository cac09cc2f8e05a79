import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { demoAccount } from './support/accounts';
import { expect, openHomeAs, test } from './support/fixtures';
import { expectNoHorizontalOverflow, goToNav } from './support/ui';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const openDashboard = async (page: Page) => {
  await goToNav(page, 'Dasbor');
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Angka utama' })).toBeVisible();
};

const tileValue = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Angka utama' }).locator('.dash-tile').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) }).locator('.dash-tile-value');

const readDownload = async (download: Download) => fs.readFileSync((await download.path())!);

const download = async (page: Page, button: Locator) => {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);

  return file;
};

test.describe('dashboards', () => {
  test('the HSS secretariat sees its key figures, reads a chart as a table and downloads it as CSV and PNG', async ({ page }) => {
    await openHomeAs(page, demoAccount('sekretariat.hss@jejaring.test'));
    await openDashboard(page);
    await expect(page.locator('.lead strong')).toHaveText('Pemerintah Kabupaten Hulu Sungai Selatan');
    // A pemda user has one scope: no switcher.
    await expect(page.getByRole('combobox', { name: 'Cakupan' })).toHaveCount(0);
    const total = Number((await tileValue(page, 'Seluruh kerja sama').textContent())!.replaceAll('.', ''));
    expect(total).toBeGreaterThan(0);
    await expect(tileValue(page, 'Realisasi anggaran')).toHaveText(/^Rp[\d.]+,\d{2}$/);

    const card = page.getByRole('region', { name: 'Kerja sama per tahap' });
    // The element echarts draws into, which carries its aria description.
    const chart = card.locator('.dash-chart-canvas');
    await expect(chart.locator('svg')).toBeVisible();
    await expect(chart).toHaveAttribute('aria-label', /^Kerja sama per tahap\. /);

    await card.getByRole('button', { name: 'Tabel' }).click();
    const table = card.getByRole('table', { name: 'Kerja sama per tahap' });
    await expect(table.getByRole('columnheader')).toHaveText(['Tahap', 'Jumlah']);
    const rows = await table.locator('tbody tr').allInnerTexts();
    const tableTotal = rows.reduce((sum, row) => sum + Number(row.split('\t').at(-1)!.replaceAll('.', '')), 0);
    expect(tableTotal).toBe(total);

    const csv = await download(page, card.getByRole('button', { name: 'Unduh CSV' }));
    expect(csv.suggestedFilename()).toBe('dasbor-63-06-kerja-sama-per-tahap.csv');
    const bytes = await readDownload(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Kode;Tahap;Jumlah');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(';').at(-1)), 0)).toBe(total);

    await card.getByRole('button', { name: 'Tabel' }).click();
    await expect(chart.locator('svg')).toBeVisible();
    const png = await download(page, card.getByRole('button', { name: 'Unduh PNG' }));
    expect(png.suggestedFilename()).toBe('dasbor-63-06-kerja-sama-per-tahap.png');
    const image = await readDownload(png);
    expect([...image.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(image.length).toBeGreaterThan(1000);

    await expectAccessible(page);
  });

  test('Kemendagri sees the nation and switches to a province', async ({ page }) => {
    await openHomeAs(page, demoAccount('pemantau.kemendagri@jejaring.test'));
    await openDashboard(page);
    await expect(page.locator('.lead strong')).toHaveText('Nasional');
    const scope = page.getByRole('combobox', { name: 'Cakupan' });
    await expect(scope).toHaveValue('nation');
    const national = Number((await tileValue(page, 'Seluruh kerja sama').textContent())!.replaceAll('.', ''));
    expect(national).toBeGreaterThan(0);

    await scope.selectOption('province:63');
    await expect(page).toHaveURL(/cakupan=province&wilayah=63$/);
    await expect(page.locator('.lead strong')).toHaveText(/^Provinsi .*KALIMANTAN SELATAN/i);
    await expect(page.locator('.dash')).toHaveAttribute('aria-busy', 'false');
    const province = Number((await tileValue(page, 'Seluruh kerja sama').textContent())!.replaceAll('.', ''));
    expect(province).toBeGreaterThan(0);
    expect(province).toBeLessThanOrEqual(national);
    await expectAccessible(page);
  });

  test('the dashboard fits a phone screen and its charts shrink with it @phone', async ({ page }) => {
    await openHomeAs(page, demoAccount('sekretariat.hss@jejaring.test'));
    await openDashboard(page);
    const card = page.getByRole('region', { name: 'Kerja sama per urusan' });
    const svg = card.locator('.dash-chart-canvas svg');
    await expect(svg).toBeVisible();
    // The chart is as wide as its card, never wider than the screen.
    const [chartWidth, cardWidth] = await Promise.all([svg.evaluate((e) => e.getBoundingClientRect().width), card.evaluate((e) => e.clientWidth)]);
    expect(chartWidth).toBeLessThanOrEqual(cardWidth);
    expect(chartWidth).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
  });
});
