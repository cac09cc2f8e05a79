import { createUserWithRole, expectSessionRefused, signIn } from './support/api';
import { expectAccessible } from './support/a11y';
import { uniqueSuffix } from './support/accounts';
import { expect, test, watchCsp } from './support/fixtures';
import { fillSignIn, goToNav } from './support/ui';

test('a user sees their sessions and "sign out everywhere" ends them on every device', async ({ page, browser, platformApi }) => {
  const suffix = uniqueSuffix();
  const user = await createUserWithRole(platformApi, {
    email: `dua.perangkat.${suffix}@jejaring.test`,
    name: `Pengguna Dua Perangkat ${suffix}`,
    organization: 'Dinas Kesehatan Kabupaten Hulu Sungai Selatan',
    role: 'OPD_STAFF',
    password: `Loksado-Bambu-${suffix}`,
  });

  // A second device, signed in first.
  const phone = await browser.newContext({ userAgent: 'Mozilla/5.0 (Linux; Android 14) Ponsel Kedua' });
  const phoneCsp = watchCsp(phone);
  await signIn(phone.request, user.email, user.password);
  const phonePage = await phone.newPage();
  await phonePage.goto('/app/');
  await expect(phonePage.getByRole('heading', { level: 1, name: `Selamat datang, ${user.name}` })).toBeVisible();

  await page.goto('/app/masuk');
  await fillSignIn(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${user.name}` })).toBeVisible();
  await goToNav(page, 'Akun');
  await expect(page.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible();
  const sessions = page.getByRole('region', { name: 'Sesi masuk' });
  const rows = sessions.getByRole('region', { name: 'Sesi masuk' }).getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Sesi ini' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Ponsel Kedua' })).toHaveCount(1);
  await expectAccessible(page);

  await sessions.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expectSessionRefused(page.context().request);

  // The other device is refused too: its next page load goes to sign-in.
  await expectSessionRefused(phone.request);
  await phonePage.goto('/app/akun');
  await expect(phonePage.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(phonePage).toHaveURL(/\/app\/masuk\?lanjut=%2Fakun$/);
  await phone.close();
  expect(phoneCsp, 'Content Security Policy violations on the second device').toEqual([]);
});
