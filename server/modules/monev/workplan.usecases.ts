import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { findCooperationDocument, jakartaDay, listCooperationParties, loadForParticipant, loadVisibleCooperation } from '../cooperations/index.js';
import { invalidFields, workPlanErrors, type FieldProblem } from './workplan.errors.js';
import { lockedFigureProblems } from './updates.policy.js';
import * as policy from './workplan.policy.js';
import * as repo from './workplan.repository.js';
import { refreshProgress } from './progress.usecases.js';
import type {
  ActivityCreateInput,
  ActivityDto,
  ActivityUpdateInput,
  MilestoneCreateInput,
  MilestoneDto,
  MilestoneUpdateInput,
  ObligationCreateInput,
  ObligationDto,
  ObligationUpdateInput,
  WorkPlanDto,
} from './workplan.schemas.js';
import type { ActivityRow, MilestoneRow, ObligationRow } from './workplan.tables.js';

type Cooperation = Awaited<ReturnType<typeof loadVisibleCooperation>>;
type Party = Awaited<ReturnType<typeof listCooperationParties>>[number];
type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; lang: Lang };
type Ctx = { tx: Db; cooperation: Cooperation; actingTenantId: string | null };

/** The documents an activity may implement: the agreement itself or its work plan. */
const AGREEMENT_TYPES = ['PKS', 'NK', 'RENCANA_KERJA'];

const orgName = (orgs: readonly repo.OrgRef[], id: string) => orgs.find((o) => o.id === id)?.name ?? '';

const presentActivity = (a: ActivityRow, orgs: readonly repo.OrgRef[], today: string): ActivityDto => ({
  id: a.id,
  cooperationId: a.cooperationId,
  agreementDocumentId: a.agreementDocumentId,
  name: a.name,
  description: a.description,
  responsibleOrg: { id: a.responsibleOrgId, name: orgName(orgs, a.responsibleOrgId) },
  responsibleOpd: a.responsibleOpdId ? { id: a.responsibleOpdId, name: orgName(orgs, a.responsibleOpdId) } : null,
  plannedStart: a.plannedStart,
  plannedEnd: a.plannedEnd,
  budget: a.budget,
  realisation: a.realisation,
  outputs: a.outputs,
  status: a.status,
  weight: Number(a.weight),
  progress: policy.activityProgress(a),
  figuresLocked: a.figuresUpdateId !== null,
  overdue: policy.isActivityOverdue(a, today),
  rowVersion: a.rowVersion,
  updatedAt: a.updatedAt.toISOString(),
});

const presentObligation = (o: ObligationRow, orgs: readonly repo.OrgRef[], today: string, canUpdate: boolean): ObligationDto => ({
  id: o.id,
  cooperationId: o.cooperationId,
  party: { id: o.partyOrgId, name: orgName(orgs, o.partyOrgId) },
  description: o.description,
  dueDate: o.dueDate,
  status: o.status,
  note: o.note,
  fulfilledAt: o.fulfilledAt?.toISOString() ?? null,
  overdue: policy.isObligationOverdue(o, today),
  canUpdate,
  updatedAt: o.updatedAt.toISOString(),
});

const presentMilestone = (m: MilestoneRow, today: string): MilestoneDto => ({
  id: m.id,
  cooperationId: m.cooperationId,
  activityId: m.activityId,
  name: m.name,
  dueDate: m.dueDate,
  status: m.status,
  note: m.note,
  decidedAt: m.decidedAt?.toISOString() ?? null,
  overdue: policy.isMilestoneOverdue(m, today),
  updatedAt: m.updatedAt.toISOString(),
});

const orgsOf = (db: Db, ids: readonly (string | null)[]) => repo.organizationsByIds(db, [...new Set(ids.filter((x): x is string => x !== null))]);

