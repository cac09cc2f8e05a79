import { DEMO_PASSWORD } from './support/accounts';
import { expectAccessible } from './support/a11y';
import { get, organizationNamed, post, signIn, type ApiSession } from './support/api';
import { expect, test } from './support/fixtures';

/**
 * Journey (d): a cooperation in force reaches its end. This spec runs against its own server
 * (project "clock", TEST_CLOCK_CONTROL), whose clock it moves forward day by day; the daily job
 * reminds the secretariat before the end date and records the expiry after it.
 */
const SECRETARIAT = 'sekretariat.hss@jejaring.test';

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Moves the server's clock (the request carries the signed-in session's CSRF token, like any write). */
const advance = async (session: ApiSession, days: number) => (await post<{ now: string }>(session, '/api/test/clock', { advanceDays: days })).now;

test('a cooperation in force is reminded before its end date and ends after it', async ({ page }) => {
  test.setTimeout(120_000);
  const request = page.context().request;
  const api = await signIn(request, SECRETARIAT, DEMO_PASSWORD);
  const hss = await organizationNamed(api, 'Pemerintah Kabupaten Hulu Sungai Selatan');
  const partner = await organizationNamed(api, 'PT Banua Tirta Lestari (fiktif)');
  // The server's day, not this machine's: another journey on this server (dormancy) may have moved its clock already.
  const serverToday = new Date(Date.parse(await advance(api, 0)) + 7 * 3600_000).toISOString().slice(0, 10);
  const start = addDays(serverToday, -700);
  const end = addDays(serverToday, 20);
  const title = `Hibah sarana air bersih ${Date.now().toString(36)}`;
  // A grant agreement signed two years ago, recorded in the register (hibah runs under its own rules, not the KSD procedure).
  const created = await post<{ id: string; state: string }>(api, '/api/cooperations', {
    kind: 'KSDPK',
    regime: 'HIBAH',
    title,
    objek: 'Hibah sarana penyediaan air bersih',
    objectCategory: 'PELAYANAN_PUBLIK',
    urusanCodes: ['1.03'],
    startDate: start,
    endDate: end,
    parties: [{ orgId: hss.id }, { orgId: partner.id }],
  });
  expect(created.state).toBe('BERLAKU');

  // The next morning: 19 days left, inside every reminder offset — one reminder, at the nearest.
  await advance(api, 1);
  const again = await signIn(request, SECRETARIAT, DEMO_PASSWORD);
  await expect
    .poll(async () => (await get<{ items: { title: string }[] }>(again, '/api/notifications')).items.map((n) => n.title).join('\n'), { timeout: 30_000 })
    .toContain('berakhir dalam 19 hari');
  await page.goto('/app/notifikasi');
  await expect(page.getByText(/berakhir dalam 19 hari/).first()).toBeVisible();
  await expectAccessible(page);

  // Three weeks later the end date has passed: the daily job records the expiry.
  await advance(again, 21);
  const later = await signIn(request, SECRETARIAT, DEMO_PASSWORD);
  await expect.poll(async () => (await get<{ state: string }>(later, `/api/cooperations/${created.id}`)).state, { timeout: 30_000 }).toBe('BERAKHIR');
  await page.goto(`/app/kerja-sama/${created.id}`);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('Berakhir', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  const notices = await get<{ items: { title: string }[] }>(later, '/api/notifications');
  expect(notices.items.map((n) => n.title).join('\n')).toContain('telah berakhir');
});
