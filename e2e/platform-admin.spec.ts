import { createUserWithRole } from './support/api';
import { expectAccessible } from './support/a11y';
import { navigationOf, PLATFORM_ADMIN, tanggal, todayWib, uniqueSuffix } from './support/accounts';
import { expect, test } from './support/fixtures';
import { totpCode } from './support/totp';
import { expectHome, expectNavigation, fillSignIn, goToNav, signOut } from './support/ui';


test('a new platform admin must enrol two-factor at first sign-in, then signs in with a code, adds a strategic issue and finds it in the audit log', async ({ page, platformApi }) => {
  const suffix = uniqueSuffix();
  const admin = await createUserWithRole(platformApi, {
    email: `admin.baru.${suffix}@jejaring.test`,
    name: `Admin Platform Baru ${suffix}`,
    organization: PLATFORM_ADMIN.organization,
    role: 'PLATFORM_ADMIN',
    password: `Enrol-Pertama-${suffix}`,
  });

  // First sign-in: nothing but the enrolment is open.
  await page.goto('/app/masuk');
  await fillSignIn(page, admin.email, admin.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Aktifkan verifikasi dua langkah' })).toBeVisible();
  await expect(page.getByText('Peran Anda mewajibkan verifikasi dua langkah. Aktifkan sekarang untuk dapat memakai Jejaring.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Tampilkan kode QR' }).click();
  await expect(page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })).toBeVisible();
  const secret = (await page.getByRole('figure').locator('code').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page);
  await page.getByLabel('Kode dari aplikasi').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();

  const recovery = page.getByRole('region', { name: 'Kode pemulihan' });
  await expect(recovery.getByRole('listitem')).toHaveCount(10);
  await expect(recovery.getByRole('listitem').first()).toHaveText(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
  await expectAccessible(page);
  const proceed = recovery.getByRole('button', { name: 'Lanjutkan' });
  await expect(proceed).toBeDisabled();
  await recovery.getByRole('checkbox', { name: 'Saya sudah menyimpan kode pemulihan ini.' }).check();
  await proceed.click();

  await expectHome(page, { name: admin.name, email: admin.email, organization: PLATFORM_ADMIN.organization, roleLabel: 'Admin platform', validFrom: tanggal(todayWib()) });
  await expectNavigation(page, navigationOf('PLATFORM_ADMIN'));
  await signOut(page, admin.name);

  // Second sign-in: the password alone is not enough any more.
  await fillSignIn(page, admin.email, admin.password);
  await expect(page.getByText('Verifikasi dua langkah aktif untuk akun ini. Masukkan kode 6 angka dari aplikasi autentikator.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Kode autentikator').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verifikasi dan masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${admin.name}` })).toBeVisible();

  // A platform-wide change, and its trace in the audit log.
  const code = `E2E_${suffix.toUpperCase()}`;
  const nameId = `Konektivitas desa ${suffix}`;
  await goToNav(page, 'Isu strategis');
  await expect(page.getByRole('heading', { level: 1, name: 'Isu strategis' })).toBeVisible();
  const form = page.getByRole('region', { name: 'Tambah isu strategis' });
  await form.getByLabel('Kode').fill(code);
  await form.getByLabel('Nama (Bahasa Indonesia)').fill(nameId);
  await form.getByLabel('Nama (Bahasa Inggris)').fill(`Village connectivity ${suffix}`);
  await form.getByRole('button', { name: 'Tambah isu' }).click();
  await expect(page.getByText(`Isu "${nameId}" ditambahkan.`)).toBeVisible();
  const issueRow = page.getByRole('region', { name: 'Isu strategis' }).getByRole('row').filter({ hasText: code });
  await expect(issueRow).toContainText(nameId);
  await expect(issueRow).toContainText('Aktif');
  await expectAccessible(page);

  await goToNav(page, 'Log audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Log audit' })).toBeVisible();
  await page.getByLabel('Pelaku (ID pengguna)').fill(admin.id);
  await page.getByRole('button', { name: 'Terapkan' }).click();
  const entry = page.getByRole('region', { name: 'Log audit' }).getByRole('row').filter({ hasText: 'strategic_issue.create' });
  await expect(entry).toHaveCount(1);
  await entry.getByText('Lihat perubahan').click();
  await expect(entry.getByText(nameId)).toBeVisible();
  await expectAccessible(page);
});
