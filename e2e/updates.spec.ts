import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './support/a11y';
import { DEMO_PASSWORD, uniqueSuffix } from './support/accounts';
import { get, signIn, type ApiSession } from './support/api';
import { expect, test } from './support/fixtures';

const SAMPLE_PDF = fs.readFileSync(path.join(process.cwd(), 'server', 'modules', 'files', 'fixtures', 'sample.pdf'));
const LIAISON = 'ppksd.pupr.hss@jejaring.test';
const SECRETARIAT = 'sekretariat.hss@jejaring.test';

type Activity = { id: string; name: string; progress: number; realisation: string; rowVersion: number; figuresLocked: boolean; status: string };

/** A page signed in as the given demo user, in its own browser context. */
const pageAs = async (browser: Browser, baseURL: string, email: string): Promise<{ page: Page; api: ApiSession }> => {
  const context = await browser.newContext({ baseURL, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const api = await signIn(context.request, email, DEMO_PASSWORD);

  return { page: await context.newPage(), api };
};

test('a liaison reports progress with evidence; the secretariat returns, then approves; the figure locks and a correction joins the history', async ({ browser, baseURL }) => {
  const narrative = `Pemasangan pipa distribusi ${uniqueSuffix()}`;
  const { page: liaison, api } = await pageAs(browser, baseURL!, LIAISON);
  // A demo cooperation in force with a running activity (not the dormant Papua one).
  const register = await get<{ items: { id: string; title: string }[] }>(api, '/api/cooperations?state=BERLAKU&limit=100');
  let coopId = '';
  let activity: Activity | undefined;
  for (const c of register.items.filter((x) => !x.title.includes('Wamena'))) {
    const plan = await get<{ activities: Activity[] }>(api, `/api/cooperations/${c.id}/work-plan`);
    activity = plan.activities.find((a) => a.status === 'BERJALAN' && !a.figuresLocked && a.progress < 90);
    if (activity) {
      coopId = c.id;
      break;
    }
  }
  expect(activity, 'a demo cooperation in force with an unlocked running activity').toBeTruthy();
  const target = activity!;
  const reported = target.progress + 7;

  // The liaison sends an update with an evidence file.
  await liaison.goto(`/app/kerja-sama/${coopId}`);
  const panel = liaison.getByRole('region', { name: 'Pembaruan kemajuan' });
  await panel.getByRole('button', { name: 'Kirim pembaruan' }).click();
  let dialog = liaison.getByRole('dialog', { name: 'Kirim pembaruan kemajuan' });
  await dialog.getByLabel('Uraian kemajuan').fill(narrative);
  await dialog.getByRole('checkbox', { name: `Laporkan ${target.name}` }).check();
  await dialog.getByLabel(`Kemajuan ${target.name} (%)`).fill(String(reported));
  await dialog.getByLabel('Unggah bukti (maks. 10 berkas)').setInputFiles({ name: 'foto-pemasangan.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await expect(dialog.getByText('foto-pemasangan.pdf')).toBeVisible();
  await expectAccessible(liaison);
  await dialog.getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(dialog).toBeHidden();
  const mine = () => liaison.getByRole('article').filter({ hasText: narrative });
  await expect(mine().getByText('Menunggu persetujuan')).toBeVisible();
  await expect(mine().getByRole('link', { name: 'foto-pemasangan.pdf' })).toBeVisible();

  // The secretariat finds it in the queue and returns it with a comment.
  const { page: secretariat, api: sek } = await pageAs(browser, baseURL!, SECRETARIAT);
  await secretariat.goto('/app/pembaruan-kemajuan');
  await expect(secretariat.getByRole('heading', { level: 1, name: 'Pembaruan menunggu persetujuan' })).toBeVisible();
  await expectAccessible(secretariat);
  await secretariat.goto(`/app/kerja-sama/${coopId}`);
  const theirs = () => secretariat.getByRole('article').filter({ hasText: narrative });
  await theirs().getByRole('button', { name: 'Kembalikan', exact: true }).click();
  await theirs().getByLabel('Komentar untuk pengirim').fill('Lampirkan berita acara pemasangan.');
  await theirs().getByRole('button', { name: 'Kembalikan dengan komentar' }).click();
  await expect(theirs().getByText('Dikembalikan', { exact: true })).toBeVisible();

  // The liaison corrects and resubmits.
  await liaison.reload();
  await expect(mine().getByRole('note')).toContainText('Lampirkan berita acara pemasangan.');
  await mine().getByRole('button', { name: 'Perbaiki dan kirim ulang' }).click();
  dialog = liaison.getByRole('dialog', { name: 'Perbaiki pembaruan kemajuan' });
  await dialog.getByLabel('Unggah bukti (maks. 10 berkas)').setInputFiles({ name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await expect(dialog.getByText('berita-acara.pdf')).toBeVisible();
  await dialog.getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(mine().getByText('Menunggu persetujuan')).toBeVisible();

  // The secretariat approves: the figure is applied and locked.
  await secretariat.reload();
  await theirs().getByRole('button', { name: 'Setujui' }).click();
  await expect(theirs().getByText('Disetujui', { exact: true })).toBeVisible();
  await expect(theirs().getByText('· terkunci').first()).toBeVisible();
  await expectAccessible(secretariat);

  // No edit in place: the activity dialog shows the figure read-only and the API refuses a PATCH.
  const work = secretariat.getByRole('region', { name: 'Pelaksanaan' });
  await work.getByRole('button', { name: `Ubah ${target.name}` }).click();
  const edit = secretariat.getByRole('dialog', { name: 'Ubah kegiatan' });
  await expect(edit.getByLabel('Kemajuan (%)', { exact: true })).toHaveAttribute('readonly', '');
  await expect(edit.getByLabel('Kemajuan (%)', { exact: true })).toHaveValue(String(reported));
  await edit.getByRole('button', { name: 'Batal' }).click();
  const fresh = (await get<{ activities: Activity[] }>(sek, `/api/cooperations/${coopId}/work-plan`)).activities.find((a) => a.id === target.id)!;
  expect(fresh.figuresLocked).toBe(true);
  const patch = await sek.request.patch(`/api/cooperations/${coopId}/activities/${target.id}`, { headers: { 'x-csrf-token': sek.csrf }, data: { expectedVersion: fresh.rowVersion, progress: 99 } });
  expect(patch.status()).toBe(409);
  expect(((await patch.json()) as { code: string }).code).toBe('monev.activity_figures_locked');

  // A correction with a reason becomes revision 2; the history keeps both.
  await liaison.reload();
  await mine().getByRole('button', { name: 'Koreksi' }).click();
  dialog = liaison.getByRole('dialog', { name: 'Koreksi pembaruan yang disetujui' });
  await dialog.getByLabel('Alasan koreksi').fill('Panjang pipa diukur ulang oleh pengawas.');
  await dialog.getByLabel(`Kemajuan ${target.name} (%)`).fill(String(reported - 2));
  await dialog.getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(mine().getByRole('heading', { name: /revisi 2/ })).toBeVisible();
  await expect(mine().locator('p').filter({ hasText: 'Alasan koreksi: Panjang pipa diukur ulang oleh pengawas.' })).toBeVisible();
  await mine().getByText('Revisi sebelumnya (1)').click();
  await expect(mine().getByRole('heading', { name: /Revisi 1/ })).toBeVisible();
  await expectAccessible(liaison);
  await liaison.context().close();
  await secretariat.context().close();
});
