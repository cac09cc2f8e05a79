import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The hash of one audit row covers every column and the previous row's hash, serialised as
 * RFC 8785 canonical JSON so that jsonb's key reordering cannot change it.
 */
export type ChainedFields = {
  seq: number;
  id: string;
  at: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  actorName: string | null;
  tenantId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  diff: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

export const hashAuditRow = (row: ChainedFields): string => {
  // Fields are listed one by one: a stored row also carries its own hash, which must not count.
  const text = canonicalize({
    seq: row.seq,
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorOrgId: row.actorOrgId,
    actorName: row.actorName,
    tenantId: row.tenantId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    diff: row.diff,
    requestId: row.requestId,
    ip: row.ip,
    prevHash: row.prevHash,
  });
  if (text === undefined) throw new Error('audit row cannot be serialised');

  return createHash('sha256').update(text).digest('hex');
};

/** Walks rows in seq order; returns the first row that does not fit the chain, if any. */
export const findChainBreak = (
  rows: Iterable<ChainedFields & { hash: string }>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): { seq: number; reason: 'gap' | 'prev_hash' | 'hash' } | undefined => {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
    if (row.prevHash !== prevHash) return { seq: row.seq, reason: 'prev_hash' };
    if (hashAuditRow(row) !== row.hash) return { seq: row.seq, reason: 'hash' };
    prevHash = row.hash;
    expectedSeq += 1;
  }

  return undefined;
};
