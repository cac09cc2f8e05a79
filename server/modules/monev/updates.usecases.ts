import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { jakartaDay, loadForParticipant, loadVisibleCooperation, recordMonitoring } from '../cooperations/index.js';
import { getFile } from '../files/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify, type Notice } from '../notifications/index.js';
import * as indicatorRepo from './indicators.repository.js';
import { isPeriodOf } from './indicators.models.js';
import { fieldErrors, updateErrors, type FieldProblem } from './updates.errors.js';
import * as policy from './updates.policy.js';
import * as repo from './updates.repository.js';
import { refreshProgress } from './progress.usecases.js';
import type { QueueDto, UpdateCreateInput, UpdateDto, UpdateListDto, UpdateReviseInput, UpdateReworkInput } from './updates.schemas.js';
import type { ActivityLine, IndicatorLine, UpdateAction, UpdateEvidence, UpdateEventRow, UpdateRow, UpdateStatus } from './updates.tables.js';

type Cooperation = Awaited<ReturnType<typeof loadVisibleCooperation>>;
export type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; lang: Lang; publicUrl: string };
type Ctx = { tx: Db; cooperation: Cooperation };
type Content = Pick<UpdateCreateInput, 'asOf' | 'narrative' | 'activityLines' | 'indicatorLines' | 'evidenceFileIds'>;

const OPEN: readonly UpdateStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED'];
const link = (cooperationId: string) => `/app/kerja-sama/${cooperationId}`;

/** Names of the activities and indicators an update's lines point to, for presenting. */
type Names = { activities: readonly repo.ActivityFact[]; indicators: readonly repo.IndicatorFact[] };

const present = (u: UpdateRow, events: readonly UpdateEventRow[], names: Names, c: Cooperation, actor: Actor, series: readonly UpdateRow[]): UpdateDto => {
  const openRevision = series.some((s) => s.seriesId === u.seriesId && OPEN.includes(s.status));
  const reportable = policy.isReportableIn(c.state);

  return {
    id: u.id,
    cooperationId: u.cooperationId,
    seriesId: u.seriesId,
    revision: u.revision,
    supersedesId: u.supersedesId,
    status: u.status,
    asOf: u.asOf,
    narrative: u.narrative,
    activityLines: u.activityLines.map((l) => ({ ...l, activityName: names.activities.find((a) => a.id === l.activityId)?.name ?? '' })),
    indicatorLines: u.indicatorLines.map((l) => {
      const ind = names.indicators.find((i) => i.id === l.indicatorId);

      return { ...l, indicatorName: ind?.name ?? '', unit: ind?.unit ?? '' };
    }),
    evidence: u.evidence,
    reason: u.reason,
    reviewComment: u.reviewComment,
    author: { id: u.authorId, name: u.authorName, orgId: u.authorOrgId },
    submittedAt: u.submittedAt?.toISOString() ?? null,
    reviewedBy: u.reviewedByName ? { id: u.reviewedBy, name: u.reviewedByName } : null,
    reviewedAt: u.reviewedAt?.toISOString() ?? null,
    approvedAt: u.approvedAt?.toISOString() ?? null,
    rowVersion: u.rowVersion,
    history: events.filter((e) => e.updateId === u.id).map((e) => ({ at: e.at.toISOString(), action: e.action, status: e.status, actorName: e.actorName, comment: e.comment })),
    canRework: reportable && policy.canRework(actor, c, u),
    canReview: reportable && u.status === 'SUBMITTED' && policy.reviewBlock(actor, u) === null,
    canRevise: reportable && u.status === 'APPROVED' && !openRevision && policy.canSubmit(actor, c),
  };
};

const namesOf = async (db: Db, cooperationId: string): Promise<Names> => {
  const [activities, indicators] = await Promise.all([repo.activitiesOf(db, cooperationId), repo.indicatorsOf(db, cooperationId)]);

  return { activities, indicators };
};

