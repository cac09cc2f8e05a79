import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { DEMO_PASSWORD, uniqueSuffix } from './support/accounts';
import { get, organizationNamed, post, signIn, type ApiSession } from './support/api';
import { expect, test } from './support/fixtures';
import { expectNoHorizontalOverflow } from './support/ui';

/**
 * Cooperation journeys: (a) a KSDD between Hulu Sungai Selatan and Hulu Sungai Tengah from the
 * proposal to in force, with the DPRD of both; (c) a partner sees only its own cooperations. The
 * steps the journey is about go through the pages; uploading the supporting documents (the
 * documents panel has its own journey) goes through the API to keep the run short.
 */
const HSS = 'Pemerintah Kabupaten Hulu Sungai Selatan';
const HST = 'Pemerintah Kabupaten Hulu Sungai Tengah';
const PUPR_HSS = 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Hulu Sungai Selatan';
const PARTNER = 'PT Banua Tirta Lestari (fiktif)';
const SAMPLE_PDF = fs.readFileSync(path.join(process.cwd(), 'server', 'modules', 'files', 'fixtures', 'sample.pdf'));

type Party = { orgId: string; name: string; registerNumber: string | null };
type Coop = { id: string; state: string; rowVersion: number; parties: Party[]; dprdRequired: boolean };

const apiAs = async (playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, email: string): Promise<ApiSession & { dispose: () => Promise<void> }> => {
  const request: APIRequestContext = await playwright.request.newContext({ baseURL });
  const session = await signIn(request, email, DEMO_PASSWORD);

  return { ...session, dispose: () => request.dispose() };
};

