import { organizationNamed } from './support/api';
import { expectAccessible } from './support/a11y';
import { demoAccount } from './support/accounts';
import { expect, openHomeAs, test } from './support/fixtures';
import { goToNav } from './support/ui';
import type { Page } from '@playwright/test';

const HSS = 'Pemerintah Kabupaten Hulu Sungai Selatan';
const JAYAWIJAYA = 'Pemerintah Kabupaten Jayawijaya';
const PUPR_HSS = 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Hulu Sungai Selatan';
const HSS_OPDS = [PUPR_HSS, 'Dinas Kesehatan Kabupaten Hulu Sungai Selatan', 'Badan Perencanaan Pembangunan Daerah Kabupaten Hulu Sungai Selatan'];

const organizationsTable = (page: Page) => page.getByRole('region', { name: 'Organisasi' });
const listedNames = (page: Page) => organizationsTable(page).getByRole('row').getByRole('link');

const openOrganizations = async (page: Page) => {
  await goToNav(page, 'Organisasi');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisasi' })).toBeVisible();
  await expect(listedNames(page).first()).toBeVisible();
};

const showTenant = async (page: Page, tenant: string) => {
  await page.getByLabel('Pemda', { exact: true }).selectOption({ label: tenant });
  await expect(listedNames(page).filter({ hasText: tenant })).toHaveCount(1);
};

/** A read-only viewer has no control that would create or change an organisation. */
const expectNoEditControls = async (page: Page) => {
  await expect(page.getByRole('link', { name: 'Tambah organisasi' })).toHaveCount(0);
  await listedNames(page).filter({ hasText: PUPR_HSS }).click();
  await expect(page.getByRole('heading', { level: 1, name: PUPR_HSS })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Dinas PUPR HSS' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ubah' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Nonaktifkan' })).toHaveCount(0);
};

test.describe('oversight and tenant boundaries in Organisasi', () => {
  test('the GWPP reviewer of Kalimantan Selatan sees the OPDs of Hulu Sungai Selatan but cannot create or edit', async ({ page }) => {
    await openHomeAs(page, demoAccount('gwpp.kalsel@jejaring.test'));
    await expect(page.getByText('Pengawasan kabupaten/kota di Kalimantan Selatan (63).')).toBeVisible();
    await openOrganizations(page);
    await expect(page.getByLabel('Pemda', { exact: true }).getByRole('option')).toHaveText(['Semua pemda', 'Pemerintah Kabupaten Tapin', HSS, 'Pemerintah Kabupaten Hulu Sungai Tengah']);
    await showTenant(page, HSS);
    for (const opd of HSS_OPDS) await expect(listedNames(page).filter({ hasText: opd })).toHaveCount(1);
    await expect(listedNames(page).filter({ hasText: 'Jayawijaya' })).toHaveCount(0);
    await expectAccessible(page);
    await expectNoEditControls(page);
    await expectAccessible(page);
  });

  test('the Kemendagri viewer sees the organisations of every tenant and cannot create or edit', async ({ page }) => {
    await openHomeAs(page, demoAccount('pemantau.kemendagri@jejaring.test'));
    await expect(page.getByText('Seluruh data semua pemda (hanya baca).')).toBeVisible();
    await openOrganizations(page);
    const tenants = page.getByLabel('Pemda', { exact: true }).getByRole('option');
    for (const tenant of [HSS, JAYAWIJAYA, 'Pemerintah Kabupaten Merauke', 'Pemerintah Kabupaten Pesawaran', 'Pemerintah Kabupaten Sorong Selatan', 'Pemerintah Provinsi Lampung'])
      await expect(tenants.filter({ hasText: tenant })).toHaveCount(1);
    await showTenant(page, JAYAWIJAYA);
    await expect(listedNames(page).filter({ hasText: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Jayawijaya' })).toHaveCount(1);
    await expect(listedNames(page).filter({ hasText: 'Hulu Sungai Selatan' })).toHaveCount(0);
    await showTenant(page, 'Pemerintah Kabupaten Merauke');
    await expect(listedNames(page).filter({ hasText: 'Dinas Kesehatan Kabupaten Merauke' })).toHaveCount(1);
    await showTenant(page, HSS);
    for (const opd of HSS_OPDS) await expect(listedNames(page).filter({ hasText: opd })).toHaveCount(1);
    await expectNoEditControls(page);
  });

  test("the Jayawijaya secretariat sees Hulu Sungai Selatan's pemda as a possible partner but none of its OPDs", async ({ page, platformApi }) => {
    const puprHss = await organizationNamed(platformApi, PUPR_HSS);
    await openHomeAs(page, demoAccount('sekretariat.jayawijaya@jejaring.test'));
    await openOrganizations(page);
    await page.getByLabel('Nama atau singkatan').fill('Hulu Sungai Selatan');
    await page.getByRole('button', { name: 'Cari' }).click();
    await expect(page.getByText('Ditemukan 1 data')).toBeVisible();
    await expect(listedNames(page)).toHaveText([HSS]);
    await expectAccessible(page);

    // Even the direct address of an HSS unit answers as if it did not exist.
    await page.goto(`/app/admin/organisasi/${puprHss.id}`);
    await expect(page.getByRole('alert')).toHaveText('Organisasi tidak ditemukan.');
    await expect(page.getByRole('heading', { level: 1, name: PUPR_HSS })).toHaveCount(0);
  });
});
