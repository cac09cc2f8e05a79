import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { DEMO_PASSWORD } from './support/accounts';
import { signIn } from './support/api';
import { expect, test } from './support/fixtures';

const SECRETARIAT = 'sekretariat.hss@jejaring.test';
const LIAISON = 'ppksd.pupr.hss@jejaring.test';
const TKKSD = 'tkksd.ketua.hss@jejaring.test';

/** A page signed in as the given demo user, in its own browser context. */
const pageAs = async (browser: Browser, baseURL: string, email: string): Promise<Page> => {
  const context = await browser.newContext({ baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await signIn(context.request, email, DEMO_PASSWORD);

  return context.newPage();
};

test("the secretariat opens the year's mapping; a liaison answers; the TKKSD returns it, the liaison resubmits and the TKKSD accepts", async ({ browser, baseURL }) => {
  // HSS has no mapping cycle in the demo (Jayawijaya has this year's): the secretariat opens it.
  const secretariat = await pageAs(browser, baseURL!, SECRETARIAT);
  await secretariat.goto('/app/pemetaan-potensi');
  await secretariat.getByRole('button', { name: /Buka siklus pemetaan/ }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: /Pemetaan Potensi \d{4}/ })).toBeVisible();
  await secretariat.getByRole('button', { name: 'Mulai proses pemetaan' }).click();
  await expect(secretariat.getByRole('listitem').filter({ hasText: 'Proses Pemetaan' }).first()).toHaveAttribute('aria-current', 'step');
  await expectAccessible(secretariat);

  // The PUPR liaison answers: one potential (a repeatable item) and the required readiness question.
  const liaison = await pageAs(browser, baseURL!, LIAISON);
  await liaison.goto('/app/pemetaan-potensi');
  await liaison.getByRole('link', { name: /^Isi jawaban / }).click();
  await liaison.getByRole('button', { name: 'Tambah butir Potensi unggulan' }).click();
  const item = liaison.getByRole('group', { name: 'Potensi unggulan — butir 1' });
  await item.getByLabel('Nama potensi *').fill('Wisata susur Sungai Amandit');
  await item.getByLabel('Uraian potensi *').fill('Jeram dan desa wisata di hulu sungai.');
  await item.getByRole('group', { name: 'Urusan pemerintahan *' }).getByRole('checkbox', { name: '3.26 Pariwisata' }).check();
  await item.getByLabel('Lokasi potensi *').fill('63.06');
  await item.getByLabel('Manfaat yang diharapkan *').fill('Kunjungan wisata naik');
  await item.getByLabel('Perkiraan biaya (Rupiah)').fill('750000000');
  await liaison.getByLabel('Seberapa mendesak kerja sama bagi OPD Anda tahun ini? *').selectOption('tinggi');
  await expectAccessible(liaison);
  await liaison.getByRole('button', { name: 'Kirim ke TKKSD' }).click();
  await expect(liaison.getByText('Dikirim', { exact: true }).first()).toBeVisible();

  // The TKKSD chair finds it in the progress table and returns it with a comment.
  const tkksd = await pageAs(browser, baseURL!, TKKSD);
  await tkksd.goto('/app/pemetaan-potensi');
  await tkksd.getByRole('table', { name: /Status jawaban OPD/ }).getByRole('link', { name: 'Dinas PUPR HSS' }).click();
  await tkksd.getByLabel('Komentar untuk OPD (wajib bila dikembalikan)').fill('Sebutkan desa wisata yang dimaksud.');
  await tkksd.getByRole('button', { name: 'Kembalikan untuk diperbaiki' }).click();
  await expect(tkksd.getByText('Dikembalikan', { exact: true }).first()).toBeVisible();
  await expectAccessible(tkksd);

  // The liaison sees the comment, corrects and resubmits.
  await liaison.reload();
  await expect(liaison.getByRole('note')).toContainText('Sebutkan desa wisata yang dimaksud.');
  await liaison.getByRole('group', { name: 'Potensi unggulan — butir 1' }).getByLabel('Uraian potensi *').fill('Jeram Loksado dan Desa Wisata Kandangan.');
  await liaison.getByRole('button', { name: 'Kirim ke TKKSD' }).click();
  await expect(liaison.getByText('pengiriman ke-2')).toBeVisible();

  // The TKKSD accepts; the history keeps both submissions and the return comment.
  await tkksd.reload();
  await tkksd.getByRole('button', { name: 'Terima jawaban' }).click();
  await expect(tkksd.getByText('Diterima', { exact: true }).first()).toBeVisible();
  await expect(tkksd.getByRole('listitem').filter({ hasText: 'Dikembalikan · ' })).toContainText('Sebutkan desa wisata yang dimaksud.');
  await tkksd.goto('/app/pemetaan-potensi');
  await expect(tkksd.getByRole('table', { name: /Status jawaban OPD/ }).getByRole('row', { name: /Dinas PUPR HSS/ })).toContainText('Diterima');
  await expectAccessible(tkksd);
  for (const page of [secretariat, liaison, tkksd]) await page.context().close();
});
