import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { cooperationErrors } from './cooperations.errors.js';
import { actingTenants, canReadCooperation, isParticipant } from './cooperations.policy.js';
import * as repo from './cooperations.repository.js';

/**
 * The doors every cooperation use case goes through: a record the reader may not see does not
 * exist (404), and only parties work on it (403 for overseers who may read it).
 */
export const loadVisible = async ({ db, actor, id, lock = false }: { db: Db; actor: Actor; id: string; lock?: boolean }) => {
  const row = lock ? await repo.lockCooperation(db, id) : await repo.findCooperation(db, id);
  if (!row || !canReadCooperation(actor.scope, row)) throw cooperationErrors.notFound();

  return row;
};

/** A visible cooperation the actor works on as a party pemda or party partner; returns the pemda they act for, if any. */
export const loadForParticipant = async ({ db, actor, id, lock = false }: { db: Db; actor: Actor; id: string; lock?: boolean }) => {
  const row = await loadVisible({ db, actor, id, lock });
  if (!isParticipant(actor, row)) throw cooperationErrors.notParticipant();
  const tenants = [...actingTenants(actor, row).keys()];

  return { cooperation: row, actingTenantId: tenants.includes(actor.tenantId ?? '') ? actor.tenantId : (tenants[0] ?? null) };
};

export type CooperationEvent = {
  cooperationId: string;
  tenantId: string | null;
  kind: 'CREATED' | 'TRANSITION' | 'EDIT' | 'DOCUMENT' | 'APPROVAL' | 'DISPUTE' | 'REMINDER' | 'IMPORTED' | 'MONITORING';
  action?: string | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  privateTenantId?: string | null;
};

/**
 * One timeline event and its audit row, in the caller's transaction: the timeline is what people
 * read, the audit chain is what proves it. Both name the same actor and moment.
 */
export const recordCooperationEvent = async ({ tx, clock, audit, event }: { tx: Db; clock: Clock; audit: AuditContext; event: CooperationEvent }) => {
  const at = clock.now();
  await repo.insertEvent(tx, {
    cooperationId: event.cooperationId,
    at,
    kind: event.kind,
    action: event.action ?? null,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    reason: event.reason ?? null,
    data: event.data ?? {},
    privateTenantId: event.privateTenantId ?? null,
    actorUserId: audit.actorUserId,
    actorName: audit.actorName ?? 'Sistem',
    actorOrgId: audit.actorOrgId,
  });
  await recordAudit({
    tx,
    clock,
    context: audit,
    entry: {
      action: `cooperation.${event.action ?? event.kind.toLowerCase()}`,
      entityType: 'cooperation',
      entityId: event.cooperationId,
      tenantId: event.tenantId,
      diff: {
        ...(event.fromState || event.toState ? { state: { from: event.fromState ?? null, to: event.toState ?? null } } : {}),
        ...(event.reason ? { reason: event.reason } : {}),
        ...(event.data ?? {}),
      },
    },
  });
};

/**
 * Monitoring (the monev module) reports a cooperation's rolled-up progress (0–100) and the moment
 * it was last monitored, inside the caller's transaction.
 */
export const recordMonitoring = async ({
  tx, cooperationId, progress, monitoredAt, event,
}: { tx: Db; cooperationId: string; progress?: number; monitoredAt?: Date; event?: MonitoringEvent }) => {
  const patch: { progress?: string; lastMonitoredAt?: Date } = {};
  if (progress !== undefined) patch.progress = Math.min(100, Math.max(0, progress)).toFixed(2);
  if (monitoredAt !== undefined) patch.lastMonitoredAt = monitoredAt;
  if (Object.keys(patch).length) await repo.setMonitoring(tx, cooperationId, patch);
  // The timeline tells the parties what moved the cooperation; the caller's own audit row proves it.
  if (event)
    await repo.insertEvent(tx, {
      cooperationId,
      at: event.at,
      kind: 'MONITORING',
      action: null,
      fromState: null,
      toState: null,
      reason: null,
      data: { what: event.what, ...event.data },
      privateTenantId: null,
      actorUserId: event.audit.actorUserId,
      actorName: event.audit.actorName ?? 'Sistem',
      actorOrgId: event.audit.actorOrgId,
    });
};

/** A monitoring step shown on the cooperation's timeline: an approved progress update or a finalised evaluation. */
export type MonitoringEvent = {
  what: 'UPDATE_APPROVED' | 'EVALUATION_FINALISED';
  at: Date;
  audit: AuditContext;
  /** Small, non-personal facts for the line: the update's date and progress, the evaluation's score. */
  data: Record<string, string | number | null>;
};

/**
 * What monev needs to roll progress up a level: the cooperation's owner and parent (a PKS under
 * its KSB) and its follow-up agreements with their progress. Rejected and cancelled follow-ups
 * never started and do not count.
 */
export const progressFamily = async (tx: Db, cooperationId: string) => {
  const self = await repo.findMonitoringFacts(tx, cooperationId);
  if (!self) return null;
  const followUps = (await repo.listFollowUps(tx, cooperationId)).filter((f) => f.state !== 'DITOLAK' && f.state !== 'BATAL');

  return { tenantId: self.tenantId, parentId: self.parentId, followUps: followUps.map((f) => ({ id: f.id, progress: Number(f.progress) })) };
};