/** The work plan of a cooperation the reader may see (404 otherwise), with its figures and what the reader may do. */
export const getWorkPlan = async ({ db, clock, actor, cooperationId }: { db: Db; clock: Clock; actor: Actor; cooperationId: string }): Promise<WorkPlanDto> => {
  const c = await loadVisibleCooperation({ db, actor, id: cooperationId });
  const [activities, obligations, milestones, parties] = await Promise.all([
    repo.listActivities(db, c.id),
    repo.listObligations(db, c.id),
    repo.listMilestones(db, c.id),
    listCooperationParties(db, c.id),
  ]);
  const opds = await repo.opdsOfTenants(db, parties.map((p) => p.tenantId).filter((t): t is string => t !== null));
  const orgs = [...(await orgsOf(db, [...parties.map((p) => p.orgId), ...activities.flatMap((a) => [a.responsibleOrgId, a.responsibleOpdId])])), ...opds];
  const today = jakartaDay(clock.now());
  const editableNow = policy.isPlanEditableIn(c.state);

  return {
    activities: activities.map((a) => presentActivity(a, orgs, today)),
    obligations: obligations.map((o) => presentObligation(o, orgs, today, editableNow && policy.canUpdateObligationStatus(actor, c, o.partyOrgId))),
    milestones: milestones.map((m) => presentMilestone(m, today)),
    summary: policy.summarize(activities, obligations, milestones, today),
    canEdit: editableNow && policy.canEditPlan(actor, c),
    parties: parties.map((p) => ({
      id: p.orgId,
      name: orgName(orgs, p.orgId),
      opds: opds.filter((o) => p.tenantId !== null && o.tenantId === p.tenantId).map((o) => ({ id: o.id, name: o.name })),
    })),
  };
};

/**
 * Every change goes through here: the cooperation row is locked (its state cannot change under
 * us), the actor must be a party (403 for overseers, 404 for strangers), and the plan must be in
 * an editable state (409). `partnerAllowed` lets a partner's user past the editor check; the
 * caller then limits what it may change.
 */
const withPlan = async <T>(
  { db, actor }: Deps,
  cooperationId: string,
  run: (ctx: Ctx & { editor: boolean }) => Promise<T>,
  partnerAllowed = false,
): Promise<T> =>
  db.transaction(async (tx) => {
    const { cooperation, actingTenantId } = await loadForParticipant({ db: tx, actor, id: cooperationId, lock: true });
    const editor = policy.canEditPlan(actor, cooperation);
    if (!editor && !partnerAllowed) throw workPlanErrors.forbidden();
    if (!policy.isPlanEditableIn(cooperation.state)) throw workPlanErrors.notEditable({ state: cooperation.state });

    return run({ tx, cooperation, actingTenantId, editor });
  });

const audit = (deps: Deps, ctx: Ctx, action: string, entityType: string, entityId: string, diff: Record<string, unknown>) =>
  recordAudit({
    tx: ctx.tx,
    clock: deps.clock,
    context: deps.audit,
    entry: { action: `monev.${action}`, entityType, entityId, tenantId: ctx.actingTenantId ?? ctx.cooperation.tenantId, diff: { cooperationId: ctx.cooperation.id, ...diff } },
  });

const partyOf = (parties: readonly Party[], orgId: string) => parties.find((p) => p.orgId === orgId);

type ActivityFacts = Pick<ActivityRow, 'agreementDocumentId' | 'responsibleOrgId' | 'responsibleOpdId' | 'plannedStart' | 'plannedEnd'>;

/** The cross-record rules of an activity, each reported on its field. */
const checkActivity = async (ctx: Ctx, a: ActivityFacts, lang: Lang) => {
  const problems: FieldProblem[] = [];
  const parties = await listCooperationParties(ctx.tx, ctx.cooperation.id);
  const party = partyOf(parties, a.responsibleOrgId);
  if (!party) problems.push({ path: 'responsibleOrgId', code: 'not_a_party' });
  if (a.responsibleOpdId) {
    const [opd] = await repo.organizationsByIds(ctx.tx, [a.responsibleOpdId]);
    if (!opd || opd.type !== 'OPD' || !party?.tenantId || opd.tenantId !== party.tenantId) problems.push({ path: 'responsibleOpdId', code: 'opd_not_of_party' });
  }
  if (a.agreementDocumentId) {
    const doc = await findCooperationDocument(ctx.tx, ctx.cooperation.id, a.agreementDocumentId);
    if (!doc || !AGREEMENT_TYPES.includes(doc.type) || doc.privateTenantId !== null) problems.push({ path: 'agreementDocumentId', code: 'document_not_agreement' });
  }
  problems.push(...policy.activityDateProblems(a.plannedStart, a.plannedEnd, ctx.cooperation).map((p) => ({ path: p.path, code: p.code, params: p.term })));
  if (problems.length) throw invalidFields(problems, lang);
};

