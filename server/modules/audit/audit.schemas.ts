import { z } from '@hono/zod-openapi';
import type { ChainedFields } from './audit.models.js';

const isoTime = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .openapi({ type: 'string', format: 'date-time', example: '2026-03-01T00:00:00+07:00' });

export const AuditQuerySchema = z.strictObject({
  action: z.string().trim().min(1).max(100).optional().openapi({ description: "Action or its prefix, e.g. 'user.' for every user change" }),
  entityType: z.string().trim().min(1).max(60).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  actorUserId: z.uuid().optional(),
  tenantId: z.uuid().optional().openapi({ description: 'Only this tenant; a tenant outside your scope gives an empty list' }),
  from: isoTime.optional().openapi({ description: 'At or after this time' }),
  to: isoTime.optional().openapi({ description: 'Before this time' }),
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({ description: 'Rows older than this seq: pass nextBefore of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEntrySchema = z
  .object({
    seq: z.number().int().openapi({ description: 'Position in the hash chain; newer rows have higher numbers' }),
    id: z.uuid(),
    at: z.string().openapi({ format: 'date-time' }),
    actorUserId: z.uuid().nullable().openapi({ description: 'Null for the system (seed, jobs, CLI)' }),
    actorOrgId: z.uuid().nullable(),
    actorName: z.string().nullable().openapi({ description: 'The actor as named when they acted; null for the system' }),
    tenantId: z.uuid().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    diff: z.record(z.string(), z.unknown()).openapi({ description: 'Changed fields: { before, after } with old and new values' }),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const AuditListSchema = z
  .object({
    items: z.array(AuditEntrySchema),
    nextBefore: z.number().int().nullable().openapi({ description: 'Pass as `before` for the next page; null on the last page' }),
  })
  .openapi('AuditList');

export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

/** The public shape of a stored audit row (the chain's own hashes stay internal). */
export const presentAuditEntry = (row: Omit<ChainedFields, 'prevHash'>): AuditEntryView => ({
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
});
