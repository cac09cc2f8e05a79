import { expectAccessible } from './support/a11y';
import { demoAccount } from './support/accounts';
import { expect, openHomeAs, test } from './support/fixtures';
import { expectNoHorizontalOverflow, goToNav } from './support/ui';

test.describe('reference data', () => {
  test('finds Jayawijaya in Wilayah and drills down to the kecamatan Wamena with its Kemendagri code, on any screen @phone', async ({ page }) => {
    await openHomeAs(page, demoAccount('tkksd.anggota.hss@jejaring.test'));
    await goToNav(page, 'Wilayah');
    await expect(page.getByRole('heading', { level: 1, name: 'Wilayah' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Wilayah' }).getByRole('row').filter({ hasText: 'Kalimantan Selatan' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Nama atau kode wilayah').fill('Jayawijaya');
    await page.getByRole('button', { name: 'Cari' }).click();
    const jayawijaya = page.getByRole('region', { name: 'Wilayah' }).getByRole('row').filter({ hasText: 'Kabupaten Jayawijaya' });
    await expect(jayawijaya.getByRole('cell').nth(0)).toHaveText('95.01');
    await expect(jayawijaya.getByRole('cell').nth(2)).toHaveText('Kabupaten');
    await jayawijaya.getByRole('button', { name: 'Lihat wilayah di bawahnya Kabupaten Jayawijaya' }).click();

    await expect(page.getByRole('navigation', { name: 'Wilayah yang sedang dibuka' })).toContainText('Kabupaten Jayawijaya');
    await expect(page.getByText('Ditemukan 40 data')).toBeVisible();
    const wamena = page.getByRole('region', { name: 'Wilayah' }).getByRole('row').filter({ has: page.getByRole('cell', { name: 'Wamena', exact: true }) });
    await expect(wamena.getByRole('cell').nth(0)).toHaveText('95.01.01');
    await expect(wamena.getByRole('cell').nth(2)).toHaveText('Kecamatan');
    // The wide table scrolls inside its own region; the page itself stays as wide as the screen.
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
  });

  test('lists the 32 urusan of UU 23/2014 in their groups', async ({ page }) => {
    await openHomeAs(page, demoAccount('tkksd.anggota.hss@jejaring.test'));
    await goToNav(page, 'Urusan pemerintahan');
    await expect(page.getByRole('heading', { level: 1, name: 'Urusan pemerintahan' })).toBeVisible();
    const group = (name: string) => page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
    await expect(group('Urusan wajib yang berkaitan dengan pelayanan dasar').getByRole('listitem')).toHaveCount(6);
    await expect(group('Urusan wajib yang tidak berkaitan dengan pelayanan dasar').getByRole('listitem')).toHaveCount(18);
    await expect(group('Urusan pilihan').getByRole('listitem')).toHaveCount(8);
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(32);
    await expect(group('Urusan wajib yang berkaitan dengan pelayanan dasar').getByRole('listitem').first()).toContainText('Pendidikan');
    await expectAccessible(page);
  });

  test('the About page, reached from the sign-in page without signing in, credits the region data under the ODbL', async ({ page }) => {
    await page.goto('/app/masuk');
    await page.getByRole('link', { name: 'Tentang Jejaring' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tentang Jejaring' })).toBeVisible();
    await expect(page).toHaveURL(/\/app\/tentang$/);
    await expect(page.getByRole('link', { name: 'Open Database License (ODbL) v1.0' })).toHaveAttribute('href', 'https://opendatacommons.org/licenses/odbl/1-0/');
    await expect(page.getByRole('link', { name: 'idn-area-data' })).toHaveAttribute('href', 'https://github.com/fityannugroho/idn-area-data');
    await expect(page.getByText('(© fityannugroho dan kontributor)')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ke halaman masuk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  });
});