/** Reports the rolled-up progress to the cooperation (and its KSB), in the same transaction as the change. */
const refreshPlanProgress = (deps: Deps, ctx: Ctx) => refreshProgress({ tx: ctx.tx, clock: deps.clock, cooperationId: ctx.cooperation.id });

const presentOne = async (deps: Deps, tx: Db, row: ActivityRow) => presentActivity(row, await orgsOf(tx, [row.responsibleOrgId, row.responsibleOpdId]), jakartaDay(deps.clock.now()));

/** Adds an activity to the plan. */
export const createActivity = (deps: Deps & { cooperationId: string; input: ActivityCreateInput }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const i = deps.input;
    const facts = { agreementDocumentId: i.agreementDocumentId ?? null, responsibleOrgId: i.responsibleOrgId, responsibleOpdId: i.responsibleOpdId ?? null, plannedStart: i.plannedStart, plannedEnd: i.plannedEnd };
    await checkActivity(ctx, facts, deps.lang);
    const now = deps.clock.now();
    const row = await repo.insertActivity(ctx.tx, {
      ...facts,
      cooperationId: ctx.cooperation.id,
      name: i.name,
      description: i.description,
      budget: i.budget,
      realisation: i.realisation,
      outputs: i.outputs,
      status: i.status,
      weight: String(i.weight),
      progress: policy.activityProgress(i),
      rowVersion: 1,
      createdBy: deps.actor.userId,
      createdAt: now,
      updatedBy: deps.actor.userId,
      updatedAt: now,
    });
    await audit(deps, ctx, 'activity.create', 'work_plan_activity', row.id, { name: row.name, budget: row.budget, status: row.status, progress: row.progress });
    await refreshPlanProgress(deps, ctx);

    return presentOne(deps, ctx.tx, row);
  });

const activityAuditView = (a: ActivityRow) => ({ ...a, weight: Number(a.weight), createdAt: undefined, updatedAt: undefined, updatedBy: undefined, rowVersion: undefined });

/** Changes an activity the caller saw at `expectedVersion`; a newer version answers 409. */
export const updateActivity = (deps: Deps & { cooperationId: string; activityId: string; input: ActivityUpdateInput }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const before = await repo.findActivity(ctx.tx, ctx.cooperation.id, deps.activityId);
    if (!before) throw workPlanErrors.activityNotFound();
    const { expectedVersion, weight, ...fields } = deps.input;
    if (before.rowVersion !== expectedVersion) throw workPlanErrors.staleActivity();
    // Figures from an approved progress update are the record: corrected by a new revision, never here.
    const locked = lockedFigureProblems(before, fields);
    if (locked.length) throw invalidFields(locked, deps.lang, workPlanErrors.figuresLocked);
    const merged = { ...before, ...fields };
    await checkActivity(ctx, merged, deps.lang);
    const after = await repo.updateActivity(ctx.tx, before.id, expectedVersion, {
      ...fields,
      progress: policy.activityProgress(merged),
      ...(weight !== undefined ? { weight: String(weight) } : {}),
      updatedBy: deps.actor.userId,
      updatedAt: deps.clock.now(),
    });
    if (!after) throw workPlanErrors.staleActivity();
    await audit(deps, ctx, 'activity.update', 'work_plan_activity', after.id, changeSet(activityAuditView(before), activityAuditView(after)));
    await refreshPlanProgress(deps, ctx);

    return presentOne(deps, ctx.tx, after);
  });

