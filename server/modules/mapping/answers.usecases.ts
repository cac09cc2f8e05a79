import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/index.js';
import { jakartaDay } from '../cooperations/index.js';
import { getFile } from '../files/index.js';
import { findUnknownReferences } from '../reference/index.js';
import { answerErrors } from './answers.errors.js';
import { noticeAnswer } from './answers.notices.js';
import { answerProblems, referencesIn, type Answers } from './answers.models.js';
import * as repo from './answers.repository.js';
import type { AnswerDto, AnswerHistoryDto, AnswerSaveInput } from './answers.schemas.js';
import type { AnswerAction, AnswerRow } from './answers.tables.js';
import { cycleErrors, fieldErrors, type FieldProblem } from './cycles.errors.js';
import * as m from './cycles.models.js';
import * as policy from './cycles.policy.js';
import * as cycleRepo from './cycles.repository.js';
import type { CycleRow } from './cycles.tables.js';
import { loadVisibleCycle, type Deps as CycleDeps } from './cycles.usecases.js';
import { registerAcceptedAnswer } from './potentials.usecases.js';
import * as qRepo from './questionnaires.repository.js';
import type { QuestionnaireRow } from './questionnaires.tables.js';

/** Answer actions also notify (in-app), so they need the public address for links. */
type Deps = CycleDeps & { publicUrl: string };

type Ctx = { tx: Db; cycle: CycleRow; participant: { orgId: string; deadline: string | null }; orgName: string; today: string };

const loadCtx = async (db: Db, actor: Actor, cycleId: string, orgId: string, today: string, lock = false): Promise<Ctx> => {
  const cycle = await loadVisibleCycle(db, actor, cycleId, lock);
  const participant = await cycleRepo.findParticipant(db, cycle.id, orgId);
  const unit = participant ? (await cycleRepo.tenantUnits(db, cycle.tenantId)).find((u) => u.id === orgId) : undefined;
  if (!participant || !unit) throw answerErrors.notParticipant();

  return { tx: db, cycle, participant, orgName: unit.name, today };
};

const noticeFacts = (ctx: Ctx) => ({ tx: ctx.tx, tenantId: ctx.cycle.tenantId, cycleId: ctx.cycle.id, orgId: ctx.participant.orgId, orgName: ctx.orgName, year: ctx.cycle.year });

const deadlineOf = (ctx: Ctx) => m.effectiveDeadline(ctx.cycle.answerDeadline, ctx.participant.deadline);

const present = async (ctx: Ctx, actor: Actor, a: AnswerRow | undefined, q: QuestionnaireRow): Promise<AnswerDto> => {
  const status: m.ParticipantStatus = a?.status ?? 'NOT_STARTED';
  const deadline = deadlineOf(ctx);
  const events = a ? await repo.eventsOf(ctx.tx, a.id) : [];
  const answering = m.isAnswering(ctx.cycle.stage);
  const manage = policy.canManage(actor, ctx.cycle.tenantId);

  return {
    id: a?.id ?? null,
    cycleId: ctx.cycle.id,
    orgId: ctx.participant.orgId,
    orgName: ctx.orgName,
    cycleYear: ctx.cycle.year,
    stage: ctx.cycle.stage,
    status,
    answers: a?.answers ?? {},
    revision: a?.revision ?? 0,
    reviewComment: a?.reviewComment ?? null,
    submittedAt: a?.submittedAt?.toISOString() ?? null,
    submittedByName: a?.submittedByName ?? null,
    reviewedAt: a?.reviewedAt?.toISOString() ?? null,
    reviewedByName: a?.reviewedByName ?? null,
    deadline,
    late: m.isLate({ status, deadline }, ctx.today),
    questionnaire: { id: q.id, title: q.title, version: q.version, definition: q.definition },
    history: events.map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.status, revision: e.revision, actorName: e.actorName, comment: e.comment })),
    rowVersion: a?.rowVersion ?? 0,
    canEdit: answering && !m.hasAnswered(status) && policy.canAnswerFor(actor, ctx.participant.orgId),
    canReview: answering && status === 'SUBMITTED' && manage,
    canReopen: answering && manage && !m.hasAnswered(status),
  };
};

