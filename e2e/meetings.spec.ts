import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { DEMO_PASSWORD, uniqueSuffix } from './support/accounts';
import { signIn } from './support/api';
import { expect, test } from './support/fixtures';

const SECRETARIAT = 'sekretariat.hss@jejaring.test';
const OWNER = 'Dewi Lestari (fiktif)';

const pageAs = async (browser: Browser, baseURL: string, email: string): Promise<Page> => {
  const context = await browser.newContext({ baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await signIn(context.request, email, DEMO_PASSWORD);

  return context.newPage();
};

test('the secretariat plans a meeting, invites, records attendance and minutes with a follow-up action, and finalises the minutes @phone', async ({ browser, baseURL }) => {
  const title = `Rakor OPD air bersih ${uniqueSuffix()}`;
  const page = await pageAs(browser, baseURL!, SECRETARIAT);

  await page.goto('/app/rapat');
  await expect(page.getByRole('heading', { level: 1, name: 'Rapat & Forum' })).toBeVisible();
  await page.getByRole('button', { name: 'Rencanakan rapat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rencanakan rapat' });
  await dialog.getByLabel('Jenis rapat').selectOption('RAKOR_OPD');
  await dialog.getByLabel('Judul').fill(title);
  await dialog.getByLabel('Mulai (WITA)').fill('2030-04-25T09:00');
  await dialog.getByLabel('Selesai (WITA)').fill('2030-04-25T11:30');
  await dialog.getByLabel('Tempat').fill('Ruang Rapat Setda, Kandangan');
  await dialog.getByLabel('Agenda').fill('Pembukaan\nPaparan kebutuhan air bersih');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Simpan' }).click();

  // The meeting's page, in the pemda's zone (HSS is WITA).
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('25 April 2030 09.00 WITA')).toBeVisible();
  await expect(page.getByText('Draf')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Paparan kebutuhan air bersih' })).toBeVisible();

  // Invitations: a person of the pemda and an external guest.
  await page.getByLabel('Pegawai pemda').selectOption({ label: OWNER });
  await page.getByLabel('Nama tamu').fill('Tamu Mitra (fiktif)');
  await page.getByLabel('E-mail tamu').fill('tamu.mitra@example.invalid');
  await page.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(page.getByText('Undangan terkirim')).toBeVisible();
  const invitees = page.getByRole('table', { name: 'Undangan rapat dan kehadirannya' });
  await expect(invitees.getByRole('row', { name: /Tamu Mitra \(fiktif\)/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Unduh kalender (.ics)' })).toHaveAttribute('href', /\/calendar\.ics$/);

  // Attendance, with a walk-in.
  await page.getByLabel(`Kehadiran ${OWNER}`).selectOption('PRESENT');
  await page.getByLabel('Kehadiran Tamu Mitra (fiktif)').selectOption('EXCUSED');
  await page.getByLabel('Peserta hadir tanpa undangan').fill('Camat Kandangan (fiktif)');
  await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
  await expect(invitees.getByRole('row', { name: /Camat Kandangan \(fiktif\) \(hadir tanpa undangan\)/ })).toBeVisible();
  await expect(invitees.getByRole('row', { name: /Tamu Mitra/ }).getByText('Izin')).toBeVisible();

  // Minutes and decisions: the meeting is held.
  await page.getByRole('textbox', { name: 'Notulen', exact: true }).fill('Rapat membahas kebutuhan air bersih di tiga kecamatan.');
  await page.getByLabel('Keputusan').fill('Dinas PUPR menyiapkan data kebutuhan\nBagian Kerja Sama menyusun KAK');
  await page.getByRole('button', { name: 'Simpan notulen dan keputusan' }).click();
  await expect(page.getByText('Terlaksana')).toBeVisible();

  // A follow-up action with an owner and a due date.
  const actionForm = page.getByRole('form', { name: 'Tambah tindak lanjut' });
  await actionForm.getByLabel('Tindak lanjut').fill('Kirim data kebutuhan air bersih');
  await actionForm.getByLabel('Penanggung jawab').selectOption({ label: OWNER });
  await actionForm.getByLabel('Tenggat').fill('2030-05-10');
  await actionForm.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  const actions = page.getByRole('table', { name: 'Tindak lanjut rapat' });
  await expect(actions.getByRole('row', { name: /Kirim data kebutuhan air bersih/ })).toContainText(OWNER);
  await expect(actions.getByRole('row', { name: /Kirim data kebutuhan air bersih/ })).toContainText('10 Mei 2030');
  await expectAccessible(page);

  // Finalising locks the record.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Finalkan notulen' }).click();
  await expect(page.getByText('notulen final', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Simpan notulen dan keputusan' })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'Bagian Kerja Sama menyusun KAK' })).toBeVisible();
  await expectAccessible(page);
});
