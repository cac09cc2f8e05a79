import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { notification } from './notifications.tables.js';

const pending = (now: Date) => and(isNotNull(notification.digestTo), isNull(notification.digestedAt), lte(notification.createdAt, now));

/** Everyone with at least one item waiting for the digest. */
export const usersWithPendingDigest = async (db: Db, now: Date) =>
  (await db.selectDistinct({ userId: notification.userId }).from(notification).where(pending(now)).orderBy(asc(notification.userId))).map((r) => r.userId);

/**
 * One person's waiting items, locked: a second digest run at the same moment skips them instead
 * of mailing them twice.
 */
export const lockPendingFor = async (db: Db, userId: string, now: Date) =>
  db
    .select()
    .from(notification)
    .where(and(eq(notification.userId, userId), pending(now)))
    .orderBy(asc(notification.createdAt), asc(notification.id))
    .for('update', { skipLocked: true });

export const markDigested = async (db: Db, ids: readonly string[], at: Date) => {
  if (ids.length) await db.update(notification).set({ digestedAt: at }).where(inArray(notification.id, [...ids]));
};

/** How many items still wait (tests and the job log). */
export const countPending = async (db: Db) =>
  Number((await db.select({ n: sql<number>`count(*)` }).from(notification).where(and(isNotNull(notification.digestTo), isNull(notification.digestedAt))))[0]?.n ?? 0);