const questionnaireOf = async (db: Db, id: string) => (await qRepo.findQuestionnaire(db, id))!;

export const getAnswer = async ({ db, clock, actor, cycleId, orgId }: Pick<Deps, 'db' | 'clock' | 'actor'> & { cycleId: string; orgId: string }) => {
  const ctx = await loadCtx(db, actor, cycleId, orgId, jakartaDay(clock.now()));
  const a = await repo.findAnswer(db, ctx.cycle.id, orgId);

  return present(ctx, actor, a, await questionnaireOf(db, a?.questionnaireId ?? ctx.cycle.questionnaireId));
};

/** Every submission with the answers as sent (a returned answer keeps them), and every event. */
export const answerHistory = async ({ db, clock, actor, cycleId, orgId }: Pick<Deps, 'db' | 'clock' | 'actor'> & { cycleId: string; orgId: string }): Promise<AnswerHistoryDto> => {
  const ctx = await loadCtx(db, actor, cycleId, orgId, jakartaDay(clock.now()));
  const a = await repo.findAnswer(db, ctx.cycle.id, orgId);
  const events = a ? await repo.eventsOf(db, a.id) : [];

  return {
    submissions: events
      .filter((e) => e.action === 'SUBMIT')
      .map((e) => ({ revision: e.revision, at: e.at.toISOString(), actorName: e.actorName, answers: e.answers ?? {} }))
      .reverse(),
    events: events.map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.status, revision: e.revision, actorName: e.actorName, comment: e.comment })),
  };
};

const withCtx = <T>(deps: Deps, cycleId: string, orgId: string, run: (ctx: Ctx) => Promise<T>) =>
  deps.db.transaction(async (tx) => run(await loadCtx(tx, deps.actor, cycleId, orgId, jakartaDay(deps.clock.now()), true)));

const event = (deps: Deps, ctx: Ctx, a: AnswerRow, action: AnswerAction, comment: string | null = null) =>
  repo.insertEvent(ctx.tx, { answerId: a.id, at: deps.clock.now(), action, status: a.status, revision: a.revision, actorId: deps.actor.userId, actorName: deps.actor.name, comment, answers: action === 'SUBMIT' ? a.answers : null });

const audit = (deps: Deps, ctx: Ctx, a: AnswerRow | null, action: string, diff: Record<string, unknown>) =>
  recordAudit({
    tx: ctx.tx,
    clock: deps.clock,
    context: deps.audit,
    entry: { action: `mapping.answer.${action}`, entityType: 'mapping_answer', entityId: a?.id ?? null, tenantId: ctx.cycle.tenantId, diff: { cycleId: ctx.cycle.id, orgId: ctx.participant.orgId, ...diff } },
  });

/** Codes, issues and files the answers point to, looked up: unknown ones and other organisations' files are per-question problems. */
const referenceProblems = async (deps: Deps, ctx: Ctx, q: QuestionnaireRow, answers: Answers): Promise<FieldProblem[]> => {
  const hits = referencesIn(q.definition, answers);
  const of = (type: string) => [...new Set(hits.filter((h) => h.type === type).map((h) => h.value))];
  const unknown = await findUnknownReferences({ db: ctx.tx, urusanCodes: of('URUSAN'), issueIds: of('STRATEGIC_ISSUE'), regionCodes: of('REGION') });
  const bad = new Set([...unknown.urusanCodes.map((c) => `URUSAN|${c}`), ...unknown.issueIds.map((c) => `STRATEGIC_ISSUE|${c}`), ...unknown.regionCodes.map((c) => `REGION|${c}`)]);
  const out: FieldProblem[] = hits.filter((h) => bad.has(`${h.type}|${h.value}`)).map((h) => ({ path: h.path, code: 'unknown_reference' }));
  for (const h of hits.filter((x) => x.type === 'FILE')) {
    // A file the OPD cannot see, or one another organisation uploaded, is not its attachment.
    const file = await getFile({ db: ctx.tx, actor: deps.actor, id: h.value }).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!file || file.orgId !== ctx.participant.orgId) out.push({ path: h.path, code: 'file_not_own' });
  }

  return out;
};

