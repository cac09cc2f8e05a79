import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { signIn } from '../../test/factories.js';
import { sendDailyDigests } from '../notifications/index.js';
import { emailMessage, notification } from '../notifications/notifications.tables.js';
import { cooperation } from './cooperations.tables.js';
import { runDailyLifecycle } from './lifecycle.usecases.js';

describeEachDatabase('cooperations: reminders before the end date and expiry after it', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const res = await ctx().request('/api/cooperations', { method: 'POST', json: ksddInput(a, b), session: a.sessions.opdStaff });
    id = ((await res.json()) as { id: string }).id;
    // Signed earlier (the signing itself is covered elsewhere); it ends on 30 April 2026.
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2021-05-01', endDate: '2026-04-30' }).where(eq(cooperation.id, id));
  });

  const noticesFor = async (userId: string) => ctx().db.select().from(notification).where(eq(notification.userId, userId));
  const run = () => runDailyLifecycle({ db: ctx().db, clock: ctx().clock, publicUrl: 'https://jejaring.example' });

  it('reminds each party once at the nearest offset, then at the next one, then ends it', async () => {
    ctx().clock.set(new Date('2026-03-02T02:00:00Z')); // 59 days left: inside the 90- and 180-day offsets
    assert.deepEqual(await run(), { expired: 0, reminded: 2 }, 'one reminder per party pemda');
    assert.deepEqual(await run(), { expired: 0, reminded: 0 }, 'never twice for the same offset');
    const first = await noticesFor(a.users.secretariat.id);
    assert.equal(first.length, 1);
    assert.match(first[0]!.title, /berakhir dalam 59 hari/);
    assert.equal((await noticesFor(a.users.opdStaff.id)).length, 1, 'the lead OPD hears it too');
    assert.equal((await noticesFor(a.users.dprd.id)).length, 0, 'the DPRD does not');
    // A reminder waits for the daily digest: no e-mail of its own, then one digest.
    const mailsTo = () => ctx().db.select().from(emailMessage).where(eq(emailMessage.toAddress, a.users.secretariat.email));
    assert.equal((await mailsTo()).length, 0);
    await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl: 'https://jejaring.example' });
    const mails = await mailsTo();
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /Ringkasan harian Jejaring: 1 hal perlu perhatian/);
    assert.ok(mails[0]!.textBody.includes(`https://jejaring.example/app/kerja-sama/${id}`));
    assert.ok(mails[0]!.textBody.includes('berakhir dalam 59 hari'));

    ctx().clock.set(new Date('2026-04-01T02:00:00Z')); // 29 days left
    assert.deepEqual(await run(), { expired: 0, reminded: 2 });
    assert.equal((await noticesFor(b.users.secretariat.id)).length, 2);

    ctx().clock.set(new Date('2026-04-30T16:00:00Z')); // 30 April, 23:00 WIB: still its last day
    assert.equal((await run()).expired, 0);
    ctx().clock.set(new Date('2026-04-30T17:30:00Z')); // 1 May, 00:30 WIB
    assert.deepEqual(await run(), { expired: 1, reminded: 0 });
    // Two months later every session has expired: sign in again.
    b.sessions.secretariat = await signIn(ctx(), b.users.secretariat.email);
    a.sessions.secretariat = await signIn(ctx(), a.users.secretariat.email);
    a.sessions.opdHead = await signIn(ctx(), a.users.opdHead.email);
    const detail = (await (await ctx().request(`/api/cooperations/${id}`, { session: b.sessions.secretariat })).json()) as { state: string; allowedActions: string[] };
    assert.equal(detail.state, 'BERAKHIR');
    assert.ok(detail.allowedActions.includes('extend'), 'an ended cooperation may be extended by a new procedure');
    const timeline = (await (await ctx().request(`/api/cooperations/${id}/timeline`, { session: a.sessions.secretariat })).json()) as {
      items: { action?: string | null; private: boolean }[];
    };
    assert.equal(timeline.items.at(-1)?.action, 'expire');
    const reminders = timeline.items.filter((e) => e.action === 'expiry_reminder');
    assert.equal(reminders.length, 2, 'each pemda sees its own reminders only');
    assert.ok(reminders.every((r) => r.private));
    assert.match((await noticesFor(a.users.secretariat.id)).map((n) => n.title).join('|'), /telah berakhir/);
    assert.deepEqual(await run(), { expired: 0, reminded: 0 });
  });

  it('an extension starts a new procedure linked to the ended cooperation', async () => {
    const res = await ctx().request(`/api/cooperations/${id}/actions/extend`, { method: 'POST', json: {}, session: a.sessions.opdHead });
    assert.equal(res.status, 200, await res.clone().text());
    const { createdId } = (await res.json()) as { createdId: string };
    const next = (await (await ctx().request(`/api/cooperations/${createdId}`, { session: b.sessions.secretariat })).json()) as { state: string; parentId: string; parties: unknown[] };
    assert.equal(next.state, 'USULAN');
    assert.equal(next.parentId, id);
    assert.equal(next.parties.length, 2);
    const count = await ctx().db.execute(sql`SELECT count(*)::int AS n FROM cooperation WHERE parent_id = ${id}`);
    assert.equal((count as unknown as { rows: { n: number }[] }).rows[0]!.n, 1);
  });
});
