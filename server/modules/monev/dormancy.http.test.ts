import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildUser, signIn } from '../../test/factories.js';
import { cooperation } from '../cooperations/cooperations.tables.js';
import { recordMonitoring } from '../cooperations/index.js';
import { sendDailyDigests } from '../notifications/index.js';
import { emailMessage, notification } from '../notifications/notifications.tables.js';
import { runDormancyEscalation } from './dormancy.usecases.js';
import { runMonevReminders } from './reminders.usecases.js';
import { monevDormancyStep } from './reminders.tables.js';

type Dormancy = {
  dormant: boolean;
  dormantSince: string | null;
  quietSince: string;
  currentStep: { step: number; role: string } | null;
  nextStep: { step: number; role: string; on: string } | null;
  steps: { step: number; role: string; skipped: boolean; recipients: number }[];
};

describeEachDatabase('monev: dormancy escalation, reminders and the daily digest', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;
  let fresh: string;
  let ppksd: { id: string; email: string };
  let sekda: { id: string; email: string };
  let reader: TestSession;
  const publicUrl = 'https://jejaring.example';

  /** Moves the clock (weeks or months at a time) and signs in again: sessions expire on the way. */
  const at = async (iso: string) => {
    ctx().clock.set(new Date(iso));
    reader = await signIn(ctx(), a.users.secretariat.email);
  };
  const get = async <T>(path: string, session = reader) => {
    const res = await ctx().request(path, { session });
    assert.equal(res.status, 200, await res.clone().text());

    return (await res.json()) as T;
  };
  const escalate = () => runDormancyEscalation({ db: ctx().db, clock: ctx().clock, publicUrl });
  const noticesFor = (userId: string, kind: string) => ctx().db.select().from(notification).where(and(eq(notification.userId, userId), eq(notification.kind, kind)));
  const mailsTo = (email: string) => ctx().db.select().from(emailMessage).where(eq(emailMessage.toAddress, email));

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    ppksd = await buildUser(ctx().db, { orgId: a.opd.id, roles: [{ role: 'PPKSD', orgId: a.opd.id }] });
    sekda = await buildUser(ctx().db, { orgId: a.tenant.id, roles: [{ role: 'SEKDA', orgId: a.tenant.id }] });
    reader = a.sessions.secretariat;
    const create = async (title: string) => {
      const res = await ctx().request('/api/cooperations', { json: ksddInput(a, b, { title }), session: a.sessions.opdStaff });
      assert.equal(res.status, 201, await res.clone().text());

      return ((await res.json()) as { id: string }).id;
    };
    id = await create('Pengelolaan sampah regional bersama');
    fresh = await create('Jalan penghubung antarkabupaten');
    // Signed on 3 September 2025 and never monitored since: "tidak aktif" from 3 March 2026.
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2025-09-03', endDate: '2028-09-02', signedAt: '2025-09-03' }).where(eq(cooperation.id, id));
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-10', endDate: '2028-01-09', signedAt: '2026-01-10' }).where(eq(cooperation.id, fresh));
    // Two milestones of the quiet one: one due within the week, one already overdue (test clock: 15 January 2026).
    for (const [name, dueDate] of [['Survei lokasi TPA selesai', '2026-01-20'], ['Naskah teknis disepakati', '2026-01-05']] as const) {
      const res = await ctx().request(`/api/cooperations/${id}/milestones`, { json: { name, dueDate }, session: a.sessions.secretariat });
      assert.equal(res.status, 201, await res.clone().text());
    }
  });

  it('reminders: each item once per state, as digest notices; three for one person make ONE e-mail', async () => {
    const run = () => runMonevReminders({ db: ctx().db, clock: ctx().clock, publicUrl });
    ctx().clock.set(new Date('2026-01-15T03:00:00Z'));
    const first = await run();
    // Two milestones and the quiet cooperation's progress update (due 3 December 2025).
    assert.equal(first.reminded, 3);
    assert.equal((await run()).reminded, 0, 'never twice for the same item and state');
    const staffNotices = (await ctx().db.select().from(notification).where(eq(notification.userId, a.users.opdStaff.id))).map((n) => n.title).sort();
    assert.deepEqual(staffNotices, [
      'Pembaruan kemajuan ' + (await codeOf(id)) + ' terlambat sejak 3 Desember 2025',
      'Tonggak “Naskah teknis disepakati” terlambat sejak 5 Januari 2026',
      'Tonggak “Survei lokasi TPA selesai” jatuh tempo 20 Januari 2026',
    ]);
    assert.equal((await mailsTo(a.users.opdStaff.email)).length, 0, 'the e-mail waits for the digest');

    const digest = await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl });
    assert.ok(digest.emails >= 3, 'one per person (staff, head, liaison of the lead OPD)');
    const mails = await mailsTo(a.users.opdStaff.email);
    assert.equal(mails.length, 1, 'three reminders, one e-mail');
    assert.equal(mails[0]!.subject, 'Ringkasan harian Jejaring: 3 hal perlu perhatian');
    assert.match(mails[0]!.textBody, /Tonggak capaian \(2\)/);
    assert.match(mails[0]!.textBody, /Pembaruan kemajuan \(1\)/);
    assert.ok(mails[0]!.textBody.includes(`${publicUrl}/app/kerja-sama/${id}`));
    assert.equal(mails[0]!.tenantId, a.tenant.id, "the pemda's admins can read it in the outbox");
    assert.deepEqual(await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl }), { emails: 0, items: 0, failed: 0 }, 'a second run the same day sends nothing');
    const waiting = await ctx().db.select().from(notification).where(and(eq(notification.userId, a.users.opdStaff.id), isNull(notification.digestedAt)));
    assert.ok(waiting.every((n) => n.digestTo === null));

    // Five days later the first milestone is overdue: a new state, a new reminder.
    ctx().clock.set(new Date('2026-01-21T02:00:00Z'));
    assert.equal((await run()).reminded, 1);
  });

  it('a quiet cooperation becomes "tidak aktif" on the day its months are up, in the record and in the register', async () => {
    await at('2026-03-02T02:00:00Z');
    assert.deepEqual(await escalate(), { notified: 0 });
    assert.equal((await get<Dormancy>(`/api/cooperations/${id}/dormancy`)).dormant, false);
    const before = await get<{ items: { id: string; dormant: boolean }[] }>('/api/cooperations?dormant=true');
    assert.deepEqual(before.items, []);

    await at('2026-03-02T17:30:00Z'); // 3 March, 00:30 WIB
    const register = await get<{ items: { id: string; dormant: boolean }[] }>('/api/cooperations');
    assert.deepEqual(Object.fromEntries(register.items.map((r) => [r.id, r.dormant])), { [id]: true, [fresh]: false });
    const filtered = await get<{ items: { id: string }[] }>('/api/cooperations?dormant=true');
    assert.deepEqual(filtered.items.map((r) => r.id), [id]);
    assert.equal((await get<{ dormant: boolean }>(`/api/cooperations/${id}`)).dormant, true, 'the record and the register agree');
  });

  it('escalates step by step, a late run tells only the highest step, and each step once per episode', async () => {
    assert.deepEqual(await escalate(), { notified: 1 });
    assert.deepEqual(await escalate(), { notified: 0 }, 'the same day again: nothing');
    const liaison = await noticesFor(ppksd.id, 'monev.dormancy_escalation');
    assert.equal(liaison.length, 1, 'step 1: the liaison (PPKSD) of the lead OPD');
    assert.match(liaison[0]!.title, /tidak aktif sejak 3 Maret 2026/);
    assert.match(liaison[0]!.body, /belum dipantau selama 181 hari/);
    assert.equal((await noticesFor(a.users.secretariat.id, 'monev.dormancy_escalation')).length, 0);
    let d = await get<Dormancy>(`/api/cooperations/${id}/dormancy`);
    assert.equal(d.dormantSince, '2026-03-03');
    assert.deepEqual(d.currentStep && [d.currentStep.step, d.currentStep.role], [0, 'PPKSD']);
    assert.deepEqual(d.nextStep, { step: 1, role: 'OPD_HEAD', on: '2026-03-17' });

    // No run for four weeks (a server down): on 31 March step 3 is due; step 2 is recorded as skipped.
    await at('2026-03-31T02:00:00Z');
    assert.deepEqual(await escalate(), { notified: 1 });
    assert.equal((await noticesFor(a.users.opdHead.id, 'monev.dormancy_escalation')).length, 0, 'no burst to the skipped step');
    const secretariat = await noticesFor(a.users.secretariat.id, 'monev.dormancy_escalation');
    assert.equal(secretariat.length, 1);
    assert.match(secretariat[0]!.body, /Eskalasi tahap 3 dari 4: Sekretariat kerja sama daerah/);
    assert.match(secretariat[0]!.body, /Sebelumnya telah diberi tahu: Penghubung OPD \(PPKSD\) \(3 Maret 2026\)/);
    d = await get<Dormancy>(`/api/cooperations/${id}/dormancy`);
    assert.deepEqual(d.steps.map((s) => [s.role, s.skipped]), [['PPKSD', false], ['OPD_HEAD', true], ['KSD_SECRETARIAT_ADMIN', false]]);
    assert.deepEqual(d.nextStep, { step: 3, role: 'SEKDA', on: '2026-04-14' });

    await at('2026-04-14T02:00:00Z');
    assert.deepEqual(await escalate(), { notified: 1 });
    assert.equal((await noticesFor(sekda.id, 'monev.dormancy_escalation')).length, 1, 'the last step: the Sekda');
    await at('2026-05-30T02:00:00Z');
    assert.deepEqual(await escalate(), { notified: 0 }, 'the ladder ends at its last step');

    // The digest: one e-mail to the Sekda listing the escalation.
    await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl });
    const mails = await mailsTo(sekda.email);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.textBody, /Kerja sama tidak aktif \(1\)/);
  });

  it('monitoring ends the episode; going quiet again starts a new one from the first step', async () => {
    await ctx().db.transaction((tx) => recordMonitoring({ tx, cooperationId: id, monitoredAt: ctx().clock.now() }));
    assert.equal((await get<Dormancy>(`/api/cooperations/${id}/dormancy`)).dormant, false);
    assert.deepEqual(await escalate(), { notified: 0 });

    // The other cooperation was monitored in October: it is not quiet.
    await ctx().db.transaction((tx) => recordMonitoring({ tx, cooperationId: fresh, monitoredAt: new Date('2026-10-01T02:00:00Z') }));
    await at('2026-11-30T02:00:00Z'); // six months after 30 May
    assert.deepEqual(await escalate(), { notified: 1 });
    const d = await get<Dormancy>(`/api/cooperations/${id}/dormancy`);
    assert.equal(d.dormantSince, '2026-11-30');
    assert.deepEqual(d.steps.map((s) => s.step), [0]);
    const rows = await ctx().db.select().from(monevDormancyStep).where(eq(monevDormancyStep.cooperationId, id));
    assert.deepEqual([...new Set(rows.map((r) => r.episodeStart))].sort(), ['2026-03-03', '2026-11-30']);
    assert.equal((await noticesFor(ppksd.id, 'monev.dormancy_escalation')).length, 2);
  });

  it('another pemda may not read the escalation of a cooperation it is no party to', async () => {
    const outsider = await buildPemdaWorld(ctx(), '95.01', 'Kabupaten Jayawijaya');
    const res = await ctx().request(`/api/cooperations/${id}/dormancy`, { session: await signIn(ctx(), outsider.users.secretariat.email) });
    assert.equal(res.status, 404);
    assert.equal((await ctx().request(`/api/cooperations/${id}/dormancy`)).status, 401);
  });

  const codeOf = async (cooperationId: string) => (await ctx().db.select({ code: cooperation.code }).from(cooperation).where(eq(cooperation.id, cooperationId)))[0]!.code;
});
