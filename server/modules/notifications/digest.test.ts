import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { buildTenant, buildUser } from '../../test/factories.js';
import { emailMessage, notification } from './notifications.tables.js';
import { composeDigest, notify, sendDailyDigests } from './index.js';

describeEachDatabase('notifications: the daily digest', (ctx) => {
  let tenantId: string;
  let rina: { id: string; email: string };
  let budi: { id: string; email: string };
  const publicUrl = 'https://jejaring.example/';
  const remind = (recipients: { id: string; email: string; locale: string }[], n: number, group: { id: string; en: string }, email: boolean | 'digest' = 'digest') =>
    notify({
      db: ctx().db,
      clock: ctx().clock,
      publicUrl,
      recipients,
      notice: { kind: 'test.reminder', title: { id: `Hal ${n} jatuh tempo`, en: `Item ${n} is due` }, body: { id: `Isi ${n}.`, en: `Body ${n}.` }, link: `/app/kerja-sama/${n}`, tenantId, email, digestGroup: group },
    });
  const mailsTo = (to: string) => ctx().db.select().from(emailMessage).where(eq(emailMessage.toAddress, to));

  before(async () => {
    const tenant = await buildTenant(ctx().db, { regionCode: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' });
    tenantId = tenant.id;
    rina = await buildUser(ctx().db, { orgId: tenant.id });
    budi = await buildUser(ctx().db, { orgId: tenant.id });
  });

  it('three digest notices for one person: in-app at once, then ONE e-mail grouped by heading, never twice', async () => {
    const milestones = { id: 'Tonggak capaian', en: 'Milestones' };
    const people = [{ ...rina, locale: 'id' }];
    await remind(people, 1, milestones);
    await remind(people, 2, milestones);
    await remind([...people, { ...budi, locale: 'en' }], 3, { id: 'Kerja sama tidak aktif', en: 'Inactive cooperations' });
    assert.equal((await ctx().db.select().from(notification).where(eq(notification.userId, rina.id))).length, 3, 'the in-app rows appear at once');
    assert.equal((await mailsTo(rina.email)).length, 0, 'the e-mail waits');

    assert.deepEqual(await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl }), { emails: 2, items: 4, failed: 0 });
    const [mail] = await mailsTo(rina.email);
    assert.equal((await mailsTo(rina.email)).length, 1);
    assert.equal(mail!.subject, 'Ringkasan harian Jejaring: 3 hal perlu perhatian');
    assert.equal(mail!.tenantId, tenantId);
    const text = mail!.textBody;
    assert.ok(text.indexOf('Kerja sama tidak aktif (1)') < text.indexOf('Tonggak capaian (2)'), 'headings in alphabetical order');
    assert.ok(text.includes('• Hal 1 jatuh tempo\n  Isi 1.\n  https://jejaring.example/app/kerja-sama/1'));
    assert.ok(text.includes('• Hal 2 jatuh tempo'));
    const [english] = await mailsTo(budi.email);
    assert.equal(english!.subject, 'Jejaring daily digest: 1 item needs attention', 'in the reader’s language');
    assert.match(english!.textBody, /Inactive cooperations \(1\)/);

    assert.deepEqual(await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl }), { emails: 0, items: 0, failed: 0 }, 'a re-run the same day sends nothing');
  });

  it('immediate and in-app-only notices never enter the digest', async () => {
    await remind([{ ...rina, locale: 'id' }], 4, { id: 'x', en: 'x' }, true);
    await remind([{ ...rina, locale: 'id' }], 5, { id: 'x', en: 'x' }, false);
    assert.equal((await mailsTo(rina.email)).length, 2, 'the immediate one was queued at once');
    assert.deepEqual(await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl }), { emails: 0, items: 0, failed: 0 });
  });

  it('a failure for one person loses nothing: their items wait, the others are sent', async () => {
    // An address that cannot be a mail header makes queuing fail, as a crash mid-digest would.
    await remind([{ id: rina.id, email: 'rusak\r\n@hss.go.id', locale: 'id' }], 6, { id: 'Tonggak capaian', en: 'Milestones' });
    await remind([{ ...budi, locale: 'en' }], 7, { id: 'Tonggak capaian', en: 'Milestones' });
    const errors: string[] = [];
    const result = await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl, onError: (userId) => errors.push(userId) });
    assert.deepEqual(result, { emails: 1, items: 1, failed: 1 });
    assert.deepEqual(errors, [rina.id]);
    const waiting = await ctx().db.select().from(notification).where(and(eq(notification.userId, rina.id), isNull(notification.digestedAt), eq(notification.title, 'Hal 6 jatuh tempo')));
    assert.equal(waiting.length, 1, 'still waiting for the next run');
    assert.equal(waiting[0]!.digestTo, 'rusak\r\n@hss.go.id');
  });

  it('composes the text with one line per item under its heading', () => {
    const { subject, text } = composeDigest({
      lang: 'id',
      today: '2026-03-03',
      publicUrl: 'https://x.example',
      items: [
        { title: 'A', body: 'a', link: '/app/a', group: 'G1' },
        { title: 'B', body: 'b', link: null, group: 'G2' },
      ],
    });
    assert.equal(subject, 'Ringkasan harian Jejaring: 2 hal perlu perhatian');
    assert.match(text, /per 3 Maret 2026/);
    assert.match(text, /G1 \(1\)\n-+\n• A\n {2}a\n {2}https:\/\/x\.example\/app\/a/);
    assert.match(text, /G2 \(1\)\n-+\n• B\n {2}b\n\n/);
  });
});
