import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import fs from 'node:fs/promises';
import { DEMO_PASSWORD, todayWib } from './support/accounts';
import { docxText, pdfText } from './support/documents';
import { signIn } from './support/api';
import { expect, test } from './support/fixtures';

const SECRETARIAT = 'sekretariat.hss@jejaring.test';
const LIAISON = 'ppksd.pupr.hss@jejaring.test';
const TKKSD = 'tkksd.ketua.hss@jejaring.test';
const DINKES = 'ppksd.dinkes.hss@jejaring.test';
const WISATA = 'Wisata susur Sungai Amandit';
const KLINIK = 'Layanan rujukan RSUD lintas kabupaten';
const CRITERIA = ['Urgensi', 'Kelayakan ekonomi', 'Kelayakan politik', 'Keselarasan dengan RPJMD', 'Saling menguntungkan'];

/** A page signed in as the given demo user, in its own browser context. */
const pageAs = async (browser: Browser, baseURL: string, email: string): Promise<Page> => {
  const context = await browser.newContext({ baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await signIn(context.request, email, DEMO_PASSWORD);

  return context.newPage();
};

/** The bytes behind a download link. */
const downloaded = async (page: Page, name: string) => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);

  return new Uint8Array(await fs.readFile((await file.path())!));
};

test('a yearly mapping from Persiapan to Penetapan: two OPDs answer (one returned and corrected), the TKKSD plenary scores and decides, the Berita Acara and draft SK hold the decision, and a priority becomes a proposal', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  // HSS has no mapping cycle in the demo (Jayawijaya has this year's): the secretariat opens it for two OPDs.
  const secretariat = await pageAs(browser, baseURL!, SECRETARIAT);
  await secretariat.goto('/app/pemetaan-potensi');
  await secretariat.getByRole('button', { name: /Buka siklus pemetaan/ }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: /Pemetaan Potensi \d{4}/ })).toBeVisible();
  const opds = secretariat.getByRole('group', { name: 'OPD peserta' });
  for (const box of await opds.getByRole('checkbox').all()) await box.uncheck();
  await opds.getByRole('checkbox', { name: /Dinas Pekerjaan Umum dan Penataan Ruang/ }).check();
  await opds.getByRole('checkbox', { name: /Dinas Kesehatan/ }).check();
  await secretariat.getByRole('button', { name: 'Simpan', exact: true }).click();
  const progress = secretariat.getByRole('table', { name: /Status jawaban OPD/ });
  await expect(progress.getByRole('row')).toHaveCount(3);
  await secretariat.getByRole('button', { name: 'Mulai proses pemetaan' }).click();
  await expect(secretariat.getByRole('listitem').filter({ hasText: 'Proses Pemetaan' }).first()).toHaveAttribute('aria-current', 'step');
  await expectAccessible(secretariat);

  // The PUPR liaison answers: one potential (a repeatable item) and the required readiness question.
  const liaison = await pageAs(browser, baseURL!, LIAISON);
  await liaison.goto('/app/pemetaan-potensi');
  await liaison.getByRole('link', { name: /^Isi jawaban / }).click();
  await liaison.getByRole('button', { name: 'Tambah butir Potensi unggulan' }).click();
  const item = liaison.getByRole('group', { name: 'Potensi unggulan — butir 1' });
  await item.getByLabel('Nama potensi *').fill(WISATA);
  await item.getByLabel('Uraian potensi *').fill('Jeram dan desa wisata di hulu sungai.');
  await item.getByRole('group', { name: 'Urusan pemerintahan *' }).getByRole('checkbox', { name: '3.26 Pariwisata' }).check();
  await item.getByLabel('Lokasi potensi *').fill('63.06');
  await item.getByLabel('Manfaat yang diharapkan *').fill('Kunjungan wisata naik');
  await item.getByLabel('Perkiraan biaya (Rupiah)').fill('750000000');
  await liaison.getByLabel('Seberapa mendesak kerja sama bagi OPD Anda tahun ini? *').selectOption('tinggi');
  await expectAccessible(liaison);
  await liaison.getByRole('button', { name: 'Kirim ke TKKSD' }).click();
  await expect(liaison.getByText('Dikirim', { exact: true }).first()).toBeVisible();

  // The Dinkes liaison answers with one need.
  const dinkes = await pageAs(browser, baseURL!, DINKES);
  await dinkes.goto('/app/pemetaan-potensi');
  await dinkes.getByRole('link', { name: /^Isi jawaban / }).click();
  await dinkes.getByRole('button', { name: 'Tambah butir Kebutuhan' }).click();
  const need = dinkes.getByRole('group', { name: 'Kebutuhan — butir 1' });
  await need.getByLabel('Nama kebutuhan *').fill(KLINIK);
  await need.getByLabel('Uraian kebutuhan *').fill('Rujukan pasien ke RSUD kabupaten tetangga.');
  await need.getByRole('group', { name: 'Urusan pemerintahan *' }).getByRole('checkbox', { name: '1.02 Kesehatan' }).check();
  await need.getByLabel('Lokasi kebutuhan *').fill('63.06');
  await need.getByLabel('Manfaat yang diharapkan *').fill('Waktu rujukan lebih singkat');
  await dinkes.getByLabel('Seberapa mendesak kerja sama bagi OPD Anda tahun ini? *').selectOption('sedang');
  await dinkes.getByRole('button', { name: 'Kirim ke TKKSD' }).click();
  await expect(dinkes.getByText('Dikirim', { exact: true }).first()).toBeVisible();

  // The TKKSD chair returns PUPR's answer with a comment and accepts Dinkes'.
  const tkksd = await pageAs(browser, baseURL!, TKKSD);
  await tkksd.goto('/app/pemetaan-potensi');
  await tkksd.getByRole('table', { name: /Status jawaban OPD/ }).getByRole('link', { name: 'Dinas PUPR HSS' }).click();
  await tkksd.getByLabel('Komentar untuk OPD (wajib bila dikembalikan)').fill('Sebutkan desa wisata yang dimaksud.');
  await tkksd.getByRole('button', { name: 'Kembalikan untuk diperbaiki' }).click();
  await expect(tkksd.getByText('Dikembalikan', { exact: true }).first()).toBeVisible();
  await expectAccessible(tkksd);
  await tkksd.goto('/app/pemetaan-potensi');
  await tkksd.getByRole('table', { name: /Status jawaban OPD/ }).getByRole('link', { name: 'Dinkes HSS' }).click();
  await tkksd.getByRole('button', { name: 'Terima jawaban' }).click();
  await expect(tkksd.getByText('Diterima', { exact: true }).first()).toBeVisible();

  // The liaison sees the comment, corrects and resubmits; the TKKSD accepts; the history keeps both.
  await liaison.reload();
  await expect(liaison.getByRole('note')).toContainText('Sebutkan desa wisata yang dimaksud.');
  await liaison.getByRole('group', { name: 'Potensi unggulan — butir 1' }).getByLabel('Uraian potensi *').fill('Jeram Loksado dan Desa Wisata Kandangan.');
  await liaison.getByRole('button', { name: 'Kirim ke TKKSD' }).click();
  await expect(liaison.getByText('pengiriman ke-2')).toBeVisible();
  await tkksd.goto('/app/pemetaan-potensi');
  await tkksd.getByRole('table', { name: /Status jawaban OPD/ }).getByRole('link', { name: 'Dinas PUPR HSS' }).click();
  await tkksd.getByRole('button', { name: 'Terima jawaban' }).click();
  await expect(tkksd.getByText('Diterima', { exact: true }).first()).toBeVisible();
  await expect(tkksd.getByRole('listitem').filter({ hasText: 'Dikembalikan · ' })).toContainText('Sebutkan desa wisata yang dimaksud.');

  // Every OPD has answered: the secretariat starts the discussion.
  await secretariat.reload();
  await secretariat.getByRole('button', { name: 'Mulai penyusunan & pembahasan' }).click();
  await expect(secretariat.getByRole('listitem').filter({ hasText: 'Penyusunan & Pembahasan' }).first()).toHaveAttribute('aria-current', 'step');

  // The plenary scores both items on the rule pack's criteria; the ranking follows.
  await tkksd.goto('/app/pemetaan-potensi');
  const ranking = tkksd.getByRole('table', { name: /Peringkat usulan pemetaan/ });
  const scores: Record<string, number[]> = { [WISATA]: [4, 5, 4, 4, 5], [KLINIK]: [3, 2, 3, 3, 2] };
  for (const [title, values] of Object.entries(scores))
    for (const [i, criterion] of CRITERIA.entries()) await tkksd.getByLabel(`Skor ${criterion} untuk ${title}`).selectOption(String(values[i]));
  await tkksd.getByRole('button', { name: 'Simpan skor' }).click();
  // Wisata: (25·0.75 + 20·1 + 15·0.75 + 20·0.75 + 20·1) / 100 = 85.
  await expect(ranking.getByRole('row', { name: new RegExp(WISATA) })).toContainText('85,00');
  await expect(ranking.getByRole('row').nth(1)).toContainText(WISATA);
  await expectAccessible(tkksd);

  // The plenary meeting is planned from the cycle, held, with its attendance.
  await tkksd.getByRole('button', { name: 'Rencanakan rapat' }).click();
  const dialog = tkksd.getByRole('dialog', { name: 'Rencanakan rapat' });
  await expect(dialog.getByLabel('Jenis rapat')).toHaveValue('RAPAT_PLENO_TKKSD');
  await dialog.getByLabel('Judul').fill('Rapat Pleno TKKSD Pemetaan Potensi');
  await dialog.getByLabel('Mulai (WITA)').fill(`${todayWib()}T09:00`);
  await dialog.getByLabel('Selesai (WITA)').fill(`${todayWib()}T11:00`);
  await dialog.getByLabel('Tempat').fill('Ruang Rapat Setda, Kandangan');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(tkksd.getByRole('heading', { level: 1, name: 'Rapat Pleno TKKSD Pemetaan Potensi' })).toBeVisible();
  await tkksd.getByLabel('Pegawai pemda').selectOption({ label: 'Nor Aisyah (fiktif)' });
  await tkksd.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(tkksd.getByText('Undangan terkirim')).toBeVisible();
  await tkksd.getByLabel('Kehadiran Nor Aisyah (fiktif)').selectOption('PRESENT');
  await tkksd.getByLabel('Peserta hadir tanpa undangan').fill('Kepala Bappeda HSS (fiktif)');
  await tkksd.getByRole('button', { name: 'Simpan kehadiran' }).click();
  await expect(tkksd.getByRole('row', { name: /Kepala Bappeda HSS \(fiktif\)/ })).toBeVisible();
  await tkksd.getByRole('textbox', { name: 'Notulen', exact: true }).fill('Pleno membahas dua usulan OPD dan menetapkan skala prioritas.');
  await tkksd.getByRole('button', { name: 'Simpan notulen dan keputusan' }).click();
  await expect(tkksd.getByText('Terlaksana')).toBeVisible();

  // Back on the cycle: the plenary decides wisata as the priority.
  await tkksd.goto('/app/pemetaan-potensi');
  await tkksd.getByLabel(`Pilih ${WISATA} sebagai prioritas`).check();
  const decide = tkksd.getByRole('form', { name: 'Keputusan skala prioritas' });
  await expect(decide.getByLabel('Rapat pleno', { exact: true })).toHaveValue(/.+/);
  await decide.getByRole('button', { name: 'Tetapkan skala prioritas' }).click();
  await expect(tkksd.getByText(/Diputuskan dalam Rapat Pleno TKKSD Pemetaan Potensi .*: 1 prioritas, 2 peserta hadir/)).toBeVisible();
  await expectAccessible(tkksd);

  // Both documents open and hold the decided priority and the attendance.
  const ba = await pdfText(await downloaded(tkksd, 'Unduh Berita Acara rapat pleno (PDF)'));
  for (const expected of ['BERITA ACARA', 'RAPAT PLENO TIM KOORDINASI KERJA SAMA DAERAH', WISATA, 'Nor Aisyah (fiktif)', 'Kepala Bappeda HSS (fiktif)', 'Hadir', 'Ir. Fitriani Hasanah (fiktif)']) expect(ba).toContain(expected);
  const sk = await docxText(await downloaded(tkksd, 'Unduh Rancangan Keputusan Kepala Daerah (DOCX)'));
  for (const expected of ['KEPUTUSAN BUPATI HULU SUNGAI SELATAN', 'RENCANA PROGRAM DAN KEGIATAN KERJA SAMA DAERAH', 'LAMPIRAN', WISATA, 'Rp750.000.000,00']) expect(sk).toContain(expected);
  expect(sk).not.toContain(KLINIK);

  // Penetapan: the decree adopts the priority.
  await tkksd.getByRole('button', { name: 'Mulai penetapan' }).click();
  await expect(tkksd.getByRole('listitem').filter({ hasText: 'Penetapan' }).first()).toHaveAttribute('aria-current', 'step');
  await tkksd.getByLabel('Nomor Keputusan Kepala Daerah').fill('100.3.3.2/77/2026');
  await tkksd.getByLabel('Tanggal Keputusan Kepala Daerah').fill(todayWib());
  await tkksd.getByRole('button', { name: 'Tetapkan hasil pemetaan' }).click();
  await expect(tkksd.getByText(/100\.3\.3\.2\/77\/2026/).first()).toBeVisible();

  // The adopted item becomes a cooperation proposal.
  await secretariat.goto('/app/daftar-potensi');
  const row = secretariat.getByRole('row', { name: new RegExp(WISATA) });
  await expect(row).toContainText('Ditetapkan');
  await row.getByRole('button', { name: `Usulkan kerja sama — ${WISATA}` }).click();
  const proposal = secretariat.getByRole('dialog', { name: 'Usulkan kerja sama' });
  await proposal.getByLabel('Mitra', { exact: true }).selectOption({ label: 'Pemerintah Kabupaten Tapin' });
  await proposal.getByRole('button', { name: 'Buat usulan' }).click();
  await expect(secretariat.getByRole('heading', { level: 1, name: WISATA })).toBeVisible();
  for (const page of [secretariat, liaison, dinkes, tkksd]) await page.context().close();
});
