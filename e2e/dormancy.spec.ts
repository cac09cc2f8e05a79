import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, TENANT_ADMIN_HSS, tanggal } from './support/accounts';
import { expectAccessible } from './support/a11y';
import { get, login, organizationNamed, post, signIn, type ApiSession } from './support/api';
import { expect, test } from './support/fixtures';

/**
 * Journey: time passes (the clock server, project "clock") and a quiet cooperation becomes
 * "tidak aktif"; the daily monev run escalates it step by step (liaison → OPD head → secretariat),
 * and the escalation reaches people as their daily digest: one e-mail per person per day.
 */
const SECRETARIAT = 'sekretariat.hss@jejaring.test';
const LIAISON = 'ppksd.pupr.hss@jejaring.test';
const OPD_HEAD = 'kadis.pupr.hss@jejaring.test';

type Dormancy = { dormant: boolean; quietSince: string; dormantAfterMonths: number; dormantSince: string | null; currentStep: { role: string } | null };
type OutboxItem = { id: string; to: string; subject: string; createdAt: string };

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = m - 1 + months;
  const last = new Date(Date.UTC(y + Math.floor(month / 12), (month % 12) + 1, 0)).getUTCDate();

  return new Date(Date.UTC(y + Math.floor(month / 12), month % 12, Math.min(d, last))).toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

test('a quiet cooperation becomes "tidak aktif" and its escalation goes out as one digest per person', async ({ page }) => {
  test.setTimeout(240_000);
  const request = page.context().request;

  // The HSS tenant admin reads the outbox; enrol its two-factor now, while the server's clock is still today.
  const first = await login(request, TENANT_ADMIN_HSS.email, DEMO_PASSWORD);
  expect(first.status, 'this journey needs its own (clock) server with a fresh admin').toBe(200);
  const adminSession: ApiSession = { request, csrf: first.csrf!, userId: first.userId! };
  const { secret } = await post<{ secret: string }>(adminSession, '/api/auth/totp/setup');
  await post(adminSession, '/api/auth/totp/enable', { code: codeAt(secret, new Date()) });
  await page.context().clearCookies();

  let api = await signIn(request, SECRETARIAT, DEMO_PASSWORD);
  // The server's day, not this machine's: another journey on this server may have moved its clock already.
  const serverNow = new Date((await post<{ now: string }>(api, '/api/test/clock', { advanceDays: 0 })).now);
  const today = new Date(serverNow.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const hss = await organizationNamed(api, 'Pemerintah Kabupaten Hulu Sungai Selatan');
  const partner = await organizationNamed(api, 'PT Banua Tirta Lestari (fiktif)');
  const title = `Hibah pompa air desa ${Date.now().toString(36)}`;
  const created = await post<{ id: string; code: string; state: string }>(api, '/api/cooperations', {
    kind: 'KSDPK',
    regime: 'HIBAH',
    title,
    objek: 'Hibah pompa air untuk desa',
    objectCategory: 'PELAYANAN_PUBLIK',
    urusanCodes: ['1.03'],
    startDate: addDays(today, -10),
    endDate: addDays(today, 3 * 365),
    parties: [{ orgId: hss.id }, { orgId: partner.id }],
  });
  expect(created.state).toBe('BERLAKU');
  const before = await get<Dormancy>(api, `/api/cooperations/${created.id}/dormancy`);
  expect(before.dormant).toBe(false);
  const dormantSince = addMonths(before.quietSince, before.dormantAfterMonths);

  let now = serverNow;
  /** Moves the server's clock and signs in again (sessions expire on the way). */
  const advance = async (days: number) => {
    now = new Date((await post<{ now: string }>(api, '/api/test/clock', { advanceDays: days })).now);
    await page.context().clearCookies();
    api = await signIn(request, SECRETARIAT, DEMO_PASSWORD);
  };
  const stepIs = (role: string) =>
    expect.poll(async () => (await get<Dormancy>(api, `/api/cooperations/${created.id}/dormancy`)).currentStep?.role ?? null, { timeout: 60_000 }).toBe(role);

  // The morning it has been quiet for six months: "tidak aktif", and the liaison is told.
  await advance(daysBetween(today, dormantSince));
  await stepIs('PPKSD');
  await page.goto('/app/kerja-sama?dormant=true');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row.getByText('Tidak aktif')).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/app/kerja-sama/${created.id}`);
  await expect(page.getByRole('heading', { name: `Tidak aktif sejak ${tanggal(dormantSince)} · eskalasi: Penghubung OPD (PPKSD)` })).toBeVisible();

  // Nobody acts: two weeks later the OPD head, two more the secretariat.
  await advance(14);
  await stepIs('OPD_HEAD');
  await advance(14);
  await stepIs('KSD_SECRETARIAT_ADMIN');
  await page.goto(`/app/kerja-sama/${created.id}`);
  await expect(page.getByRole('heading', { name: `Tidak aktif sejak ${tanggal(dormantSince)} · eskalasi: Sekretariat kerja sama daerah` })).toBeVisible();
  await expect(page.getByText(`Berikutnya: Sekretaris daerah pada ${tanggal(addDays(dormantSince, 42))}.`)).toBeVisible();
  await expectAccessible(page);
  // One more morning, so the last digest run comes after the last escalation run.
  await advance(1);

  // The outbox, as the tenant admin (two-factor code of the server's moved time).
  await page.context().clearCookies();
  const admin = await signIn(request, TENANT_ADMIN_HSS.email, DEMO_PASSWORD, codeAt(secret, now));
  const outbox = async (): Promise<OutboxItem[]> => (await get<{ items: OutboxItem[] }>(admin, '/api/admin/outbox?limit=100')).items;
  /** A person's digests, and those of them that list this cooperation's escalation. */
  const digestsOf = async (person: string) => {
    const mine = (await outbox()).filter((m) => m.to === person && m.subject.startsWith('Ringkasan harian Jejaring'));
    const bodies = await Promise.all(mine.map(async (m) => (await get<{ text: string }>(admin, `/api/admin/outbox/${m.id}`)).text));

    return { mine, listing: bodies.filter((b) => b.includes(created.code) && b.includes('Kerja sama tidak aktif')) };
  };
  // Other reminders (report deadlines, updates due) may have filled earlier digests: wait for the one with this escalation.
  await expect.poll(async () => (await digestsOf(SECRETARIAT)).listing.length, { timeout: 60_000 }).toBeGreaterThan(0);
  for (const person of [LIAISON, OPD_HEAD, SECRETARIAT]) {
    const { mine, listing } = await digestsOf(person);
    // One digest per person per digest run (each run happens on its own server day), never one per item.
    const days = mine.map((m) => m.createdAt.slice(0, 10));
    expect(new Set(days).size, `${person} got two digests on one day`).toBe(days.length);
    expect(listing.length, `${person}: exactly one digest lists this escalation`).toBe(1);
  }
  await page.goto('/app/admin/kotak-keluar');
  await expect(page.getByText(/Ringkasan harian Jejaring: \d+ hal perlu perhatian/).first()).toBeVisible();
  await expectAccessible(page);
});
