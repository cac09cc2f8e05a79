import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { recordAudit } from '../audit/index.js';
import { jakartaDay, rulesForTenant } from '../cooperations/index.js';
import { cycleErrors, fieldErrors, type FieldProblem } from './cycles.errors.js';
import * as m from './cycles.models.js';
import * as policy from './cycles.policy.js';
import * as repo from './cycles.repository.js';
import type { CycleAdvanceInput, CycleCreateInput, CycleDto, CycleListDto, CycleUpdateInput } from './cycles.schemas.js';
import type { CycleRow } from './cycles.tables.js';
import { adoptPriorities, plenaryOf } from './plenary.usecases.js';
import { ensureDefaultQuestionnaire, type Deps as QDeps } from './questionnaires.usecases.js';
import * as qRepo from './questionnaires.repository.js';

export type Deps = QDeps & { lang: Lang };

const stageConfig = async (db: Db, tenantId: string, today: string) => (await rulesForTenant({ db, tenantId, onDate: today })).mappingStages;

/** The participants as the progress table shows them. */
export const participantFacts = (c: CycleRow, rows: readonly repo.ParticipantFact[], today: string) =>
  rows.map((p) => {
    const status = (p.answerStatus ?? 'NOT_STARTED') as m.ParticipantStatus;
    const deadline = m.effectiveDeadline(c.answerDeadline, p.deadline);

    return { orgId: p.id, name: p.name, shortName: p.shortName, status, deadline, reopened: p.deadline !== null, late: m.isLate({ status, deadline }, today), submittedAt: p.submittedAt?.toISOString() ?? null, revision: p.revision ?? 0 };
  });

const present = async (db: Db, actor: Actor, c: CycleRow, today: string): Promise<CycleDto> => {
  // One after another: inside a transaction they share one connection.
  const tenant = await repo.tenantFact(db, c.tenantId);
  const rows = await repo.participantsOf(db, c.id);
  const q = await qRepo.findQuestionnaire(db, c.questionnaireId);
  const config = await stageConfig(db, c.tenantId, today);
  const participants = participantFacts(c, rows, today);
  const next = m.actionFrom(c.stage);
  const manage = policy.canManage(actor, c.tenantId);
  const answering = policy.answeringOrgs(actor, c.tenantId);

  return {
    id: c.id,
    tenant: { id: c.tenantId, name: tenant?.name ?? '' },
    year: c.year,
    stage: c.stage,
    answerDeadline: c.answerDeadline,
    schedule: c.schedule,
    decreeNumber: c.decreeNumber,
    decreeDate: c.decreeDate,
    questionnaire: { id: c.questionnaireId, title: q?.title ?? '', version: q?.version ?? 0 },
    participants,
    progress: {
      total: participants.length,
      answered: participants.filter((p) => m.hasAnswered(p.status)).length,
      accepted: participants.filter((p) => p.status === 'ACCEPTED').length,
      drafting: participants.filter((p) => p.status === 'DRAFT' || p.status === 'RETURNED').length,
      late: participants.filter((p) => p.late).length,
    },
    nextAction: next,
    canManage: manage,
    canAdvance: manage && next !== null && m.mayAdvance(policy.rolesIn(actor, c.tenantId), config.stages, next),
    answeringOrgIds: participants.filter((p) => answering.includes(p.orgId)).map((p) => p.orgId),
    units: manage ? (await repo.tenantUnits(db, c.tenantId)).map((u) => ({ id: u.id, name: u.name })) : [],
    ruleNote: config.note,
    rowVersion: c.rowVersion,
  };
};

/** A cycle the actor may read (404 otherwise, never revealing another pemda's). */
export const loadVisibleCycle = async (db: Db, actor: Actor, id: string, lock = false) => {
  const c = await repo.findCycle(db, id, lock);
  const tenant = c ? await repo.tenantFact(db, c.tenantId) : undefined;
  if (!c || !tenant || !policy.canRead(actor, { tenantId: tenant.id, regionCode: tenant.regionCode })) throw cycleErrors.notFound();

  return c;
};

export const getCycle = async ({ db, clock, actor, id }: Pick<Deps, 'db' | 'clock' | 'actor'> & { id: string }) =>
  present(db, actor, await loadVisibleCycle(db, actor, id), jakartaDay(clock.now()));

