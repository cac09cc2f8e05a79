import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { commonErrors } from '../../platform/http/errors.js';
import { format, type Message, type Param } from '../../platform/i18n/i18n.js';
import * as repo from './inbox.repository.js';
import { sendEmail } from './notifications.usecases.js';

export type Recipient = { id: string; email: string; locale: 'id' | 'en' | string };

export type Notice = {
  kind: string;
  title: Message;
  body: Message;
  /** Path inside the back office, e.g. /app/kerja-sama/<id>. */
  link: string | null;
  params?: Record<string, Param>;
  tenantId?: string | null;
  /**
   * Also by e-mail: `true` at once (mentions, decisions that cannot wait), `'digest'` in the
   * person's daily digest (reminders, escalations: one e-mail a day, never one per item), `false`
   * in-app only (routine updates).
   */
  email: boolean | 'digest';
  /** The heading the item is listed under in the digest; the kind when absent. */
  digestGroup?: Message;
};

/**
 * Tells people something: one in-app row each, in their own language, and an e-mail when asked.
 * With `db` a transaction, nothing is sent unless the change it reports commits.
 */
export const notify = async ({ db, clock, publicUrl, recipients, notice }: { db: Db; clock: Clock; publicUrl: string; recipients: readonly Recipient[]; notice: Notice }) => {
  const now = clock.now();
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  const lang = (r: Recipient) => (r.locale === 'en' ? 'en' : 'id');
  await repo.insertNotifications(
    db,
    unique.map((r) => ({
      userId: r.id,
      tenantId: notice.tenantId ?? null,
      kind: notice.kind,
      title: format(notice.title, lang(r), notice.params),
      body: format(notice.body, lang(r), notice.params),
      link: notice.link,
      createdAt: now,
      readAt: null,
      ...(notice.email === 'digest'
        ? { digestTo: r.email, digestLang: lang(r), digestGroup: notice.digestGroup ? format(notice.digestGroup, lang(r), notice.params) : notice.kind }
        : {}),
    })),
  );
  if (notice.email !== true) return unique.length;
  for (const r of unique) {
    const l = lang(r);
    const link = notice.link ? `\n\n${publicUrl.replace(/\/$/, '')}${notice.link}` : '';
    await sendEmail({
      db,
      clock,
      message: { to: r.email, subject: format(notice.title, l, notice.params), text: `${format(notice.body, l, notice.params)}${link}`, tenantId: notice.tenantId ?? null },
    });
  }

  return unique.length;
};

export const listInbox = async ({ db, actor, before, limit, unreadOnly }: { db: Db; actor: Actor; before: string | undefined; limit: number; unreadOnly: boolean }) => {
  let cursor: { at: Date; id: string } | null = null;
  if (before) {
    const ref = await repo.findForUser(db, actor.userId, before);
    if (!ref) throw commonErrors.validation();
    cursor = { at: ref.createdAt, id: ref.id };
  }
  const rows = await repo.listForUser(db, actor.userId, cursor, limit, unreadOnly);
  const page = rows.slice(0, limit);

  return { items: page, nextBefore: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null, unread: await repo.countUnread(db, actor.userId) };
};

export const markNotificationsRead = async ({ db, clock, actor, id }: { db: Db; clock: Clock; actor: Actor; id: string | null }) => {
  if (id && !(await repo.findForUser(db, actor.userId, id))) throw commonErrors.notFound();
  await repo.markRead(db, actor.userId, id, clock.now());

  return { unread: await repo.countUnread(db, actor.userId) };
};
