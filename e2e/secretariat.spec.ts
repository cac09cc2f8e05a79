import { DEMO_PASSWORD, demoAccount, navigationOf } from './support/accounts';
import { expectAccessible } from './support/a11y';
import { expect, test } from './support/fixtures';
import { expectHome, expectNavigation, expectNoHorizontalOverflow, fillSignIn, mainNavigation, showNavigation, signOut } from './support/ui';

const secretariat = demoAccount('sekretariat.hss@jejaring.test');

test.describe('the KSD secretariat of Hulu Sungai Selatan', () => {
  test('signs in, sees who they are and only the pages their role may use, and signs out', async ({ page }) => {
    await page.goto('/app/');
    await expect(page).toHaveURL(/\/app\/masuk$/);
    await expectAccessible(page);

    await fillSignIn(page, secretariat.email, DEMO_PASSWORD);
    await expectHome(page, secretariat);
    await expect(page.getByRole('banner')).toContainText(secretariat.organization);
    await expectNavigation(page, navigationOf('KSD_SECRETARIAT_ADMIN'));
    const nav = mainNavigation(page);
    await expect(nav.getByRole('link', { name: 'Kotak keluar' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Isu strategis' })).toHaveCount(0);
    await expectAccessible(page);

    await signOut(page, secretariat.name);
    await page.goto('/app/');
    await expect(page).toHaveURL(/\/app\/masuk$/);
  });

  test('uses the app on a phone: the menu button opens the navigation and nothing overflows sideways @phone', async ({ page }) => {
    await page.goto('/app/masuk');
    await expectNoHorizontalOverflow(page);
    await fillSignIn(page, secretariat.email, DEMO_PASSWORD);
    await expectHome(page, secretariat);
    await expectNoHorizontalOverflow(page);

    await showNavigation(page);
    await expectNavigation(page, navigationOf('KSD_SECRETARIAT_ADMIN'));
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);

    await mainNavigation(page).getByRole('link', { name: 'Organisasi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisasi' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Hulu Sungai Selatan' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);

    await signOut(page, secretariat.name);
  });
});