/**
 * Drafts or submits the OPD's answer (its liaison or head): while the cycle collects answers, the
 * answer not handed in yet, and a submission only until the OPD's deadline (409 after it, unless
 * the TKKSD reopened it). A submission must answer every required question (422 per question).
 */
export const saveAnswer = (deps: Deps & { cycleId: string; orgId: string; input: AnswerSaveInput }) =>
  withCtx(deps, deps.cycleId, deps.orgId, async (ctx) => {
    if (!policy.canAnswerFor(deps.actor, ctx.participant.orgId)) throw answerErrors.answerForbidden();
    if (!m.isAnswering(ctx.cycle.stage)) throw answerErrors.notAnswering({ stage: ctx.cycle.stage });
    const before = await repo.findAnswer(ctx.tx, ctx.cycle.id, ctx.participant.orgId, true);
    if (before && m.hasAnswered(before.status)) throw answerErrors.wrongStatus({ status: before.status });
    if ((before?.rowVersion ?? 0) !== deps.input.expectedVersion) throw answerErrors.stale();
    const submit = deps.input.submit;
    const deadline = deadlineOf(ctx);
    if (submit && deadline < ctx.today) throw answerErrors.deadlinePassed({ deadline });
    const q = await questionnaireOf(ctx.tx, before?.questionnaireId ?? ctx.cycle.questionnaireId);
    const answers = deps.input.answers as Answers;
    const problems: FieldProblem[] = answerProblems(q.definition, answers, submit);
    if (!problems.length) problems.push(...(await referenceProblems(deps, ctx, q, answers)));
    if (problems.length) throw fieldErrors(problems, deps.lang, answerErrors.invalid);
    const now = deps.clock.now();
    const status = submit ? 'SUBMITTED' : (before?.status ?? 'DRAFT');
    const submitted = submit ? { submittedAt: now, submittedByName: deps.actor.name, revision: (before?.revision ?? 0) + 1 } : {};
    const after = before
      ? await repo.updateAnswer(ctx.tx, before.id, before.rowVersion, { answers, status, ...submitted, updatedAt: now })
      : await repo.insertAnswer(ctx.tx, {
          id: randomUUID(),
          cycleId: ctx.cycle.id,
          tenantId: ctx.cycle.tenantId,
          orgId: ctx.participant.orgId,
          questionnaireId: q.id,
          status,
          answers,
          revision: 0,
          rowVersion: 1,
          createdAt: now,
          updatedAt: now,
          ...submitted,
        });
    if (!after) throw answerErrors.stale();
    await event(deps, ctx, after, submit ? 'SUBMIT' : 'SAVE');
    await audit(deps, ctx, after, submit ? 'submit' : 'save', { status, revision: after.revision, answers });
    if (submit) await noticeAnswer(deps, noticeFacts(ctx), 'submitted', { revision: after.revision });

    return present(ctx, deps.actor, after, q);
  });

const loadForReview = async (deps: Deps, ctx: Ctx, expectedVersion: number) => {
  if (!policy.canManage(deps.actor, ctx.cycle.tenantId)) throw cycleErrors.manageForbidden();
  if (!m.isAnswering(ctx.cycle.stage)) throw answerErrors.notAnswering({ stage: ctx.cycle.stage });
  const a = await repo.findAnswer(ctx.tx, ctx.cycle.id, ctx.participant.orgId, true);
  if (!a || a.status !== 'SUBMITTED') throw answerErrors.wrongStatus({ status: a?.status ?? 'NOT_STARTED' });
  if (a.rowVersion !== expectedVersion) throw answerErrors.stale();

  return a;
};

