import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { meetingErrors } from './meetings.errors.js';
import { stepBlock, type MeetingStep } from './meetings.models.js';
import * as policy from './meetings.policy.js';
import * as repo from './meetings.repository.js';
import type { MeetingRow } from './meetings.tables.js';

/** What every changing use case needs; mailFrom is the organiser address in calendar entries. */
export type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; lang: Lang; publicUrl: string; mailFrom: string };

/** A meeting the reader may see (own pemda or invited); 404 otherwise, never revealing it exists. */
export const loadReadable = async (db: Db, actor: Actor, id: string, lock = false) => {
  const m = await repo.findMeeting(db, id, lock);
  if (!m) throw meetingErrors.notFound();
  if (!policy.isOwnPemda(actor, m.tenantId) && !(await repo.isInvited(db, m.id, actor.userId))) throw meetingErrors.notFound();

  return m;
};

/**
 * Every change in one transaction with the meeting row locked: hidden meetings answer 404, a
 * reader who may not manage it 403, a step its state forbids 409.
 */
export const withMeeting = async <T>(deps: Deps, id: string, step: MeetingStep | null, run: (tx: Db, m: MeetingRow) => Promise<T>): Promise<T> =>
  deps.db.transaction(async (tx) => {
    const m = await loadReadable(tx, deps.actor, id, true);
    if (!policy.canManage(deps.actor, m.tenantId)) throw meetingErrors.manageForbidden();
    if (step) refuseBlocked(m, step);

    return run(tx, m);
  });

export const refuseBlocked = (m: MeetingRow, step: MeetingStep) => {
  const block = stepBlock(m, step);
  if (block === 'minutes_final') throw meetingErrors.minutesFinal();
  if (block === 'minutes_missing') throw meetingErrors.minutesMissing();
  if (block) throw meetingErrors.wrongStatus({ status: m.status });
};

export const audit = (deps: Pick<Deps, 'clock' | 'audit'>, tx: Db, m: Pick<MeetingRow, 'id' | 'tenantId'>, action: string, diff: Record<string, unknown> = {}) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action: `meetings.${action}`, entityType: 'meeting', entityId: m.id, tenantId: m.tenantId, diff } });

export const meetingLink = (id: string) => `/app/rapat/${id}`;
