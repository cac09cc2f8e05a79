import type { Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { watchCsp } from './support/fixtures';
import { expect, test } from './support/fixtures';

/**
 * The public portal (issue 6): a citizen without an account searches, opens a published
 * cooperation and its region. The demo publishes several cooperations on first start. Tagged
 * @phone, so it runs at 1280 px and at 360 px, where nothing may scroll sideways.
 */
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);

/** The first published cooperation on the home page and a distinctive word of its title to search for. */
const firstPublished = async (page: Page) => {
  const title = (await page.locator('.results h3 a').first().textContent())!.trim();
  const word = title.split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w)).sort((a, b) => b.length - a.length)[0]!;

  return { title, word };
};

const check = async (page: Page) => {
  await noSidewaysScroll(page);
  await expectAccessible(page);
};

test('a citizen searches, opens a published cooperation and its region, then reads the statistics, data and network pages @phone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Cari kerja sama daerah' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Masuk' })).toHaveAttribute('href', '/app/');
  await check(page);

  const { title, word } = await firstPublished(page);
  await page.getByLabel('Kata kunci').fill(word);
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?q=${word}`));
  const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await expect(hit.locator('mark').first()).toBeVisible();
  await check(page);

  await hit.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveTitle(`${title} · Jejaring`);
  await expect(page.getByRole('heading', { level: 2, name: 'Para pihak' })).toBeVisible();
  await expect(page.locator('section#tanggapan')).toBeVisible();
  await check(page);

  const party = page.getByRole('region', { name: 'Para pihak' }).locator('a[href^="/wilayah/"]').first();
  const regionName = (await party.textContent())!.trim();
  await party.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kerja sama');
  await expect(page.getByRole('heading', { level: 2, name: 'Mitra kerja sama' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  expect(regionName.length).toBeGreaterThan(0);
  await check(page);

  for (const [link, heading] of [['Statistik', 'Statistik kerja sama daerah'], ['Peta jejaring', 'Peta jejaring kerja sama'], ['Data terbuka', 'Data terbuka']] as const) {
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await check(page);
    // The map helper's script draws into this container; the table is the page without it.
    if (link === 'Peta jejaring') await expect(page.locator('#network-map')).toHaveAttribute('data-network-url', '/api/public/network');
  }
});

test('the portal speaks English when asked and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Search regional cooperation' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regional cooperation statistics' })).toBeVisible();
  await expectAccessible(page);
});

test('search and reading work with JavaScript disabled', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
  const violations = watchCsp(context);
  const page = await context.newPage();
  await page.goto('/');
  const { title, word } = await firstPublished(page);
  await page.getByLabel('Kata kunci').fill(word);
  await page.getByLabel('Kata kunci').press('Enter');
  await expect(page).toHaveURL(new RegExp(`\\?q=${word}`));
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goto('/peta');
  await expect(page.getByRole('table', { name: 'Pasangan wilayah yang bekerja sama' })).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();
});
