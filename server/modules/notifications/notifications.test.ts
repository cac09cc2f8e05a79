import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { createWorker } from '../../platform/jobs/index.js';
import { job } from '../../platform/jobs/tables.js';
import { describeEachDatabase, type TestContext } from '../../test/context.js';
import { emailMessage } from './notifications.tables.js';
import { notificationJobs, sendEmail } from './index.js';

type Received = { from: string; to: string[]; raw: string };

const MAIL_FROM = 'Jejaring <no-reply@jejaring.test>';

/** A local SMTP server on a free port; recipients starting with "tolak" are refused. */
const startSmtpServer = async () => {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (address.address.startsWith('tolak')) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData: (stream, session, callback) => {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString()));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

const mailWorker = (ctx: TestContext, smtpUrl: string | undefined) =>
  createWorker({ db: ctx.db, clock: ctx.clock, logger: ctx.logger, jobs: notificationJobs({ smtpUrl, mailFrom: MAIL_FROM }), pollMs: 10, concurrency: 2, workerId: 'mail-test', random: () => 1 });

const messageRow = async (ctx: TestContext, id: string) => (await ctx.db.select().from(emailMessage).where(eq(emailMessage.id, id)))[0]!;

describeEachDatabase('e-mail delivery', (ctx) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(async () => {
    await smtp.close();
  });

  it('stores the message with its send job, then delivers it through SMTP and marks it sent', async () => {
    const { id } = await sendEmail({
      db: ctx().db,
      clock: ctx().clock,
      message: { to: 'sekretariat@hss.go.id', subject: 'Undangan rapat TKKSD', text: 'Yth. Sekretariat TKKSD, rapat pembahasan draf KSD hari Senin.', html: '<p>Yth. Sekretariat TKKSD</p>' },
    });
    assert.equal((await messageRow(ctx(), id)).status, 'queued');
    const queued = await ctx().db.select().from(job).where(and(eq(job.name, 'email.send'), eq(job.idempotencyKey, id)));
    assert.deepEqual(queued.map((j) => [j.status, j.payload]), [['queued', { emailMessageId: id }]]);

    await mailWorker(ctx(), smtp.url).drain();
    const row = await messageRow(ctx(), id);
    assert.deepEqual([row.status, row.attempts, row.lastError], ['sent', 1, null]);
    assert.deepEqual(row.sentAt, ctx().clock.now());
    const mail = smtp.received.find((m) => m.raw.includes('Subject: Undangan rapat TKKSD'));
    assert.ok(mail, 'the SMTP server received the message');
    assert.equal(mail.from, 'no-reply@jejaring.test');
    assert.deepEqual(mail.to, ['sekretariat@hss.go.id']);
    assert.match(mail.raw, /rapat pembahasan draf KSD hari Senin/);
    assert.match(mail.raw, /text\/html/);
  });

  it('keeps the message in the outbox for an admin to read when no SMTP server is configured', async () => {
    const before = smtp.received.length;
    const { id } = await sendEmail({ db: ctx().db, clock: ctx().clock, message: { to: 'bappeda@hss.go.id', subject: 'Tanpa SMTP', text: 'Isi pesan.' } });
    await mailWorker(ctx(), undefined).drain();
    const row = await messageRow(ctx(), id);
    assert.deepEqual([row.status, row.sentAt], ['outbox', null]);
    assert.equal(smtp.received.length, before);
    // Running the job again changes nothing.
    await mailWorker(ctx(), smtp.url).drain();
    assert.equal((await messageRow(ctx(), id)).status, 'outbox');
  });

  it('retries a refused delivery through the job system and marks the message failed after the last try', async () => {
    const { id } = await sendEmail({ db: ctx().db, clock: ctx().clock, message: { to: 'tolak@contoh.go.id', subject: 'Akan ditolak', text: 'Isi.' } });
    const worker = mailWorker(ctx(), smtp.url);
    await worker.drain();
    let row = await messageRow(ctx(), id);
    assert.deepEqual([row.status, row.attempts], ['queued', 1]);
    assert.match(row.lastError ?? '', /Mailbox unavailable/);
    for (let i = 0; i < 10; i++) {
      ctx().clock.advance(3 * 60 * 60_000);
      await worker.drain();
    }
    row = await messageRow(ctx(), id);
    assert.deepEqual([row.status, row.attempts], ['failed', 6]);
    const [sendJob] = await ctx().db.select().from(job).where(and(eq(job.name, 'email.send'), eq(job.idempotencyKey, id)));
    assert.deepEqual([sendJob?.status, sendJob?.attempts], ['dead', 6]);
  });

  it('writes neither message nor job when the transaction that sends the mail rolls back', async () => {
    let id = '';
    await assert.rejects(
      ctx().db.transaction(async (tx) => {
        id = (await sendEmail({ db: tx, clock: ctx().clock, message: { to: 'batal@hss.go.id', subject: 'Batal', text: 'Isi.' } })).id;
        throw new Error('the cause of the mail failed');
      }),
    );
    assert.equal((await ctx().db.select().from(emailMessage).where(eq(emailMessage.id, id))).length, 0);
    assert.equal((await ctx().db.select().from(job).where(eq(job.idempotencyKey, id))).length, 0);
  });

  it('refuses a recipient or subject that spans lines, which would inject headers', async () => {
    await assert.rejects(sendEmail({ db: ctx().db, clock: ctx().clock, message: { to: 'a@b.id\r\nBcc: x@y.id', subject: 'S', text: 'T' } }));
    await assert.rejects(sendEmail({ db: ctx().db, clock: ctx().clock, message: { to: 'a@b.id', subject: 'S\nBcc: x@y.id', text: 'T' } }));
  });
});
