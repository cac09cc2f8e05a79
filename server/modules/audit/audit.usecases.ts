import { randomUUID } from 'node:crypto';
import diff from 'microdiff';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { auditTenantFilter } from './audit.policy.js';
import { findChainBreak, hashAuditRow } from './audit.models.js';
import { insertAuditRow, listAuditRows, lockChainHead, readAuditRowsAfter, readChainHead, type AuditFilter } from './audit.repository.js';

/** Who did it and from where; built once per request by the route. */
export type AuditContext = {
  actorUserId: string | null;
  actorOrgId: string | null;
  /** The actor's name at the time; null for the system (seed, jobs, CLI). */
  actorName: string | null;
  requestId: string | null;
  ip: string | null;
};

export const SYSTEM_AUDIT_CONTEXT: AuditContext = { actorUserId: null, actorOrgId: null, actorName: null, requestId: null, ip: null };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  tenantId?: string | null;
  diff?: Record<string, unknown>;
};

/**
 * The before/after difference of a change: only the fields that changed, with old and new values.
 * Creations pass `before` as null and record every field; deletions pass `after` as null.
 */
export const changeSet = (before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, unknown> => {
  if (!before || !after) return { before, after };
  const changedKeys = new Set(diff(before, after).map((d) => String(d.path[0])));
  const pick = (o: Record<string, unknown>) => Object.fromEntries([...changedKeys].map((k) => [k, o[k] ?? null]));

  return { before: pick(before), after: pick(after) };
};

/** Appends one row to the chain. Must run inside the transaction of the change it records. */
export const recordAudit = async ({ tx, clock, context, entry }: { tx: Db; clock: Clock; context: AuditContext; entry: AuditEntry }) => {
  const head = await lockChainHead(tx);
  const row = {
    seq: head.seq + 1,
    id: randomUUID(),
    at: clock.now(),
    actorUserId: context.actorUserId,
    actorOrgId: context.actorOrgId,
    actorName: context.actorName,
    tenantId: entry.tenantId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    // JSON round trip: what is hashed must equal what jsonb gives back (no undefined, Dates as text).
    diff: JSON.parse(JSON.stringify(entry.diff ?? {})) as Record<string, unknown>,
    requestId: context.requestId,
    ip: context.ip,
    prevHash: head.hash,
  };
  await insertAuditRow(tx, { ...row, hash: hashAuditRow(row) });

  return { seq: row.seq };
};

export type ChainVerification =
  | { ok: true; rows: number; headSeq: number }
  | { ok: false; rows: number; firstBrokenSeq: number; reason: 'gap' | 'prev_hash' | 'hash' | 'head' };

/** Re-computes every hash in order; names the first row that was edited, removed or inserted. */
export const verifyAuditChain = async ({ db, pageSize = 5000 }: { db: Db; pageSize?: number }): Promise<ChainVerification> => {
  let cursor = { seq: 0, hash: '0'.repeat(64) };
  let rows = 0;
  for (;;) {
    const page = await readAuditRowsAfter(db, cursor.seq, pageSize);
    if (page.length === 0) break;
    const broken = findChainBreak(page, cursor);
    if (broken) return { ok: false, rows: rows + page.findIndex((r) => r.seq >= broken.seq), firstBrokenSeq: broken.seq, reason: broken.reason };
    rows += page.length;
    const last = page[page.length - 1]!;
    cursor = { seq: last.seq, hash: last.hash };
  }
  const head = await readChainHead(db);
  // Rows deleted from the end leave the head pointing past the last row.
  if (!head || head.seq !== cursor.seq || head.hash !== cursor.hash)
    return { ok: false, rows, firstBrokenSeq: cursor.seq + 1, reason: 'head' };

  return { ok: true, rows, headSeq: cursor.seq };
};

export const listAudit = async ({ db, filter, limit }: { db: Db; filter: AuditFilter; limit: number }) => {
  const rows = await listAuditRows(db, filter, limit + 1);
  const page = rows.slice(0, limit);

  return { entries: page, nextBeforeSeq: rows.length > limit ? page[page.length - 1]?.seq ?? null : null };
};

export type AuditQuery = {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  tenantId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  limit: number;
};

/**
 * The audit log as an actor may see it: a platform admin every row, anyone else only the rows of
 * their own tenants (rows without a tenant, such as sign-ins, stay with the platform admin).
 */
export const listAuditForActor = async ({ db, actor, input }: { db: Db; actor: Actor; input: AuditQuery }) => {
  const { tenantId, before, limit, ...filters } = input;

  return listAudit({ db, filter: { ...filters, tenantIds: auditTenantFilter(actor.scope, tenantId), beforeSeq: before }, limit });
};
