import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, demoAccount } from './support/accounts';
import { expectAccessible } from './support/a11y';
import { get, signIn, type ApiSession } from './support/api';
import { expect, test } from './support/fixtures';
import { expectNoHorizontalOverflow, isNarrow } from './support/ui';

const secretariat = demoAccount('sekretariat.hss@jejaring.test');
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'server', 'modules', 'cooperations', 'fixtures');
const BAD = path.join(FIXTURES, 'register-kerja-sama-dua-baris-salah.xlsx');
const FIXED = path.join(FIXTURES, 'register-kerja-sama-dua-baris-diperbaiki.xlsx');
const TITLES = ['Pengelolaan Persampahan Regional Banua Anam', 'Penyediaan Air Minum Curah Banua Anam', 'Pendampingan UMKM Banua Anam', 'Pelatihan Aparatur Desa Banua Anam'];

type Register = { items: { title: string; state: string; kind: string }[] };
const banuaAnam = async (api: ApiSession) => (await get<Register>(api, '/api/cooperations?q=Banua%20Anam&limit=50')).items.filter((i) => TITLES.includes(i.title));

/** Uploads a register through the page and waits for the mapping step; returns the stored file's id. */
const uploadRegister = async (page: Page, file: string) => {
  const stored = page.waitForResponse((r) => r.url().endsWith('/api/files') && r.request().method() === 'POST');
  await page.getByLabel('Berkas register (XLSX atau CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Unggah dan baca' }).click();
  const id = ((await (await stored).json()) as { id: string }).id;
  await expect(page.getByRole('heading', { level: 2, name: 'Petakan kolom' })).toBeVisible();

  return id;
};

const openImport = async (page: Page) => {
  const api = await signIn(page.context().request, secretariat.email, DEMO_PASSWORD);
  await page.goto('/app/kerja-sama/impor');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor register kerja sama' })).toBeVisible();

  return api;
};

test.describe('the KSD secretariat imports its old register', () => {
  test('a file with two bad rows is refused and nothing is imported; the corrected file imports every row', async ({ page }) => {
    const api = await openImport(page);
    await expectAccessible(page);
    expect(await banuaAnam(api)).toEqual([]);

    const badId = await uploadRegister(page, BAD);
    // The columns are recognised from their Indonesian headers; required fields are marked.
    await expect(page.getByLabel('Kolom B: Judul Kerja Sama')).toHaveValue('title');
    await expect(page.getByLabel('Kolom D: Jenis')).toHaveValue('kind');
    await expect(page.getByLabel('Kolom G: Tanggal Mulai')).toHaveValue('startDate');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lihat pratinjau' }).click();

    const table = page.getByRole('region', { name: 'Pratinjau baris register' });
    await expect(table.getByRole('row').filter({ hasText: 'Ada kesalahan' })).toHaveCount(2);
    await expect(table.getByRole('row').filter({ hasText: 'Siap' })).toHaveCount(2);
    const kindRow = table.getByRole('row').filter({ hasText: 'Pendampingan UMKM Banua Anam' });
    await expect(kindRow).toContainText('Jenis kerja sama: Jenis kerja sama "Kemitraan Strategis" tidak dikenali');
    const dateRow = table.getByRole('row').filter({ hasText: 'Pelatihan Aparatur Desa Banua Anam' });
    await expect(dateRow).toContainText('Tanggal berakhir: Tanggal berakhir (2024-06-30) sebelum tanggal mulai (2025-07-01).');
    await expect(page.getByRole('button', { name: 'Uji coba impor' })).toBeDisabled();
    await expect(page.getByText(/2 baris ada kesalahan/).first()).toBeVisible();
    await expectAccessible(page);

    // The server refuses it too, and the register stays as it was.
    const refused = await api.request.post('/api/cooperations/import', { headers: { 'x-csrf-token': api.csrf }, data: { fileId: badId, dryRun: false } });
    expect(refused.status()).toBe(422);
    const problem = (await refused.json()) as { code: string; rows: { rowNumber: number }[] };
    expect(problem.code).toBe('import.rows_invalid');
    expect(problem.rows.map((r) => r.rowNumber)).toEqual([7, 8]);
    expect(await banuaAnam(api)).toEqual([]);

    await page.getByRole('button', { name: 'Unggah berkas lain' }).click();
    await uploadRegister(page, FIXED);
    await page.getByRole('button', { name: 'Lihat pratinjau' }).click();
    await expect(table.getByRole('row').filter({ hasText: 'Siap' })).toHaveCount(4);
    await expect(table.getByRole('row').filter({ hasText: 'Penyediaan Air Minum Curah Banua Anam' })).toContainText('PT Banua Tirta Lestari (fiktif)');
    await page.getByRole('button', { name: 'Uji coba impor' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Uji coba berhasil.' })).toContainText('4 kerja sama akan dicatat dan 0 mitra baru akan didaftarkan');
    expect(await banuaAnam(api), 'a dry run saves nothing').toEqual([]);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Impor 4 kerja sama' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Impor selesai' })).toBeVisible();
    await expect(page.getByText('4 kerja sama tercatat di register dan 0 mitra baru didaftarkan.')).toBeVisible();
    const imported = await banuaAnam(api);
    expect(imported.map((i) => i.title).sort()).toEqual([...TITLES].sort());
    expect(imported.every((i) => i.state === 'BERLAKU')).toBe(true);
    expect(imported.find((i) => i.title === TITLES[0])?.kind).toBe('KSDD');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Buka register kerja sama' }).click();
    await expect(page).toHaveURL(/\/app\/kerja-sama$/);
  });

  test('on a phone the preview table scrolls inside its own region and the page does not overflow @phone', async ({ page }) => {
    await openImport(page);
    await expectNoHorizontalOverflow(page);
    await uploadRegister(page, BAD);
    await expectNoHorizontalOverflow(page);
    await page.getByRole('button', { name: 'Lihat pratinjau' }).click();
    const table = page.getByRole('region', { name: 'Pratinjau baris register' });
    // Whether or not the corrected file was imported before (its numbers then count as taken), these rows are wrong.
    await expect(table.getByRole('row').filter({ hasText: 'Pendampingan UMKM Banua Anam' })).toContainText('Ada kesalahan');
    await expect(table.getByRole('row').filter({ hasText: 'Pelatihan Aparatur Desa Banua Anam' })).toContainText('Ada kesalahan');
    await expectNoHorizontalOverflow(page);
    // At 360 px the table is wider than the screen: it must scroll inside its region, not the page.
    if (isNarrow(page)) expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth), 'the wide table scrolls within its region').toBe(true);
    await expectAccessible(page);
  });
});
