import { and, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { auditChainHead, auditLog } from './audit.tables.js';

/** Locks the chain tip for the rest of the transaction, so writers chain one after another. */
export const lockChainHead = async (tx: Db) => {
  const rows = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  const head = rows[0];
  if (!head) throw new Error('audit_chain_head row is missing');

  return head;
};

export const insertAuditRow = async (tx: Db, row: typeof auditLog.$inferInsert) => {
  await tx.insert(auditLog).values(row);
  await tx.update(auditChainHead).set({ seq: row.seq, hash: row.hash }).where(eq(auditChainHead.id, 1));
};

export const readChainHead = async (db: Db) => (await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)))[0];

/** A page of rows in chain order, for verification. */
export const readAuditRowsAfter = async (db: Db, afterSeq: number, limit: number) =>
  db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(auditLog.seq).limit(limit);

export type AuditFilter = {
  tenantIds?: readonly string[] | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
};

/** Newest first, keyset-paginated by seq. */
export const listAuditRows = async (db: Db, filter: AuditFilter, limit: number) => {
  const conditions: SQL[] = [];
  if (filter.tenantIds) {
    if (filter.tenantIds.length === 0) return [];
    conditions.push(sql`${auditLog.tenantId} IN (${sql.join(filter.tenantIds.map((t) => sql`${t}`), sql`, `)})`);
  }
  if (filter.action) conditions.push(sql`${auditLog.action} LIKE ${`${filter.action.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(sql`${auditLog.at} >= ${filter.from.toISOString()}`);
  if (filter.to) conditions.push(sql`${auditLog.at} < ${filter.to.toISOString()}`);
  if (filter.beforeSeq) conditions.push(lt(auditLog.seq, filter.beforeSeq));

  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
};
