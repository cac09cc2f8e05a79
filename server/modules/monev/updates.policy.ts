import type { Actor } from '../../platform/http/context.js';
import type { UpdateStatus } from './updates.tables.js';
import { toSen } from './workplan.policy.js';

/**
 * Pure rules of progress updates: who reports, who reviews, which status follows which, what a
 * partner may report on and when an approved figure is locked. The use cases feed the facts in.
 */

export type ActorFacts = Pick<Actor, 'userId' | 'orgId' | 'tenantId' | 'roles'>;
export type CooperationFacts = { tenantId: string | null; partyTenantIds: readonly string[]; partyOrgIds: readonly string[] };

/** Pemda-side reporters: the OPD liaison (PPKSD), OPD staff and heads, and the secretariat itself. */
export const PEMDA_SUBMITTER_ROLES = ['PPKSD', 'OPD_STAFF', 'OPD_HEAD', 'KSD_SECRETARIAT_ADMIN'] as const;
export const REVIEWER_ROLE = 'KSD_SECRETARIAT_ADMIN';

/** Updates are about implementation: only while the cooperation is in force. */
export const REPORTABLE_STATES = ['BERLAKU', 'DIADENDUM', 'SENGKETA'] as const;
export const isReportableIn = (state: string) => (REPORTABLE_STATES as readonly string[]).includes(state);

/** The party pemda for which the actor reports (an OPD role or the secretariat there). */
export const submitterTenants = (actor: ActorFacts, c: CooperationFacts) => [
  ...new Set(actor.roles.filter((r) => r.tenantId && c.partyTenantIds.includes(r.tenantId) && (PEMDA_SUBMITTER_ROLES as readonly string[]).includes(r.role)).map((r) => r.tenantId!)),
];

/** The party organisations for which the actor reports as a partner's user. */
export const partnerOrgs = (actor: ActorFacts, c: CooperationFacts) => [
  ...new Set(actor.roles.filter((r) => r.role === 'PARTNER_USER' && c.partyOrgIds.includes(r.orgId)).map((r) => r.orgId)),
];

export const canSubmit = (actor: ActorFacts, c: CooperationFacts) => submitterTenants(actor, c).length > 0 || partnerOrgs(actor, c).length > 0;

/** A partner (no pemda-side role here) is limited to the activities its organisation is responsible for; null means unlimited. */
export const partnerLimit = (actor: ActorFacts, c: CooperationFacts): readonly string[] | null => (submitterTenants(actor, c).length > 0 ? null : partnerOrgs(actor, c));

/**
 * The pemda whose secretariat reviews the update: the pemda the reporter works for (their home
 * pemda first), or for a partner the pemda that registered the cooperation.
 */
export const reviewTenantFor = (actor: ActorFacts, c: CooperationFacts): string | null => {
  const own = submitterTenants(actor, c);
  if (own.length) return own.includes(actor.tenantId ?? '') ? actor.tenantId : own[0]!;

  return c.tenantId && c.partyTenantIds.includes(c.tenantId) ? c.tenantId : (c.partyTenantIds[0] ?? null);
};

export const isSecretariatOf = (actor: Pick<ActorFacts, 'roles'>, tenantId: string) => actor.roles.some((r) => r.role === REVIEWER_ROLE && r.tenantId === tenantId);

/** The secretariat of the reviewing pemda decides, never on an update it wrote itself. */
export const reviewBlock = (actor: ActorFacts, u: { tenantId: string; authorId: string }): 'not_secretariat' | 'own_update' | null =>
  !isSecretariatOf(actor, u.tenantId) ? 'not_secretariat' : actor.userId === u.authorId ? 'own_update' : null;

/** Approved (or superseded) figures are the record: never edited in place. */
export const isLocked = (status: UpdateStatus) => status === 'APPROVED' || status === 'SUPERSEDED';

/** A draft or returned update is reworked by its author's organisation, by someone who may still report. */
export const canRework = (actor: ActorFacts, c: CooperationFacts, u: { status: UpdateStatus; authorOrgId: string }) =>
  (u.status === 'DRAFT' || u.status === 'RETURNED') && actor.orgId === u.authorOrgId && canSubmit(actor, c);

export type Transition = 'submit' | 'save' | 'return' | 'approve' | 'supersede';