/**
 * Deletes an activity. One with milestones is refused (409) rather than taking them along:
 * a milestone is a commitment someone may report against, so removing it is a separate decision.
 */
export const deleteActivity = (deps: Deps & { cooperationId: string; activityId: string }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const row = await repo.findActivity(ctx.tx, ctx.cooperation.id, deps.activityId);
    if (!row) throw workPlanErrors.activityNotFound();
    const count = await repo.countMilestonesOf(ctx.tx, row.id);
    if (count > 0) throw workPlanErrors.activityHasMilestones({ count });
    await repo.deleteActivity(ctx.tx, row.id);
    await audit(deps, ctx, 'activity.delete', 'work_plan_activity', row.id, { name: row.name, budget: row.budget, realisation: row.realisation });
    await refreshPlanProgress(deps, ctx);
  });

const checkObligationParty = (ctx: Ctx, partyOrgId: string, lang: Lang) => {
  if (!ctx.cooperation.partyOrgIds.includes(partyOrgId)) throw invalidFields([{ path: 'partyOrgId', code: 'not_a_party' }], lang);
};

const presentObligationOne = async (deps: Deps, ctx: Ctx, row: ObligationRow) =>
  presentObligation(row, await orgsOf(ctx.tx, [row.partyOrgId]), jakartaDay(deps.clock.now()), policy.canUpdateObligationStatus(deps.actor, ctx.cooperation, row.partyOrgId));

/** Adds an obligation (hak dan kewajiban item) of one party. */
export const createObligation = (deps: Deps & { cooperationId: string; input: ObligationCreateInput }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const i = deps.input;
    checkObligationParty(ctx, i.partyOrgId, deps.lang);
    const now = deps.clock.now();
    const row = await repo.insertObligation(ctx.tx, {
      cooperationId: ctx.cooperation.id,
      partyOrgId: i.partyOrgId,
      description: i.description,
      dueDate: i.dueDate ?? null,
      status: i.status,
      note: i.note,
      fulfilledAt: policy.fulfilledAtFor(i.status, null, now),
      createdBy: deps.actor.userId,
      createdAt: now,
      updatedBy: deps.actor.userId,
      updatedAt: now,
    });
    await audit(deps, ctx, 'obligation.create', 'work_plan_obligation', row.id, { partyOrgId: row.partyOrgId, description: row.description, status: row.status });

    return presentObligationOne(deps, ctx, row);
  });

const obligationAuditView = (o: ObligationRow) => ({ partyOrgId: o.partyOrgId, description: o.description, dueDate: o.dueDate, status: o.status, note: o.note });

/** Changes an obligation; a partner's user may change only the status and note of its own organisation's ones. */
export const updateObligation = (deps: Deps & { cooperationId: string; obligationId: string; input: ObligationUpdateInput }) =>
  withPlan(
    deps,
    deps.cooperationId,
    async (ctx) => {
      const before = await repo.findObligation(ctx.tx, ctx.cooperation.id, deps.obligationId);
      if (!before) throw workPlanErrors.obligationNotFound();
      const i = deps.input;
      if (!ctx.editor) {
        if (!policy.canUpdateObligationStatus(deps.actor, ctx.cooperation, before.partyOrgId)) throw workPlanErrors.forbidden();
        if (i.partyOrgId !== undefined || i.description !== undefined || i.dueDate !== undefined) throw workPlanErrors.partnerFieldsLimited();
      }
      if (i.partyOrgId !== undefined) checkObligationParty(ctx, i.partyOrgId, deps.lang);
      const now = deps.clock.now();
      const status = i.status ?? before.status;
      const after = await repo.updateObligation(ctx.tx, before.id, {
        ...i,
        fulfilledAt: policy.fulfilledAtFor(status, before.status === 'DIPENUHI' ? before.fulfilledAt : null, now),
        updatedBy: deps.actor.userId,
        updatedAt: now,
      });
      await audit(deps, ctx, 'obligation.update', 'work_plan_obligation', after.id, changeSet(obligationAuditView(before), obligationAuditView(after)));

      return presentObligationOne(deps, ctx, after);
    },
    true,
  );

