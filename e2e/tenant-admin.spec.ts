import { expectAccessible } from './support/a11y';
import { DEMO_PASSWORD, navigationOf, seedYear, tanggal, TENANT_ADMIN_HSS, todayWib, uniqueSuffix } from './support/accounts';
import { expect, test } from './support/fixtures';
import { totpCode } from './support/totp';
import { expectHome, expectNavigation, fillSignIn, goToNav, signOut } from './support/ui';

const PUPR_HSS = 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Hulu Sungai Selatan';

test('the HSS tenant admin creates an OPD staff account with a time-limited role, and the new user sees only what OPD staff may use', async ({ page, adminSecrets }) => {
  const suffix = uniqueSuffix();
  const person = { email: `staf.baru.${suffix}@jejaring.test`, name: `Staf PUPR Baru ${suffix}`, password: `Amandit-Awal-${suffix}` };
  const validTo = `${seedYear() + 1}-12-31`;
  const decree = `SK Kepala Dinas PUPR HSS No. 800/${suffix}/2026`;

  await page.goto('/app/masuk');
  await fillSignIn(page, TENANT_ADMIN_HSS.email, DEMO_PASSWORD);
  await page.getByLabel('Kode autentikator').fill(totpCode(adminSecrets.hss));
  await page.getByRole('button', { name: 'Verifikasi dan masuk' }).click();
  await expectHome(page, TENANT_ADMIN_HSS);
  await expectNavigation(page, navigationOf('TENANT_ADMIN'));

  await goToNav(page, 'Pengguna');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengguna' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Tambah pengguna' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah pengguna' })).toBeVisible();
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Nama', { exact: true }).fill(person.name);
  await page.getByLabel('Organisasi').selectOption({ label: PUPR_HSS });
  await page.getByLabel('Kata sandi awal').fill(person.password);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Buat akun' }).click();

  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByText(`Akun ${person.name} dibuat.`)).toBeVisible();
  const roles = page.getByRole('region', { name: 'Penugasan peran' });
  await expect(roles.getByText('Belum ada penugasan peran.')).toBeVisible();
  const grant = roles.getByRole('form', { name: 'Berikan peran' });
  await grant.getByLabel('Peran').selectOption({ label: 'Staf OPD' });
  await grant.getByLabel('Pada organisasi').selectOption({ label: PUPR_HSS });
  await expect(grant.getByLabel('Berlaku sejak')).toHaveValue(todayWib());
  await grant.getByLabel('Berlaku sampai').fill(validTo);
  await grant.getByLabel('Dasar (SK)').fill(decree);
  await grant.getByRole('button', { name: 'Berikan peran' }).click();
  await expect(page.getByText('Peran diberikan.')).toBeVisible();
  const assignment = roles.getByRole('region', { name: 'Penugasan peran' }).getByRole('row').filter({ hasText: 'Staf OPD' });
  await expect(assignment.getByRole('cell').nth(0)).toHaveText('Staf OPD');
  await expect(assignment.getByRole('cell').nth(1)).toHaveText(PUPR_HSS);
  await expect(assignment.getByRole('cell').nth(2)).toHaveText(`${tanggal(todayWib())} s.d. ${tanggal(validTo)}`);
  await expect(assignment.getByRole('cell').nth(3)).toHaveText(decree);
  await expect(assignment.getByRole('cell').nth(4)).toHaveText('Berlaku');
  await expectAccessible(page);
  await signOut(page, TENANT_ADMIN_HSS.name);

  // The new colleague mistypes the password first: the refusal is in Indonesian.
  await fillSignIn(page, person.email, `${person.password}x`);
  await expect(page.getByRole('alert')).toHaveText('E-mail atau kata sandi salah.');
  await expectAccessible(page);
  await page.getByLabel('Kata sandi').fill(person.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${person.name}` })).toBeVisible();
  const home = page.getByRole('region', { name: 'Peran aktif' }).getByRole('row').filter({ hasText: 'Staf OPD' });
  await expect(home.getByRole('cell')).toHaveText(['Staf OPD', PUPR_HSS, tanggal(todayWib()), tanggal(validTo)]);
  await expectNavigation(page, navigationOf('OPD_STAFF'));
  await expect(page.getByRole('link', { name: 'Tambah pengguna' })).toHaveCount(0);
  await page.goto('/app/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expectAccessible(page);
});
