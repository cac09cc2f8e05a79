import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { emailMessage } from './notifications.tables.js';

export type EmailStatus = (typeof emailMessage.status.enumValues)[number];

export const insertEmail = async (db: Db, row: typeof emailMessage.$inferInsert) =>
  (await db.insert(emailMessage).values(row).returning({ id: emailMessage.id }))[0]!;

export const findEmail = async (db: Db, id: string) => (await db.select().from(emailMessage).where(eq(emailMessage.id, id)))[0];

/** `undefined` tenantIds: every message; a list: only those tenants' messages. */
const tenantCondition = (tenantIds: readonly string[] | undefined): SQL | undefined =>
  tenantIds === undefined ? undefined : inArray(emailMessage.tenantId, [...tenantIds]);

export const findEmailInTenants = async (db: Db, id: string, tenantIds: readonly string[] | undefined) => {
  if (tenantIds?.length === 0) return undefined;

  return (await db.select().from(emailMessage).where(and(eq(emailMessage.id, id), tenantCondition(tenantIds))))[0];
};

export type OutboxFilter = {
  tenantIds: readonly string[] | undefined;
  status?: EmailStatus | undefined;
  /** Rows strictly older than this one, in (created_at, id) order. */
  after?: { createdAt: Date; id: string } | undefined;
};

/** Newest first, keyset-paginated on (created_at, id); bodies are left out of the list. */
export const listEmails = async (db: Db, filter: OutboxFilter, limit: number) => {
  if (filter.tenantIds?.length === 0) return [];
  const conditions: (SQL | undefined)[] = [tenantCondition(filter.tenantIds)];
  if (filter.status) conditions.push(eq(emailMessage.status, filter.status));
  if (filter.after)
    conditions.push(sql`(${emailMessage.createdAt}, ${emailMessage.id}) < (${filter.after.createdAt.toISOString()}::timestamptz, ${filter.after.id}::uuid)`);

  return db
    .select({
      id: emailMessage.id,
      tenantId: emailMessage.tenantId,
      toAddress: emailMessage.toAddress,
      subject: emailMessage.subject,
      status: emailMessage.status,
      attempts: emailMessage.attempts,
      lastError: emailMessage.lastError,
      createdAt: emailMessage.createdAt,
      sentAt: emailMessage.sentAt,
    })
    .from(emailMessage)
    .where(and(...conditions))
    .orderBy(desc(emailMessage.createdAt), desc(emailMessage.id))
    .limit(limit);
};

/** Records one delivery attempt; `sentAt` only when the SMTP server took the message. */
export const recordDeliveryAttempt = async (db: Db, id: string, change: { status: EmailStatus; lastError: string | null; sentAt: Date | null }) => {
  await db
    .update(emailMessage)
    .set({ status: change.status, lastError: change.lastError, sentAt: change.sentAt, attempts: sql`${emailMessage.attempts} + 1` })
    .where(eq(emailMessage.id, id));
};