/** Attaches a (sample) PDF as a document of the given type, as the documents panel would. */
const attach = async (session: ApiSession, coopId: string, type: string, status: 'DRAFT' | 'FINAL' | 'SIGNED' = 'FINAL') => {
  const upload = await session.request.post('/api/files', {
    headers: { 'x-csrf-token': session.csrf },
    multipart: { file: { name: `${type.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: SAMPLE_PDF } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const file = (await upload.json()) as { id: string };
  await post(session, `/api/cooperations/${coopId}/documents`, { type, title: `${type} (uji)`, status, fileId: file.id });
};

/** Uploads a (sample) PDF through the documents panel of the open cooperation page and attaches it. */
const attachInPage = async (page: Page, type: string, status: 'DRAFT' | 'FINAL' | 'SIGNED' = 'FINAL') => {
  const panel = page.getByRole('region', { name: 'Naskah dan dokumen' });
  await panel.getByRole('button', { name: 'Unggah berkas' }).click();
  const form = page.getByRole('form', { name: 'Unggah dan lampirkan berkas' });
  await form.getByLabel('Berkas', { exact: true }).setInputFiles({ name: `${type.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await form.getByLabel('Jenis dokumen').selectOption(type);
  await form.getByLabel('Status', { exact: true }).selectOption(status);
  await form.getByRole('button', { name: 'Unggah dan lampirkan' }).click();
  await expect(page.getByText('Berkas terlampir pada kerja sama.')).toBeVisible();
  await expect(form).toBeHidden();
};

/** Generates a draft from the pemda's template through the documents panel. */
const draftInPage = async (page: Page, type: string, place: string) => {
  const panel = page.getByRole('region', { name: 'Naskah dan dokumen' });
  await panel.getByRole('button', { name: 'Susun rancangan dari templat' }).click();
  const form = page.getByRole('form', { name: 'Susun rancangan' });
  await form.getByLabel('Jenis dokumen').selectOption(type);
  await form.getByLabel('Tempat penandatanganan').fill(place);
  await form.getByRole('button', { name: 'Susun rancangan' }).click();
  await expect(page.getByText(/Rancangan versi \d+ tersusun\./)).toBeVisible();
};

/** Signs the browser in as someone else and opens the cooperation. */
const openAs = async (page: Page, email: string, coopId: string) => {
  await page.context().clearCookies();
  await signIn(page.context().request, email, DEMO_PASSWORD);
  await page.goto(`/app/kerja-sama/${coopId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Langkah berikutnya' })).toBeVisible();
};

const stage = (page: Page) => page.locator('.coop-header');

/** Takes a step of the procedure from the actions bar, filling the dialog, and waits for the new stage. */
const act = async (page: Page, label: string, nextStage: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) => {
  const actions = page.getByRole('region', { name: 'Langkah berikutnya' });
  await actions.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(stage(page)).toContainText(nextStage);
};

test.describe('cooperations', () => {
  test('(a) a KSDD burdening the community runs from proposal through both DPRD to in force, each pemda with its own register number', async ({ page, playwright }, testInfo) => {
    test.setTimeout(240_000);
    const baseURL = testInfo.project.use.baseURL!;
    const title = `Jaringan air minum lintas HSS–HST ${uniqueSuffix()}`;

    // The OPD staff proposes through the form.
    await signIn(page.context().request, 'staf.pupr.hss@jejaring.test', DEMO_PASSWORD);
    await page.goto('/app/kerja-sama/baru');
    await expect(page.getByRole('heading', { level: 1, name: 'Usulkan kerja sama' })).toBeVisible();
    await page.getByLabel('Kategori KSDD').selectOption('SUKARELA');
    await expect(page.getByLabel('OPD pelaksana utama')).toHaveValue(/.+/);
    await page.getByLabel('Pihak lain').selectOption({ label: HST });
    await page.getByRole('button', { name: 'Tambah pihak' }).click();
    await expect(page.getByText(HST, { exact: true })).toBeVisible();
    await page.getByLabel('Judul').fill(title);
    await page.getByLabel('Objek kerja sama').fill('Penyediaan air minum bagi desa perbatasan kedua kabupaten');
    await page.getByRole('button', { name: 'Tambah ruang lingkup' }).click();
    await page.getByLabel('Ruang lingkup 1').fill('Pembangunan jaringan pipa transmisi');
    await page.getByRole('group', { name: 'Urusan pemerintahan' }).getByRole('checkbox').first().check();
    await page.getByLabel('Rujukan rencana').fill('RPJMD 2025–2029, Program Penyediaan Air Minum');
    await page.getByLabel('Rencana kerja sama ini membebani masyarakat dan daerah').check();
    await page.getByRole('button', { name: 'Tambah pendanaan' }).click();
    await page.getByLabel('Jumlah (Rp)').fill('1.500.000.000,00');
    await expect(page.getByText('Rp1.500.000.000,00')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Simpan usulan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(stage(page)).toContainText('Usulan');
    const facts = page.getByRole('region', { name: 'Rincian' });
    await expect(facts.getByText('Perlu persetujuan DPRD', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText('Ya');
    const coopId = page.url().split('/').at(-1)!;
    await expectAccessible(page);
    await expectNoHorizontalOverflow(page);

    const secretariatHss = await apiAs(playwright, baseURL, 'sekretariat.hss@jejaring.test');
    const tkksd = await apiAs(playwright, baseURL, 'tkksd.ketua.hss@jejaring.test');
    const dprdHst = await apiAs(playwright, baseURL, 'dprd.hst@jejaring.test');
    try {
      // The head of the OPD submits once the KAK is attached; until then the actions bar says what is missing.
      await openAs(page, 'kadis.pupr.hss@jejaring.test', coopId);
      await expect(page.getByRole('region', { name: 'Langkah berikutnya' })).toContainText('Ajukan ke TKKSD — dokumen belum ada: KAK');
      await attachInPage(page, 'KAK');
      await page.reload();
      await act(page, 'Ajukan ke TKKSD', 'Kajian TKKSD');

      await openAs(page, 'tkksd.ketua.hss@jejaring.test', coopId);
      await act(page, 'Rekomendasikan', 'Penawaran');

      await openAs(page, 'sekretariat.hss@jejaring.test', coopId);
      await expect(page.getByRole('region', { name: 'Langkah berikutnya' })).toContainText('Kirim penawaran — dokumen belum ada: SURAT_PENAWARAN');
      await attachInPage(page, 'SURAT_PENAWARAN');
      await page.reload();
      await act(page, 'Kirim penawaran', 'Menunggu tanggapan');

      await openAs(page, 'sekretariat.hst@jejaring.test', coopId);
      await act(page, 'Catat penerimaan', 'Penyusunan kesepakatan bersama');

      // The KSB is drafted from the template with every clause, discussed (berita acara), finalised and signed.
      await openAs(page, 'sekretariat.hss@jejaring.test', coopId);
      await draftInPage(page, 'KSB', 'Kandangan');
      await attachInPage(page, 'BERITA_ACARA');
      await openAs(page, 'tkksd.ketua.hss@jejaring.test', coopId);
      await act(page, 'Finalkan kesepakatan bersama', 'Penandatanganan kesepakatan bersama');
      await openAs(page, 'sekretariat.hss@jejaring.test', coopId);
      await attachInPage(page, 'KSB', 'SIGNED');
      await page.reload();
      await act(page, 'Tanda tangani kesepakatan bersama', 'Kesepakatan bersama berlaku');

      // Burdening the community needs the DPRD of both pemda (PP 28/2018 Art. 6(2)).
      await attach(secretariatHss, coopId, 'SURAT_PERMOHONAN_DPRD');
      await page.reload();
      await act(page, 'Mohon persetujuan DPRD', 'Menunggu persetujuan DPRD');
      await expect(page.getByRole('region', { name: 'Persetujuan dan sengketa' })).toContainText('Menunggu keputusan');

      await openAs(page, 'dprd.hss@jejaring.test', coopId);
      await act(page, 'Catat keputusan DPRD', 'Menunggu persetujuan DPRD', async (dialog) => {
        await dialog.getByLabel('Keputusan', { exact: true }).selectOption('APPROVED');
        await dialog.getByLabel('Tanggal keputusan').fill('2026-03-10');
      });
      await expect(page.getByRole('region', { name: 'Persetujuan dan sengketa' })).toContainText('Disetujui');
      await post(dprdHst, `/api/cooperations/${coopId}/actions/record_dprd_decision`, { decision: 'APPROVED', decidedAt: '2026-03-12' });

      // The PKS: drafted, term set within the five years of a public service, finalised, signed.
      await post(secretariatHss, `/api/cooperations/${coopId}/drafts`, { type: 'PKS', place: 'Kandangan' });
      const current = await get<Coop>(secretariatHss, `/api/cooperations/${coopId}`);
      const patched = await secretariatHss.request.patch(`/api/cooperations/${coopId}`, {
        headers: { 'x-csrf-token': secretariatHss.csrf },
        data: { expectedVersion: current.rowVersion, startDate: '2026-04-01', endDate: '2031-03-31' },
      });
      expect(patched.status(), await patched.text()).toBe(200);
      await post(tkksd, `/api/cooperations/${coopId}/actions/finalize_pks`, {});
      await attach(secretariatHss, coopId, 'PKS', 'SIGNED');
      await openAs(page, 'sekretariat.hss@jejaring.test', coopId);
      await act(page, 'Tanda tangani', 'Berlaku', async (dialog) => {
        await expect(dialog.getByLabel('Tanggal mulai')).toHaveValue('2026-04-01');
        await dialog.getByLabel('Tanggal berakhir').fill('2031-03-31');
        await dialog.getByLabel('Tanggal penandatanganan').fill('2026-03-30');
      });
      await expectAccessible(page);

      // Both pemda see it in force, each party with its own register number.
      const final = await get<Coop>(secretariatHss, `/api/cooperations/${coopId}`);
      const numbers = final.parties.map((p) => p.registerNumber);
      expect(numbers.every(Boolean)).toBe(true);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const email of ['sekretariat.hss@jejaring.test', 'sekretariat.hst@jejaring.test']) {
        await openAs(page, email, coopId);
        await expect(stage(page)).toContainText('Berlaku');
        const parties = page.getByRole('region', { name: 'Para pihak' });
        for (const party of final.parties) await expect(parties.getByRole('listitem').filter({ hasText: party.name })).toContainText(party.registerNumber!);
      }
      await page.goto(`/app/kerja-sama?q=${encodeURIComponent(title)}&state=BERLAKU`);
      await expect(page.getByRole('link', { name: title })).toBeVisible();
      await expectAccessible(page);
    } finally {
      await Promise.all([secretariatHss, tkksd, dprdHst].map((s) => s.dispose()));
    }
  });

  test('(c) a partner sees only its own organisation’s cooperations and another one is not found', async ({ page, playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL!;
    const secretariat = await apiAs(playwright, baseURL, 'sekretariat.hss@jejaring.test');
    const suffix = uniqueSuffix();
    try {
      const hss = await organizationNamed(secretariat, HSS);
      const hst = await organizationNamed(secretariat, HST);
      const partner = await organizationNamed(secretariat, PARTNER);
      const pupr = await organizationNamed(secretariat, PUPR_HSS);
      const base = { objectCategory: 'PELAYANAN_PUBLIK', urusanCodes: [], objek: 'Air minum', burdensCommunity: false };
      const withPartner = await post<Coop>(secretariat, '/api/cooperations', {
        ...base,
        kind: 'KSDPK',
        title: `Pengelolaan SPAM bersama mitra ${suffix}`,
        parties: [{ orgId: hss.id, leadOpdId: pupr.id }, { orgId: partner.id }],
      });
      const without = await post<Coop>(secretariat, '/api/cooperations', {
        ...base,
        kind: 'KSDD',
        ksddCategory: 'SUKARELA',
        title: `Kerja sama antardaerah tanpa mitra ${suffix}`,
        parties: [{ orgId: hss.id, leadOpdId: pupr.id }, { orgId: hst.id }],
      });

      await signIn(page.context().request, 'mitra.banuatirta@jejaring.test', DEMO_PASSWORD);
      await page.goto(`/app/kerja-sama?q=${suffix}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Kerja sama' })).toBeVisible();
      await expect(page.getByRole('link', { name: `Pengelolaan SPAM bersama mitra ${suffix}` })).toBeVisible();
      await expect(page.getByRole('link', { name: `Kerja sama antardaerah tanpa mitra ${suffix}` })).toHaveCount(0);
      await expectAccessible(page);

      await page.getByRole('link', { name: `Pengelolaan SPAM bersama mitra ${suffix}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Pengelolaan SPAM bersama mitra ${suffix}` })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/kerja-sama/${withPartner.id}$`));
      await expectAccessible(page);

      await page.goto(`/app/kerja-sama/${without.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible();
    } finally {
      await secretariat.dispose();
    }
  });

  test('the register and a cooperation page fit a phone screen and pass the accessibility check @phone', async ({ page, playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL!;
    const secretariat = await apiAs(playwright, baseURL, 'sekretariat.hss@jejaring.test');
    try {
      const hss = await organizationNamed(secretariat, HSS);
      const hst = await organizationNamed(secretariat, HST);
      const title = `Pengelolaan sampah regional dengan judul yang cukup panjang untuk layar sempit ${uniqueSuffix()}`;
      const coop = await post<Coop>(secretariat, '/api/cooperations', {
        kind: 'KSDD',
        ksddCategory: 'WAJIB',
        title,
        objectCategory: 'PELAYANAN_PUBLIK',
        objek: 'Tempat pemrosesan akhir sampah regional',
        ruangLingkup: ['Pengangkutan sampah antardaerah'],
        burdensCommunity: true,
        funding: [{ source: 'APBD', year: 2026, amount: '250000000.00', budgeted: true }],
        parties: [{ orgId: hss.id }, { orgId: hst.id }],
      });
      await signIn(page.context().request, 'tkksd.ketua.hss@jejaring.test', DEMO_PASSWORD);
      await page.goto('/app/kerja-sama');
      await expect(page.getByRole('heading', { level: 1, name: 'Kerja sama' })).toBeVisible();
      await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await expectAccessible(page);

      await page.goto(`/app/kerja-sama/${coop.id}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByText('Rp250.000.000,00')).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await expectAccessible(page);

      await page.getByRole('region', { name: 'Langkah berikutnya' }).getByRole('button', { name: 'Batalkan', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Batalkan' });
      await dialog.getByRole('button', { name: 'Batalkan', exact: true }).click();
      await expect(dialog.getByText('Wajib diisi untuk tindakan ini.')).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Batal', exact: true }).click();
      await expect(dialog).toBeHidden();
    } finally {
      await secretariat.dispose();
    }
  });
});