/** The cycles of the pemda the actor works in (newest year first). */
export const listCycles = async ({ db, actor, year }: { db: Db; actor: Actor; year: number | undefined }): Promise<CycleListDto> => {
  const rows = await repo.listCycles(db, actor.scope.tenantIds, year);

  return {
    items: rows.map(({ cycle: c, tenantName }) => ({ id: c.id, tenantName, year: c.year, stage: c.stage, answerDeadline: c.answerDeadline })),
    canCreate: policy.managedTenant(actor, undefined) !== null,
  };
};

const audit = (deps: Deps, tx: Db, c: CycleRow, action: string, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action: `mapping.cycle.${action}`, entityType: 'mapping_cycle', entityId: c.id, tenantId: c.tenantId, diff: { year: c.year, ...diff } } });

/** Opens a pemda's cycle for a year: schedule from the rule pack, every OPD taking part, the default questionnaire. */
export const createCycle = (deps: Deps & { input: CycleCreateInput }) =>
  deps.db.transaction(async (tx) => {
    const { actor, input } = deps;
    const tenantId = policy.managedTenant(actor, input.tenantId);
    if (!tenantId) throw input.tenantId && !actor.scope.tenantIds.includes(input.tenantId) ? cycleErrors.notFound() : cycleErrors.manageForbidden();
    if (await repo.cycleOfYear(tx, tenantId, input.year)) throw cycleErrors.exists({ year: input.year });
    const today = jakartaDay(deps.clock.now());
    const config = await stageConfig(tx, tenantId, today);
    let questionnaireId = input.questionnaireId;
    if (questionnaireId) {
      const q = await qRepo.findQuestionnaire(tx, questionnaireId);
      if (q?.tenantId !== tenantId) throw fieldErrors([{ path: 'questionnaireId', code: 'not_found' }], deps.lang);
    } else questionnaireId = (await ensureDefaultQuestionnaire(deps, tx, tenantId)).id;
    const schedule = m.defaultSchedule(config.stages, input.startDate ?? today).map((s, i) => (i === 0 ? { ...s, startedAt: deps.clock.now().toISOString() } : s));
    const now = deps.clock.now();
    const c = await repo.insertCycle(tx, {
      id: randomUUID(),
      tenantId,
      year: input.year,
      stage: 'PERSIAPAN',
      questionnaireId,
      answerDeadline: m.mappingEnd(schedule),
      schedule,
      createdBy: actor.userId,
      rowVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    const opds = (await repo.tenantUnits(tx, tenantId)).filter((u) => u.type === 'OPD');
    await repo.setParticipants(tx, c.id, opds.map((u) => u.id));
    await audit(deps, tx, c, 'create', { schedule, answerDeadline: c.answerDeadline, questionnaireId, participants: opds.map((u) => u.id) });

    return present(tx, actor, c, today);
  });

const loadForManager = async (deps: Deps, tx: Db, id: string) => {
  const c = await loadVisibleCycle(tx, deps.actor, id, true);
  if (!policy.canManage(deps.actor, c.tenantId)) throw cycleErrors.manageForbidden();

  return c;
};

/** Schedule, deadline, participants and questionnaire, while the cycle is still collecting answers. */
export const updateCycle = (deps: Deps & { id: string; input: CycleUpdateInput }) =>
  deps.db.transaction(async (tx) => {
    const before = await loadForManager(deps, tx, deps.id);
    const { input } = deps;
    if (!m.isEditable(before.stage)) throw cycleErrors.notEditable();
    if (before.rowVersion !== input.expectedVersion) throw cycleErrors.stale();
    const problems: FieldProblem[] = [];
    const participants = await repo.participantsOf(tx, before.id);
    if (input.schedule) problems.push(...m.scheduleProblems(input.schedule));
    if (input.participantOrgIds) {
      const units = await repo.tenantUnits(tx, before.tenantId);
      input.participantOrgIds.forEach((id, i) => {
        if (!units.some((u) => u.id === id)) problems.push({ path: `participantOrgIds.${i}`, code: 'not_a_unit' });
      });
      // Dropping an OPD that has already written an answer would hide its work.
      participants.filter((p) => p.answerId && !input.participantOrgIds!.includes(p.id)).forEach(() => problems.push({ path: 'participantOrgIds', code: 'has_answer' }));
    }
    if (input.questionnaireId && input.questionnaireId !== before.questionnaireId) {
      const q = await qRepo.findQuestionnaire(tx, input.questionnaireId);
      if (q?.tenantId !== before.tenantId) problems.push({ path: 'questionnaireId', code: 'not_found' });
      else if (participants.some((p) => p.answerId)) problems.push({ path: 'questionnaireId', code: 'has_answer' });
    }
    if (problems.length) throw fieldErrors(problems, deps.lang);
    // Keep what already happened (actual start and end) when the plan moves.
    const schedule = input.schedule
      ? input.schedule.map((s, i) => ({ ...s, startedAt: before.schedule[i]?.startedAt ?? null, endedAt: before.schedule[i]?.endedAt ?? null }))
      : before.schedule;
    const after = await repo.updateCycle(tx, before.id, before.rowVersion, {
      schedule,
      answerDeadline: input.answerDeadline ?? before.answerDeadline,
      questionnaireId: input.questionnaireId ?? before.questionnaireId,
      updatedAt: deps.clock.now(),
    });
    if (!after) throw cycleErrors.stale();
    const moved = input.participantOrgIds ? await repo.setParticipants(tx, before.id, input.participantOrgIds) : { added: [], removed: [] };
    await audit(deps, tx, after, 'update', {
      before: { schedule: before.schedule, answerDeadline: before.answerDeadline, questionnaireId: before.questionnaireId },
      after: { schedule: after.schedule, answerDeadline: after.answerDeadline, questionnaireId: after.questionnaireId },
      participants: moved,
    });

    return present(tx, deps.actor, after, jakartaDay(deps.clock.now()));
  });

const GUARD_ERRORS = {
  no_participants: () => cycleErrors.noParticipants(),
  deadline_passed: () => cycleErrors.deadlinePassed(),
  answers_outstanding: (b: m.GuardBlock) => cycleErrors.answersOutstanding({ count: 'orgIds' in b ? b.orgIds.length : 0 }, { orgIds: 'orgIds' in b ? b.orgIds : [] }),
  reviews_pending: (b: m.GuardBlock) => cycleErrors.reviewsPending({ count: 'orgIds' in b ? b.orgIds.length : 0 }, { orgIds: 'orgIds' in b ? b.orgIds : [] }),
  nothing_accepted: () => cycleErrors.nothingAccepted(),
  plenary_missing: () => cycleErrors.plenaryMissing(),
  decree_missing: () => cycleErrors.decreeMissing(),
} satisfies Record<m.GuardBlock['code'], (b: m.GuardBlock) => Error>;

/** A named stage action: the rule pack's roles for the stage it closes, then its guard (409 with a code when it fails). */
export const advanceCycle = (deps: Deps & { id: string; input: CycleAdvanceInput }) =>
  deps.db.transaction(async (tx) => {
    const before = await loadForManager(deps, tx, deps.id);
    const action = deps.input.action;
    if (m.CYCLE_ACTIONS[action].from !== before.stage) throw cycleErrors.wrongStage({ action, stage: before.stage });
    const today = jakartaDay(deps.clock.now());
    const config = await stageConfig(tx, before.tenantId, today);
    if (!m.mayAdvance(policy.rolesIn(deps.actor, before.tenantId), config.stages, action)) throw cycleErrors.stageRoleForbidden({ stage: before.stage });
    if (before.rowVersion !== deps.input.expectedVersion) throw cycleErrors.stale();
    const participants = participantFacts(before, await repo.participantsOf(tx, before.id), today);
    const decree = deps.input.decreeNumber && deps.input.decreeDate ? { number: deps.input.decreeNumber, date: deps.input.decreeDate } : undefined;
    const plenary = action === 'determine' ? await plenaryOf(tx, before.id) : undefined;
    const block = m.guardBlock(action, { today, participants, answerDeadline: before.answerDeadline, decree, plenaryDecided: plenary !== undefined });
    if (block) throw GUARD_ERRORS[block.code](block);
    const to = m.CYCLE_ACTIONS[action].to;
    const at = deps.clock.now().toISOString();
    const schedule = before.schedule.map((s) => (s.stage === before.stage ? { ...s, endedAt: at } : s.stage === to ? { ...s, startedAt: at } : s));
    const after = await repo.updateCycle(tx, before.id, before.rowVersion, {
      stage: to,
      schedule,
      ...(decree ? { decreeNumber: decree.number, decreeDate: decree.date } : {}),
      updatedAt: deps.clock.now(),
    });
    if (!after) throw cycleErrors.stale();
    // The decree adopts the plenary's priorities: they become DITETAPKAN in the same transaction.
    const adopted = plenary && decree ? await adoptPriorities(tx, plenary, decree, deps.clock.now()) : [];
    await audit(deps, tx, after, action, { from: before.stage, to, ...(decree ? { decree, adopted } : {}) });

    return present(tx, deps.actor, after, today);
  });