export const deleteObligation = (deps: Deps & { cooperationId: string; obligationId: string }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const row = await repo.findObligation(ctx.tx, ctx.cooperation.id, deps.obligationId);
    if (!row) throw workPlanErrors.obligationNotFound();
    await repo.deleteObligation(ctx.tx, row.id);
    await audit(deps, ctx, 'obligation.delete', 'work_plan_obligation', row.id, obligationAuditView(row));
  });

/** A milestone's activity (same cooperation) and due date (within the term). */
const checkMilestone = async (ctx: Ctx, m: { activityId: string | null; dueDate: string }, lang: Lang) => {
  const problems: FieldProblem[] = [];
  if (m.activityId && !(await repo.findActivity(ctx.tx, ctx.cooperation.id, m.activityId))) problems.push({ path: 'activityId', code: 'activity_not_found' });
  problems.push(...policy.milestoneDateProblems(m.dueDate, ctx.cooperation).map((p) => ({ path: p.path, code: p.code, params: p.term })));
  if (problems.length) throw invalidFields(problems, lang);
};

export const createMilestone = (deps: Deps & { cooperationId: string; input: MilestoneCreateInput }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const i = deps.input;
    await checkMilestone(ctx, { activityId: i.activityId ?? null, dueDate: i.dueDate }, deps.lang);
    const now = deps.clock.now();
    const row = await repo.insertMilestone(ctx.tx, {
      cooperationId: ctx.cooperation.id,
      activityId: i.activityId ?? null,
      name: i.name,
      dueDate: i.dueDate,
      status: i.status,
      note: i.note,
      decidedAt: policy.decidedAtFor(i.status, null, null, now),
      createdBy: deps.actor.userId,
      createdAt: now,
      updatedBy: deps.actor.userId,
      updatedAt: now,
    });
    await audit(deps, ctx, 'milestone.create', 'work_plan_milestone', row.id, { name: row.name, dueDate: row.dueDate, status: row.status });

    return presentMilestone(row, jakartaDay(now));
  });

const milestoneAuditView = (m: MilestoneRow) => ({ activityId: m.activityId, name: m.name, dueDate: m.dueDate, status: m.status, note: m.note });

export const updateMilestone = (deps: Deps & { cooperationId: string; milestoneId: string; input: MilestoneUpdateInput }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const before = await repo.findMilestone(ctx.tx, ctx.cooperation.id, deps.milestoneId);
    if (!before) throw workPlanErrors.milestoneNotFound();
    const i = deps.input;
    await checkMilestone(ctx, { activityId: i.activityId === undefined ? before.activityId : i.activityId, dueDate: i.dueDate ?? before.dueDate }, deps.lang);
    const now = deps.clock.now();
    const after = await repo.updateMilestone(ctx.tx, before.id, {
      ...i,
      decidedAt: policy.decidedAtFor(i.status ?? before.status, before.status, before.decidedAt, now),
      updatedBy: deps.actor.userId,
      updatedAt: now,
    });
    await audit(deps, ctx, 'milestone.update', 'work_plan_milestone', after.id, changeSet(milestoneAuditView(before), milestoneAuditView(after)));

    return presentMilestone(after, jakartaDay(now));
  });

export const deleteMilestone = (deps: Deps & { cooperationId: string; milestoneId: string }) =>
  withPlan(deps, deps.cooperationId, async (ctx) => {
    const row = await repo.findMilestone(ctx.tx, ctx.cooperation.id, deps.milestoneId);
    if (!row) throw workPlanErrors.milestoneNotFound();
    await repo.deleteMilestone(ctx.tx, row.id);
    await audit(deps, ctx, 'milestone.delete', 'work_plan_milestone', row.id, milestoneAuditView(row));
  });
