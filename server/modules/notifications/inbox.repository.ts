import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { notification } from './notifications.tables.js';

export type NotificationRow = typeof notification.$inferSelect;

export const insertNotifications = async (db: Db, rows: (typeof notification.$inferInsert)[]) => {
  if (rows.length) await db.insert(notification).values(rows);
};

export const listForUser = (db: Db, userId: string, before: { at: Date; id: string } | null, limit: number, unreadOnly: boolean) =>
  db
    .select()
    .from(notification)
    .where(
      and(
        eq(notification.userId, userId),
        unreadOnly ? isNull(notification.readAt) : undefined,
        before ? or(lt(notification.createdAt, before.at), and(eq(notification.createdAt, before.at), lt(notification.id, before.id))) : undefined,
      ),
    )
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit + 1);

export const countUnread = async (db: Db, userId: string) =>
  (await db.select({ n: count() }).from(notification).where(and(eq(notification.userId, userId), isNull(notification.readAt))))[0]?.n ?? 0;

export const markRead = async (db: Db, userId: string, id: string | null, now: Date) =>
  (
    await db
      .update(notification)
      .set({ readAt: now })
      .where(and(eq(notification.userId, userId), isNull(notification.readAt), id ? eq(notification.id, id) : sql`true`))
      .returning({ id: notification.id })
  ).length;

export const findForUser = async (db: Db, userId: string, id: string) =>
  (await db.select().from(notification).where(and(eq(notification.userId, userId), eq(notification.id, id))))[0];
