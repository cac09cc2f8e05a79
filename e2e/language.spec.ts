import { expectAccessible } from './support/a11y';
import { demoAccount, seedYear } from './support/accounts';
import { expect, openHomeAs, test } from './support/fixtures';
import { signOut } from './support/ui';

const sekda = demoAccount('sekda.hss@jejaring.test');

test('switching to English changes the interface and dates, survives a reload, and server messages follow', async ({ page }) => {
  await openHomeAs(page, sekda);
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${sekda.name}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Peran aktif' }).getByRole('table')).toContainText(`1 Januari ${seedYear()}`);

  await page.getByRole('button', { name: 'English' }).click();
  const inEnglish = async () => {
    await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${sekda.name}` })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText(['Home', 'Account', 'Dashboard', 'Potential mapping', 'Cooperations', 'Meetings & forums', 'Rule pack', 'Evaluation rubric', 'Document templates', 'Regions', 'Government affairs', 'Organisations', 'Users', 'TKKSD & liaisons']);
    const role = page.getByRole('region', { name: 'Active roles' }).getByRole('row').filter({ hasText: 'Regional secretary' });
    await expect(role.getByRole('cell')).toHaveText(['Regional secretary', sekda.organization, `1 January ${seedYear()}`, 'No end date']);
  };
  await inEnglish();
  await expectAccessible(page);

  await page.reload();
  await inEnglish();

  // A refusal written by the server comes back in the chosen language.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  const password = page.getByRole('region', { name: 'Change password' });
  await password.getByLabel('Current password', { exact: true }).fill('Bukan-Kata-Sandi-Ini-2026');
  await password.getByLabel('New password', { exact: true }).fill('Pasar-Terapung-Lok-Baintan');
  await password.getByLabel('Repeat the new password').fill('Pasar-Terapung-Lok-Baintan');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByText('The current password is wrong.')).toBeVisible();
  await expect(password.getByLabel('Current password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await signOut(page, sekda.name, 'en');
  await page.getByLabel('E-mail address').fill('tidak.terdaftar@jejaring.test');
  await page.getByLabel('Password').fill('Salah-Sekali-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong e-mail address or password.');
  await expectAccessible(page);
});