/** The status machine: DRAFT → SUBMITTED ⇄ RETURNED → … → APPROVED → SUPERSEDED. Null when not allowed. */
export const nextStatus = (from: UpdateStatus | null, t: Transition): UpdateStatus | null => {
  switch (t) {
    case 'save':
      return from === null || from === 'DRAFT' ? 'DRAFT' : from === 'RETURNED' ? 'RETURNED' : null;
    case 'submit':
      return from === null || from === 'DRAFT' || from === 'RETURNED' ? 'SUBMITTED' : null;
    case 'return':
    case 'approve':
      return from === 'SUBMITTED' ? (t === 'return' ? 'RETURNED' : 'APPROVED') : null;
    case 'supersede':
      return from === 'APPROVED' ? 'SUPERSEDED' : null;
  }
};

export type LineProblem = { path: string; code: 'activity_not_found' | 'activity_not_own' | 'duplicate' | 'indicator_not_found' | 'indicator_not_own' | 'period_format' | 'indicator_by_region' };
type ActivityFact = { id: string; responsibleOrgId: string };
type IndicatorFact = { id: string; activityId: string | null; byRegion: boolean; periodOk: (periodKey: string) => boolean };

/**
 * The lines of an update against the plan: known activities and indicators of this cooperation,
 * each once, period keys of the indicator's frequency, and for a partner only its own activities
 * (and the indicators measuring them).
 */
export const lineProblems = (
  lines: { activityLines: readonly { activityId: string }[]; indicatorLines: readonly { indicatorId: string; periodKey: string }[] },
  activities: readonly ActivityFact[],
  indicators: readonly IndicatorFact[],
  limit: readonly string[] | null,
): LineProblem[] => {
  const out: LineProblem[] = [];
  const own = (activityId: string | null) => limit === null || (activityId !== null && limit.includes(activities.find((a) => a.id === activityId)?.responsibleOrgId ?? ''));
  const seen = new Set<string>();
  lines.activityLines.forEach((l, i) => {
    const path = `activityLines.${i}.activityId`;
    if (!activities.some((a) => a.id === l.activityId)) out.push({ path, code: 'activity_not_found' });
    else if (!own(l.activityId)) out.push({ path, code: 'activity_not_own' });
    else if (seen.has(l.activityId)) out.push({ path, code: 'duplicate' });
    seen.add(l.activityId);
  });
  const seenValues = new Set<string>();
  lines.indicatorLines.forEach((l, i) => {
    const ind = indicators.find((x) => x.id === l.indicatorId);
    const key = `${l.indicatorId}|${l.periodKey}`;
    if (!ind) out.push({ path: `indicatorLines.${i}.indicatorId`, code: 'indicator_not_found' });
    else if (!own(ind.activityId)) out.push({ path: `indicatorLines.${i}.indicatorId`, code: 'indicator_not_own' });
    else if (ind.byRegion) out.push({ path: `indicatorLines.${i}.indicatorId`, code: 'indicator_by_region' });
    else if (!ind.periodOk(l.periodKey)) out.push({ path: `indicatorLines.${i}.periodKey`, code: 'period_format' });
    else if (seenValues.has(key)) out.push({ path: `indicatorLines.${i}.periodKey`, code: 'duplicate' });
    seenValues.add(key);
  });

  return out;
};

/** Partners' problems are refusals (403), everyone else's are input mistakes (422). */
export const isOwnershipProblem = (p: { code: string }) => p.code === 'activity_not_own' || p.code === 'indicator_not_own';

/**
 * A work-plan edit of an activity whose figures came from an approved update: progress and
 * realisation may be sent unchanged (a whole-form save), never changed.
 */
export const lockedFigureProblems = (
  a: { figuresUpdateId: string | null; progress: number; realisation: string; status?: string },
  patch: { progress?: number | undefined; realisation?: string | undefined; status?: string | undefined },
): { path: 'progress' | 'realisation' | 'status'; code: 'figure_locked' }[] => {
  if (!a.figuresUpdateId) return [];
  const out: { path: 'progress' | 'realisation' | 'status'; code: 'figure_locked' }[] = [];
  if (patch.progress !== undefined && patch.progress !== a.progress) out.push({ path: 'progress', code: 'figure_locked' });
  if (patch.realisation !== undefined && toSen(patch.realisation) !== toSen(a.realisation)) out.push({ path: 'realisation', code: 'figure_locked' });
  // "Selesai" counts as 100 %: finishing an activity below its approved figure is a progress update's job.
  if (patch.status === 'SELESAI' && a.status !== 'SELESAI' && a.progress < 100) out.push({ path: 'status', code: 'figure_locked' });

  return out;
};