/** The TKKSD (or the secretariat) returns a submitted answer with a comment; a new deadline reopens it at once. */
export const returnAnswer = (deps: Deps & { cycleId: string; orgId: string; input: { expectedVersion: number; comment: string; deadline?: string | undefined } }) =>
  withCtx(deps, deps.cycleId, deps.orgId, async (ctx) => {
    const before = await loadForReview(deps, ctx, deps.input.expectedVersion);
    if (deps.input.deadline !== undefined && deps.input.deadline < ctx.today) throw fieldErrors([{ path: 'deadline', code: 'past' }], deps.lang);
    const now = deps.clock.now();
    const after = (await repo.updateAnswer(ctx.tx, before.id, before.rowVersion, { status: 'RETURNED', reviewComment: deps.input.comment, reviewedAt: now, reviewedByName: deps.actor.name, updatedAt: now }))!;
    if (deps.input.deadline) {
      await cycleRepo.setParticipantDeadline(ctx.tx, ctx.cycle.id, ctx.participant.orgId, deps.input.deadline);
      ctx.participant = { ...ctx.participant, deadline: deps.input.deadline };
    }
    await event(deps, ctx, after, 'RETURN', deps.input.comment);
    await audit(deps, ctx, after, 'return', { revision: after.revision, comment: deps.input.comment, deadline: deps.input.deadline ?? null });
    await noticeAnswer(deps, noticeFacts(ctx), 'returned', { comment: deps.input.comment });

    return present(ctx, deps.actor, after, await questionnaireOf(ctx.tx, after.questionnaireId));
  });

export const acceptAnswer = (deps: Deps & { cycleId: string; orgId: string; input: { expectedVersion: number } }) =>
  withCtx(deps, deps.cycleId, deps.orgId, async (ctx) => {
    const before = await loadForReview(deps, ctx, deps.input.expectedVersion);
    const now = deps.clock.now();
    const after = (await repo.updateAnswer(ctx.tx, before.id, before.rowVersion, { status: 'ACCEPTED', reviewComment: null, reviewedAt: now, reviewedByName: deps.actor.name, updatedAt: now }))!;
    await event(deps, ctx, after, 'ACCEPT');
    await audit(deps, ctx, after, 'accept', { revision: after.revision });
    const q = await questionnaireOf(ctx.tx, after.questionnaireId);
    // The register of potentials and needs is built from what the TKKSD accepted, in the same transaction.
    await registerAcceptedAnswer({ tx: ctx.tx, clock: deps.clock, audit: deps.audit, cycle: ctx.cycle, answer: after, definition: q.definition });

    return present(ctx, deps.actor, after, q);
  });

/** Reopens submission for one OPD until a new day (the TKKSD or the secretariat), for an answer not handed in. */
export const reopenAnswer = (deps: Deps & { cycleId: string; orgId: string; input: { deadline: string; comment?: string | undefined } }) =>
  withCtx(deps, deps.cycleId, deps.orgId, async (ctx) => {
    if (!policy.canManage(deps.actor, ctx.cycle.tenantId)) throw cycleErrors.manageForbidden();
    if (!m.isAnswering(ctx.cycle.stage)) throw answerErrors.notAnswering({ stage: ctx.cycle.stage });
    if (deps.input.deadline < ctx.today) throw fieldErrors([{ path: 'deadline', code: 'past' }], deps.lang);
    const a = await repo.findAnswer(ctx.tx, ctx.cycle.id, ctx.participant.orgId, true);
    if (a && m.hasAnswered(a.status)) throw answerErrors.wrongStatus({ status: a.status });
    const before = ctx.participant.deadline;
    await cycleRepo.setParticipantDeadline(ctx.tx, ctx.cycle.id, ctx.participant.orgId, deps.input.deadline);
    ctx.participant = { ...ctx.participant, deadline: deps.input.deadline };
    if (a) await event(deps, ctx, a, 'REOPEN', deps.input.comment ?? null);
    await audit(deps, ctx, a ?? null, 'reopen', { before: before ?? ctx.cycle.answerDeadline, after: deps.input.deadline, comment: deps.input.comment ?? null });
    await noticeAnswer(deps, noticeFacts(ctx), 'reopened', { deadline: deps.input.deadline });

    return present(ctx, deps.actor, a, await questionnaireOf(ctx.tx, a?.questionnaireId ?? ctx.cycle.questionnaireId));
  });
