import { expect, type Page } from '@playwright/test';
import { seedYear, tanggal } from './accounts';

/** The layout folds the navigation behind the menu button below 48rem (768 px). */
export const isNarrow = (page: Page) => (page.viewportSize()?.width ?? 1280) < 768;

export const mainNavigation = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

/** On a phone the navigation opens from the menu button; on a wide screen it is always there. */
export const showNavigation = async (page: Page) => {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  if (isNarrow(page)) {
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  } else {
    await expect(menu).toBeHidden();
  }
  await expect(mainNavigation(page)).toBeVisible();
};

/** Exactly these menu entries, in this order, and nothing else. */
export const expectNavigation = async (page: Page, labels: readonly string[]) => {
  await expect(mainNavigation(page).getByRole('link')).toHaveText([...labels]);
};

export const goToNav = async (page: Page, label: string) => {
  await showNavigation(page);
  await mainNavigation(page).getByRole('link', { name: label, exact: true }).click();
};

export const fillSignIn = async (page: Page, email: string, password: string) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await page.getByLabel('Alamat e-mail').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
};

/** The home page of a signed-in user: greeting, organisation, and the role with its dates. */
export const expectHome = async (page: Page, who: { name: string; email: string; organization: string; roleLabel: string; roleOrganization?: string; validFrom?: string }) => {
  await expect(page.getByRole('heading', { level: 1, name: `Selamat datang, ${who.name}` })).toBeVisible();
  await expect(page.getByText(`Anda masuk sebagai ${who.email} di ${who.organization}.`)).toBeVisible();
  const roles = page.getByRole('region', { name: 'Peran aktif' });
  // A person may hold the same role twice (by their post in a unit, and by a TKKSD decree in the pemda): the row of this organisation.
  const org = who.roleOrganization ?? who.organization;
  const row = roles.getByRole('row').filter({ hasText: who.roleLabel }).filter({ has: page.getByRole('cell', { name: org, exact: true }) });
  await expect(row.getByRole('cell')).toHaveText([who.roleLabel, org, who.validFrom ?? tanggal(`${seedYear()}-01-01`), 'Tanpa batas']);
};

const SIGN_OUT_WORDS = { id: { userMenu: 'Menu pengguna', signOut: 'Keluar', signIn: 'Masuk' }, en: { userMenu: 'User menu', signOut: 'Sign out', signIn: 'Sign in' } };

/** Signs out from the user menu in the page header and waits for the sign-in page. */
export const signOut = async (page: Page, name: string, lang: keyof typeof SIGN_OUT_WORDS = 'id') => {
  const words = SIGN_OUT_WORDS[lang];
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: `${words.userMenu}: ${name}` }).click();
  await header.getByRole('button', { name: words.signOut, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: words.signIn })).toBeVisible();
  await expect(page).toHaveURL(/\/app\/masuk$/);
};

/** Nothing sticks out sideways: the document is no wider than the screen. */
export const expectNoHorizontalOverflow = async (page: Page) => {
  const width = page.viewportSize()?.width ?? 1280;
  const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(scrollWidth, `page is ${scrollWidth}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
};