/** The updates of a cooperation the reader may see (404 otherwise), grouped by series, newest revision first. */
export const listUpdates = async ({ db, actor, cooperationId }: { db: Db; actor: Actor; cooperationId: string }): Promise<UpdateListDto> => {
  const c = await loadVisibleCooperation({ db, actor, id: cooperationId });
  const rows = await repo.listUpdates(db, c.id);
  const [events, names] = await Promise.all([repo.eventsOf(db, rows.map((r) => r.id)), namesOf(db, c.id)]);
  const bySeries = new Map<string, UpdateRow[]>();
  for (const r of rows) bySeries.set(r.seriesId, [...(bySeries.get(r.seriesId) ?? []), r]);

  return {
    series: [...bySeries.entries()].map(([seriesId, revisions]) => ({
      seriesId,
      revisions: revisions.sort((a, b) => b.revision - a.revision).map((r) => present(r, events, names, c, actor, rows)),
    })),
    canSubmit: policy.isReportableIn(c.state) && policy.canSubmit(actor, c),
    lockedActivityIds: names.activities.filter((a) => a.figuresUpdateId !== null).map((a) => a.id),
  };
};

const presentOne = async (db: Db, actor: Actor, c: Cooperation, u: UpdateRow) => {
  const [events, names, series] = await Promise.all([repo.eventsOf(db, [u.id]), namesOf(db, c.id), repo.seriesOf(db, u.seriesId)]);

  return present(u, events, names, c, actor, series);
};

export const getUpdate = async ({ db, actor, cooperationId, updateId }: { db: Db; actor: Actor; cooperationId: string; updateId: string }) => {
  const c = await loadVisibleCooperation({ db, actor, id: cooperationId });
  const u = await repo.findUpdate(db, c.id, updateId);
  if (!u) throw updateErrors.notFound();

  return presentOne(db, actor, c, u);
};

/**
 * Every change: the cooperation row locked (its state and plan cannot change under us), the actor
 * a party (403 for overseers, 404 for strangers), the cooperation in force (409).
 */
const withCooperation = async <T>({ db, actor }: Deps, cooperationId: string, run: (ctx: Ctx) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    const { cooperation } = await loadForParticipant({ db: tx, actor, id: cooperationId, lock: true });
    if (!policy.isReportableIn(cooperation.state)) throw updateErrors.notReportable({ state: cooperation.state });

    return run({ tx, cooperation });
  });

const loadUpdate = async (ctx: Ctx, id: string) => {
  const u = await repo.findUpdate(ctx.tx, ctx.cooperation.id, id, true);
  if (!u) throw updateErrors.notFound();

  return u;
};

/**
 * The content against the plan and the files: lines of this cooperation (a partner's only on its
 * own activities, refused with 403), evidence uploaded by the sender's organisation or already
 * attached to the revision being reworked or corrected.
 */
const checkContent = async (deps: Deps, ctx: Ctx, input: Content, attached: readonly UpdateEvidence[]) => {
  const names = await namesOf(ctx.tx, ctx.cooperation.id);
  const limit = policy.partnerLimit(deps.actor, ctx.cooperation);
  const problems: FieldProblem[] = policy.lineProblems(
    input,
    names.activities,
    names.indicators.map((i) => ({ ...i, periodOk: (p: string) => isPeriodOf(i.frequency, p) })),
    limit,
  );
  const own = problems.filter(policy.isOwnershipProblem);
  if (own.length) throw fieldErrors(own, deps.lang, updateErrors.activityNotOwn);
  if (input.activityLines.length === 0 && input.indicatorLines.length === 0) problems.push({ path: 'activityLines', code: 'no_lines' });
  const evidence: UpdateEvidence[] = [];
  for (const [i, fileId] of [...new Set(input.evidenceFileIds)].entries()) {
    const known = attached.find((e) => e.fileId === fileId);
    if (known) {
      evidence.push(known);
      continue;
    }
    // A file the sender cannot see, or one another organisation uploaded, is not their evidence.
    const file = await getFile({ db: ctx.tx, actor: deps.actor, id: fileId }).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    if (!file || file.orgId !== deps.actor.orgId) problems.push({ path: `evidenceFileIds.${i}`, code: 'file_not_own' });
    else evidence.push({ fileId: file.id, fileName: file.fileName });
  }
  if (problems.length) throw fieldErrors(problems, deps.lang);

  return {
    asOf: input.asOf,
    narrative: input.narrative,
    activityLines: input.activityLines.map((l): ActivityLine => ({ activityId: l.activityId, progress: l.progress, realisationIdr: l.realisationIdr ?? null })),
    indicatorLines: input.indicatorLines.map((l): IndicatorLine => ({ indicatorId: l.indicatorId, periodKey: l.periodKey, value: l.value })),
    evidence,
  };
};

