import type { Actor } from '../../platform/http/context.js';
import { actingTenants } from '../cooperations/index.js';
import type { ActivityStatus, MilestoneStatus, ObligationStatus } from './workplan.tables.js';

/**
 * Pure rules of the work plan: who edits it, in which cooperation states, date checks, overdue
 * flags and the summary figures. No database here; the use cases feed the facts in.
 */

export type CooperationFacts = { state: string; partyTenantIds: readonly string[]; partyOrgIds: readonly string[]; startDate: string | null; endDate: string | null };
export type ActorFacts = Pick<Actor, 'roles' | 'permissions' | 'scope'>;

/** From PKS/NK drafting through in force: the plan is written with the agreement and kept while it runs. */
export const EDITABLE_STATES = ['PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS', 'PENYUSUNAN_NK', 'PENANDATANGANAN_NK', 'BERLAKU', 'DIADENDUM', 'SENGKETA'] as const;

export const isPlanEditableIn = (state: string) => (EDITABLE_STATES as readonly string[]).includes(state);

/**
 * Party pemda staff (secretariat, TKKSD, OPD users of a party pemda) who hold cooperation.write
 * edit the whole plan. Overseers (GWPP, Kemendagri) and tenant admins only read.
 */
export const canEditPlan = (actor: ActorFacts, c: CooperationFacts) => actor.permissions.has('cooperation.write') && actingTenants(actor, c).size > 0;

/** A partner's user updates the status and note of its own organisation's obligations, nothing else. */
export const canUpdateObligationStatus = (actor: ActorFacts, c: CooperationFacts, partyOrgId: string) =>
  canEditPlan(actor, c) || (actor.permissions.has('cooperation.write') && c.partyOrgIds.includes(partyOrgId) && actor.scope.orgIds.includes(partyOrgId));

export type DateProblem = { path: string; code: 'end_before_start' | 'outside_term'; term?: { start: string; end: string } };

/** An activity's planned dates: in order, and within the cooperation's term when it has one. */
export const activityDateProblems = (start: string, end: string, c: Pick<CooperationFacts, 'startDate' | 'endDate'>): DateProblem[] => {
  const out: DateProblem[] = [];
  if (end < start) out.push({ path: 'plannedEnd', code: 'end_before_start' });
  if (c.startDate && c.endDate) {
    const term = { start: c.startDate, end: c.endDate };
    if (start < c.startDate || start > c.endDate) out.push({ path: 'plannedStart', code: 'outside_term', term });
    if (end < c.startDate || end > c.endDate) out.push({ path: 'plannedEnd', code: 'outside_term', term });
  }

  return out;
};

/** A milestone falls within the term; an obligation may fall due after it (a final report), so only milestones are checked. */
export const milestoneDateProblems = (due: string, c: Pick<CooperationFacts, 'startDate' | 'endDate'>): DateProblem[] =>
  c.startDate && c.endDate && (due < c.startDate || due > c.endDate) ? [{ path: 'dueDate', code: 'outside_term', term: { start: c.startDate, end: c.endDate } }] : [];

/** Due date passed (Jakarta day `today` is after it) and the obligation is neither fulfilled nor settled as not fulfilled. */
export const isObligationOverdue = (o: { dueDate: string | null; status: ObligationStatus }, today: string) =>
  o.dueDate !== null && o.dueDate < today && (o.status === 'BELUM_JATUH_TEMPO' || o.status === 'SEBAGIAN');

/** Due date passed and still only scheduled: nobody has recorded whether it was met. */
export const isMilestoneOverdue = (m: { dueDate: string; status: MilestoneStatus }, today: string) => m.dueDate < today && m.status === 'TERJADWAL';

/** Planned end passed while the activity is still planned or running. */
export const isActivityOverdue = (a: { plannedEnd: string; status: ActivityStatus }, today: string) =>
  a.plannedEnd < today && (a.status === 'DIRENCANAKAN' || a.status === 'BERJALAN');

/** When a status change stamps its moment: fulfilled (obligation) or decided (milestone); cleared when undone. */
export const fulfilledAtFor = (status: ObligationStatus, previous: Date | null, now: Date) => (status === 'DIPENUHI' ? (previous ?? now) : null);
export const decidedAtFor = (status: MilestoneStatus, previousStatus: MilestoneStatus | null, previous: Date | null, now: Date) =>
  status === 'TERJADWAL' ? null : status === previousStatus ? (previous ?? now) : now;

/** IDR "1500000.50" to whole sen (bigint), so sums never pass through a float. */
export const toSen = (amount: string) => {
  const [whole = '0', frac = ''] = amount.split('.');

  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
};

export const fromSen = (sen: bigint) => `${sen / 100n}.${String(sen % 100n).padStart(2, '0')}`;

export type WorkPlanSummary = {
  activities: number;
  completed: number;
  budget: string;
  realisation: string;
  realisationPercent: number | null;
  obligationsOverdue: number;
  milestonesMet: number;
  milestonesOverdue: number;
};

/**
 * The figures above the tables. Cancelled activities count neither in the budget nor in the
 * realisation; the percentage has one decimal and is null while nothing is budgeted.
 */
export const summarize = (
  activities: readonly { status: ActivityStatus; budget: string; realisation: string }[],
  obligations: readonly { dueDate: string | null; status: ObligationStatus }[],
  milestones: readonly { dueDate: string; status: MilestoneStatus }[],
  today: string,
): WorkPlanSummary => {
  const live = activities.filter((a) => a.status !== 'DIBATALKAN');
  const budget = live.reduce((s, a) => s + toSen(a.budget), 0n);
  const realisation = live.reduce((s, a) => s + toSen(a.realisation), 0n);

  return {
    activities: live.length,
    completed: live.filter((a) => a.status === 'SELESAI').length,
    budget: fromSen(budget),
    realisation: fromSen(realisation),
    realisationPercent: budget === 0n ? null : Number((realisation * 1000n + budget / 2n) / budget) / 10,
    obligationsOverdue: obligations.filter((o) => isObligationOverdue(o, today)).length,
    milestonesMet: milestones.filter((m) => m.status === 'TERCAPAI').length,
    milestonesOverdue: milestones.filter((m) => isMilestoneOverdue(m, today)).length,
  };
};

/** An activity's progress: a completed one counts 100 whatever was last entered. */
export const activityProgress = (a: { status: ActivityStatus; progress: number }) => (a.status === 'SELESAI' ? 100 : a.progress);

/**
 * The cooperation's progress from its activities: the weighted mean of their progress, cancelled
 * activities left out; 0 with no activity. (Indicators join this roll-up in a later step.)
 */
export const rollUpProgress = (activities: readonly { status: ActivityStatus; progress: number; weight: string | number }[]) => {
  const counted = activities.filter((a) => a.status !== 'DIBATALKAN');
  const total = counted.reduce((s, a) => s + Number(a.weight), 0);

  return total > 0 ? counted.reduce((s, a) => s + Number(a.weight) * activityProgress(a), 0) / total : 0;
};
