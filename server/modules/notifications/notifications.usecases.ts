import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueue } from '../../platform/jobs/index.js';
import { notificationErrors } from './notifications.errors.js';
import { outboxTenantFilter } from './notifications.policy.js';
import * as repo from './notifications.repository.js';
import type { EmailAttachment } from './notifications.tables.js';

export const EMAIL_SEND_JOB = 'email.send';

/** SMTP servers refuse for minutes at a time (greylisting, maintenance), so mail gets six tries. */
export const EMAIL_MAX_ATTEMPTS = 6;

export type EmailMessageInput = {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** The tenant the mail is about; its admins can read it in the outbox. */
  tenantId?: string | null | undefined;
  /** Files sent with the message, e.g. a calendar invitation. */
  attachments?: readonly EmailAttachment[] | undefined;
};

/**
 * Queues an e-mail: the message row and its `email.send` job are written in one transaction, so
 * when `db` is the caller's transaction the mail goes out exactly when that change commits.
 */
export const sendEmail = async ({ db, clock, message }: { db: Db; clock: Clock; message: EmailMessageInput }): Promise<{ id: string }> => {
  const to = message.to.trim();
  if (!to || /[\r\n]/.test(to) || /[\r\n]/.test(message.subject)) throw new Error('e-mail recipient and subject must be one non-empty line');

  return db.transaction(async (tx) => {
    const { id } = await repo.insertEmail(tx, {
      tenantId: message.tenantId ?? null,
      toAddress: to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html ?? null,
      attachments: message.attachments?.length ? [...message.attachments] : null,
      status: 'queued',
      attempts: 0,
      createdAt: clock.now(),
    });
    await enqueue(tx, { clock, name: EMAIL_SEND_JOB, payload: { emailMessageId: id }, idempotencyKey: id, maxAttempts: EMAIL_MAX_ATTEMPTS });

    return { id };
  });
};

/** What delivery needs from nodemailer; tests may pass their own. */
export type MailTransport = {
  sendMail: (mail: { from: string; to: string; subject: string; text: string; html?: string; attachments?: EmailAttachment[] }) => Promise<unknown>;
};

/**
 * Delivers one queued message through SMTP, or, with no SMTP configured, leaves it in the outbox
 * for an admin to read. A message already sent or parked is left alone, so a repeated job is
 * harmless. A failed send is rethrown for the job system to retry; on the last attempt the
 * message is marked 'failed'.
 */
export const deliverEmail = async ({
  db,
  clock,
  transport,
  mailFrom,
  emailMessageId,
  attempt,
  maxAttempts,
}: {
  db: Db;
  clock: Clock;
  transport: MailTransport | undefined;
  mailFrom: string;
  emailMessageId: string;
  attempt: number;
  maxAttempts: number;
}): Promise<{ status: repo.EmailStatus | 'missing' }> => {
  const message = await repo.findEmail(db, emailMessageId);
  if (!message) return { status: 'missing' };
  if (message.status === 'sent' || message.status === 'outbox') return { status: message.status };
  if (!transport) {
    await repo.recordDeliveryAttempt(db, message.id, { status: 'outbox', lastError: null, sentAt: null });

    return { status: 'outbox' };
  }
  try {
    await transport.sendMail({
      from: mailFrom,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      ...(message.htmlBody ? { html: message.htmlBody } : {}),
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    });
  } catch (err) {
    const lastError = err instanceof Error ? err.message.slice(0, 1000) : 'delivery failed';
    await repo.recordDeliveryAttempt(db, message.id, { status: attempt >= maxAttempts ? 'failed' : 'queued', lastError, sentAt: null });
    throw err;
  }
  await repo.recordDeliveryAttempt(db, message.id, { status: 'sent', lastError: null, sentAt: clock.now() });

  return { status: 'sent' };
};

export const listOutbox = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { status?: repo.EmailStatus | undefined; before?: string | undefined; limit: number };
}) => {
  const tenantIds = outboxTenantFilter(actor.scope);
  let after: { createdAt: Date; id: string } | undefined;
  if (input.before) {
    // The cursor must itself be visible: another tenant's message id gives an empty page.
    const cursor = await repo.findEmailInTenants(db, input.before, tenantIds);
    if (!cursor) return { items: [], nextBefore: null };
    after = { createdAt: cursor.createdAt, id: cursor.id };
  }
  const rows = await repo.listEmails(db, { tenantIds, status: input.status, after }, input.limit + 1);
  const items = rows.slice(0, input.limit);

  return { items, nextBefore: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
};

export const getOutboxMessage = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  const message = await repo.findEmailInTenants(db, id, outboxTenantFilter(actor.scope));
  if (!message) throw notificationErrors.messageNotFound();

  return message;
};