const event = (deps: Deps, ctx: Ctx, u: UpdateRow, action: UpdateAction, comment: string | null = null) =>
  repo.insertEvent(ctx.tx, { updateId: u.id, at: deps.clock.now(), action, status: u.status, actorId: deps.actor.userId, actorName: deps.actor.name, comment });

const audit = (deps: Deps, ctx: Ctx, u: UpdateRow, action: string, diff: Record<string, unknown>) =>
  recordAudit({
    tx: ctx.tx,
    clock: deps.clock,
    context: deps.audit,
    entry: { action: `monev.update.${action}`, entityType: 'monev_progress_update', entityId: u.id, tenantId: u.tenantId, diff: { cooperationId: ctx.cooperation.id, seriesId: u.seriesId, revision: u.revision, ...diff } },
  });

const figuresView = (u: Pick<UpdateRow, 'asOf' | 'activityLines' | 'indicatorLines' | 'evidence'>) => ({
  asOf: u.asOf,
  activityLines: u.activityLines,
  indicatorLines: u.indicatorLines,
  evidence: u.evidence.map((e) => e.fileId),
});

const SUBMITTED_NOTICE: Pick<Notice, 'title' | 'body'> = {
  title: { id: 'Pembaruan kemajuan {code} menunggu persetujuan', en: 'Progress update for {code} awaits approval' },
  body: { id: '{author} mengirim pembaruan kemajuan (revisi {revision}) untuk “{title}”.', en: '{author} sent a progress update (revision {revision}) for “{title}”.' },
};
const RETURNED_NOTICE: Pick<Notice, 'title' | 'body'> = {
  title: { id: 'Pembaruan kemajuan {code} dikembalikan', en: 'Progress update for {code} returned' },
  body: { id: '{reviewer} mengembalikan pembaruan Anda untuk “{title}”: {comment}', en: '{reviewer} returned your update for “{title}”: {comment}' },
};
const APPROVED_NOTICE: Pick<Notice, 'title' | 'body'> = {
  title: { id: 'Pembaruan kemajuan {code} disetujui', en: 'Progress update for {code} approved' },
  body: { id: '{reviewer} menyetujui pembaruan Anda (revisi {revision}) untuk “{title}”; angkanya kini terkunci.', en: '{reviewer} approved your update (revision {revision}) for “{title}”; its figures are now locked.' },
};

/** In-app only: the reviewing secretariat (not the sender) on submit. */
const notifySecretariat = async (deps: Deps, ctx: Ctx, u: UpdateRow) => {
  const holders = await findRoleHolders({ db: ctx.tx, onDate: jakartaDay(deps.clock.now()), tenantIds: [u.tenantId], roles: [policy.REVIEWER_ROLE] });
  await notify({
    db: ctx.tx,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    recipients: holders.filter((h) => h.id !== deps.actor.userId),
    notice: {
      ...SUBMITTED_NOTICE,
      kind: 'monev.update_submitted',
      params: { code: ctx.cooperation.code, title: ctx.cooperation.title, author: u.authorName, revision: u.revision },
      link: link(ctx.cooperation.id),
      tenantId: u.tenantId,
      email: false,
    },
  });
};

/** In-app only: the sender, when the secretariat decides. */
const notifyAuthor = async (deps: Deps, ctx: Ctx, u: UpdateRow, base: Pick<Notice, 'title' | 'body'>, kind: string, comment = '') => {
  const holders = await findRoleHolders({ db: ctx.tx, onDate: jakartaDay(deps.clock.now()), orgIds: [u.authorOrgId], userIds: [u.authorId] });
  await notify({
    db: ctx.tx,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    recipients: holders,
    notice: {
      ...base,
      kind,
      params: { code: ctx.cooperation.code, title: ctx.cooperation.title, reviewer: deps.actor.name, revision: u.revision, comment },
      link: link(ctx.cooperation.id),
      tenantId: u.tenantId,
      email: false,
    },
  });
};

/** Sends (or drafts) a new progress update: revision 1 of a new series. */
export const createUpdate = (deps: Deps & { cooperationId: string; input: UpdateCreateInput }) =>
  withCooperation(deps, deps.cooperationId, async (ctx) => {
    const tenantId = policy.reviewTenantFor(deps.actor, ctx.cooperation);
    if (!policy.canSubmit(deps.actor, ctx.cooperation) || !tenantId) throw updateErrors.submitForbidden();
    const content = await checkContent(deps, ctx, deps.input, []);
    const status = policy.nextStatus(null, deps.input.submit ? 'submit' : 'save')!;
    const now = deps.clock.now();
    const id = randomUUID();
    const row = await repo.insertUpdate(ctx.tx, {
      id,
      cooperationId: ctx.cooperation.id,
      tenantId,
      seriesId: id,
      revision: 1,
      status,
      ...content,
      authorId: deps.actor.userId,
      authorName: deps.actor.name,
      authorOrgId: deps.actor.orgId,
      submittedAt: status === 'SUBMITTED' ? now : null,
      rowVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await event(deps, ctx, row, status === 'SUBMITTED' ? 'SUBMIT' : 'SAVE');
    await audit(deps, ctx, row, status === 'SUBMITTED' ? 'submit' : 'save', { status, narrative: row.narrative, ...figuresView(row) });
    if (status === 'SUBMITTED') await notifySecretariat(deps, ctx, row);

    return presentOne(ctx.tx, deps.actor, ctx.cooperation, row);
  });

/** Reworks a draft or returned update and, with submit, sends it (again). Approved ones are locked (409). */
export const reworkUpdate = (deps: Deps & { cooperationId: string; updateId: string; input: UpdateReworkInput }) =>
  withCooperation(deps, deps.cooperationId, async (ctx) => {
    const before = await loadUpdate(ctx, deps.updateId);
    if (policy.isLocked(before.status)) throw updateErrors.locked();
    const status = policy.nextStatus(before.status, deps.input.submit ? 'submit' : 'save');
    if (!status) throw updateErrors.wrongStatus({ status: before.status });
    if (!policy.canRework(deps.actor, ctx.cooperation, before)) throw updateErrors.reworkForbidden();
    if (before.rowVersion !== deps.input.expectedVersion) throw updateErrors.stale();
    const content = await checkContent(deps, ctx, deps.input, before.evidence);
    const now = deps.clock.now();
    const after = await repo.updateUpdate(ctx.tx, before.id, before.rowVersion, { ...content, status, submittedAt: status === 'SUBMITTED' ? now : before.submittedAt, updatedAt: now });
    if (!after) throw updateErrors.stale();
    await event(deps, ctx, after, status === 'SUBMITTED' ? 'SUBMIT' : 'SAVE');
    await audit(deps, ctx, after, status === 'SUBMITTED' ? 'resubmit' : 'save', { before: { status: before.status, ...figuresView(before) }, after: { status, ...figuresView(after) } });
    if (status === 'SUBMITTED') await notifySecretariat(deps, ctx, after);

    return presentOne(ctx.tx, deps.actor, ctx.cooperation, after);
  });

/** The reviewing secretariat's door: the update is waiting, the reader reviews it and saw the current version. */
const reviewable = async (deps: Deps, ctx: Ctx, updateId: string, expectedVersion: number) => {
  const u = await loadUpdate(ctx, updateId);
  const block = policy.reviewBlock(deps.actor, u);
  if (block === 'not_secretariat') throw updateErrors.reviewForbidden();
  if (block === 'own_update') throw updateErrors.ownReview();
  if (u.status !== 'SUBMITTED') throw policy.isLocked(u.status) ? updateErrors.locked() : updateErrors.wrongStatus({ status: u.status });
  if (u.rowVersion !== expectedVersion) throw updateErrors.stale();

  return u;
};

/** Sends it back to its author with what to fix. */
export const returnUpdate = (deps: Deps & { cooperationId: string; updateId: string; input: { expectedVersion: number; comment: string } }) =>
  withCooperation(deps, deps.cooperationId, async (ctx) => {
    const u = await reviewable(deps, ctx, deps.updateId, deps.input.expectedVersion);
    const now = deps.clock.now();
    const after = await repo.updateUpdate(ctx.tx, u.id, u.rowVersion, {
      status: policy.nextStatus(u.status, 'return')!,
      reviewComment: deps.input.comment,
      reviewedBy: deps.actor.userId,
      reviewedByName: deps.actor.name,
      reviewedAt: now,
      updatedAt: now,
    });
    if (!after) throw updateErrors.stale();
    await event(deps, ctx, after, 'RETURN', deps.input.comment);
    await audit(deps, ctx, after, 'return', { status: { before: u.status, after: after.status }, comment: deps.input.comment });
    await notifyAuthor(deps, ctx, after, RETURNED_NOTICE, 'monev.update_returned', deps.input.comment);

    return presentOne(ctx.tx, deps.actor, ctx.cooperation, after);
  });

/**
 * Approves: the figures become the plan's (activity progress and realisation, indicator actuals),
 * the approved revision before it in the series is superseded, the plan's roll-up and the
 * monitoring moment reach the cooperation (it is no longer "tidak aktif"), all in one transaction.
 */
export const approveUpdate = (deps: Deps & { cooperationId: string; updateId: string; input: { expectedVersion: number } }) =>
  withCooperation(deps, deps.cooperationId, async (ctx) => {
    const u = await reviewable(deps, ctx, deps.updateId, deps.input.expectedVersion);
    // The plan may have changed since it was sent (an activity deleted): decide on today's plan.
    const names = await namesOf(ctx.tx, ctx.cooperation.id);
    const problems = policy.lineProblems(u, names.activities, names.indicators.map((i) => ({ ...i, periodOk: (p: string) => isPeriodOf(i.frequency, p) })), null);
    if (problems.length) throw fieldErrors(problems, deps.lang);
    const now = deps.clock.now();
    const after = await repo.updateUpdate(ctx.tx, u.id, u.rowVersion, {
      status: policy.nextStatus(u.status, 'approve')!,
      reviewedBy: deps.actor.userId,
      reviewedByName: deps.actor.name,
      reviewedAt: now,
      approvedAt: now,
      updatedAt: now,
    });
    if (!after) throw updateErrors.stale();

    const previous = (await repo.seriesOf(ctx.tx, u.seriesId)).filter((r) => r.id !== u.id && r.status === 'APPROVED');
    for (const p of previous) {
      const superseded = await repo.updateUpdate(ctx.tx, p.id, p.rowVersion, { status: policy.nextStatus(p.status, 'supersede')!, updatedAt: now });
      if (!superseded) throw updateErrors.stale();
      await event(deps, ctx, superseded, 'SUPERSEDE', `Revisi ${after.revision}`);
      // Activities the old revision locked and the new one does not mention stay locked, now by the new revision.
      await repo.moveFiguresLock(ctx.tx, p.id, after.id);
    }
    for (const l of u.activityLines)
      await repo.applyActivityFigures(ctx.tx, l.activityId, {
        progress: l.progress,
        ...(l.realisationIdr !== null ? { realisation: l.realisationIdr } : {}),
        figuresUpdateId: after.id,
        updatedBy: deps.actor.userId,
        updatedAt: now,
      });
    for (const l of u.indicatorLines) {
      const fields = { actual: l.value, note: `Pembaruan kemajuan per ${u.asOf} (revisi ${u.revision})`, recordedBy: deps.actor.userId, recordedAt: now };
      const existing = await indicatorRepo.findValue(ctx.tx, l.indicatorId, l.periodKey, null);
      if (existing) await indicatorRepo.updateValue(ctx.tx, existing.id, fields);
      else await indicatorRepo.insertValue(ctx.tx, { indicatorId: l.indicatorId, period: l.periodKey, regionCode: null, target: null, ...fields });
    }
    // Approved figures are monitoring (the cooperation is no longer "tidak aktif") and move the roll-up up to its KSB.
    const progress = await refreshProgress({ tx: ctx.tx, clock: deps.clock, cooperationId: ctx.cooperation.id });
    await recordMonitoring({
      tx: ctx.tx,
      cooperationId: ctx.cooperation.id,
      monitoredAt: now,
      event: { what: 'UPDATE_APPROVED', at: now, audit: deps.audit, data: { asOf: u.asOf, revision: after.revision, progress: Math.round(progress) } },
    });
    await event(deps, ctx, after, 'APPROVE');
    await audit(deps, ctx, after, 'approve', { status: { before: u.status, after: after.status }, superseded: previous.map((p) => p.id), progress: Math.round(progress * 100) / 100, ...figuresView(after) });
    await notifyAuthor(deps, ctx, after, APPROVED_NOTICE, 'monev.update_approved');

    return presentOne(ctx.tx, deps.actor, ctx.cooperation, after);
  });

/** Corrects an approved update: a new revision of the same series, with its reason, through the same approval. */
export const reviseUpdate = (deps: Deps & { cooperationId: string; updateId: string; input: UpdateReviseInput }) =>
  withCooperation(deps, deps.cooperationId, async (ctx) => {
    const base = await loadUpdate(ctx, deps.updateId);
    if (base.status !== 'APPROVED') throw updateErrors.wrongStatus({ status: base.status });
    if (!policy.canSubmit(deps.actor, ctx.cooperation)) throw updateErrors.submitForbidden();
    const series = await repo.seriesOf(ctx.tx, base.seriesId);
    if (series.some((r) => OPEN.includes(r.status))) throw updateErrors.revisionOpen();
    const content = await checkContent(deps, ctx, deps.input, base.evidence);
    const status = policy.nextStatus(null, deps.input.submit ? 'submit' : 'save')!;
    const now = deps.clock.now();
    const row = await repo.insertUpdate(ctx.tx, {
      cooperationId: ctx.cooperation.id,
      tenantId: base.tenantId,
      seriesId: base.seriesId,
      revision: Math.max(...series.map((r) => r.revision)) + 1,
      supersedesId: base.id,
      status,
      ...content,
      reason: deps.input.reason,
      authorId: deps.actor.userId,
      authorName: deps.actor.name,
      authorOrgId: deps.actor.orgId,
      submittedAt: status === 'SUBMITTED' ? now : null,
      rowVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await event(deps, ctx, row, 'REVISE', deps.input.reason);
    if (status === 'SUBMITTED') await event(deps, ctx, row, 'SUBMIT');
    await audit(deps, ctx, row, 'revise', { supersedesId: base.id, reason: deps.input.reason, status, before: figuresView(base), after: figuresView(row) });
    if (status === 'SUBMITTED') await notifySecretariat(deps, ctx, row);

    return presentOne(ctx.tx, deps.actor, ctx.cooperation, row);
  });

/** The secretariat's queue across the pemda it serves: updates in one status, oldest submission first. */
export const updateQueue = async ({ db, actor, query }: { db: Db; actor: Actor; query: { status: UpdateStatus; limit: number; offset: number } }): Promise<QueueDto> => {
  const tenants = [...new Set(actor.roles.filter((r) => r.role === policy.REVIEWER_ROLE && r.tenantId).map((r) => r.tenantId!))];
  if (tenants.length === 0) throw updateErrors.queueForbidden();
  const { rows, total } = await repo.queue(db, tenants, query.status, query.limit, query.offset);

  return {
    items: rows.map((r) => ({
      id: r.id,
      cooperation: { id: r.cooperationId, code: r.code, title: r.title },
      revision: r.revision,
      status: r.status,
      asOf: r.asOf,
      authorName: r.authorName,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    })),
    total,
    limit: query.limit,
    offset: query.offset,
  };
};
