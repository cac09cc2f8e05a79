import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { jakartaDay, loadVisibleCooperation, recordMonitoring } from '../cooperations/index.js';
import { getFile } from '../files/index.js';
import { getOrganizationSummary } from '../organizations/index.js';
import { evaluationErrors } from './evaluations.errors.js';
import {
  computeScore,
  criterionMeans,
  ENDED_STATES,
  EVALUABLE_STATES,
  isSecretariatOf,
  latestAndTrend,
  misplacedRatings,
  raterRolesOf,
  type RaterRole,
} from './evaluations.models.js';
import * as repo from './evaluations.repository.js';
import type { EvaluationOpenInput, FinaliseInput, RatingsPutInput } from './evaluations.schemas.js';
import type { Evidence } from './evaluations.tables.js';
import { rubricInForce } from './rubric.usecases.js';

type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor };
type Cooperation = Awaited<ReturnType<typeof loadVisibleCooperation>>;

const toScore = (n: number | null) => (n === null ? null : n.toFixed(2));

/** Party pemda whose secretariat the actor is: they open evaluations for that pemda. */
const secretariatTenants = (actor: Actor, c: Cooperation) => c.partyTenantIds.filter((t) => isSecretariatOf(actor.roles, t));

const isEvaluable = (state: string) => (EVALUABLE_STATES as readonly string[]).includes(state);

/**
 * The evaluation and its cooperation, for someone who may read the cooperation; anyone else is
 * told the evaluation does not exist.
 */
const loadEvaluation = async ({ db, actor, id, lock = false }: { db: Db; actor: Actor; id: string; lock?: boolean }) => {
  const evaluation = lock ? await repo.lockEvaluation(db, id) : await repo.findEvaluation(db, id);
  if (!evaluation) throw evaluationErrors.notFound();
  const cooperation = await loadVisibleCooperation({ db, actor, id: evaluation.cooperationId }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) throw evaluationErrors.notFound();
    throw err;
  });

  return { evaluation, cooperation };
};

/** Opens an evaluation for a period, snapshotting the opening pemda's rubric in force today. */
export const openEvaluation = async ({ db, clock, audit, actor, cooperationId, input }: Deps & { cooperationId: string; input: EvaluationOpenInput }) =>
  db.transaction(async (tx) => {
    // The cooperation row lock serialises two secretariats opening the same period at once.
    const cooperation = await loadVisibleCooperation({ db: tx, actor, id: cooperationId, lock: true });
    const tenants = secretariatTenants(actor, cooperation);
    if (tenants.length === 0) throw evaluationErrors.openForbidden();
    const tenantId = tenants.includes(actor.tenantId ?? '') ? actor.tenantId! : tenants[0]!;
    if (!isEvaluable(cooperation.state)) throw evaluationErrors.notInForce({ state: cooperation.state });
    if (await repo.findOpenEvaluation(tx, cooperation.id, input.period, tenantId)) throw evaluationErrors.alreadyOpen({ period: input.period });
    const { version, rubric } = await rubricInForce({ db: tx, tenantId, onDate: jakartaDay(clock.now()) });
    const row = await repo.insertEvaluation(tx, {
      cooperationId: cooperation.id,
      tenantId,
      period: input.period,
      isFinal: (ENDED_STATES as readonly string[]).includes(cooperation.state),
      status: 'OPEN',
      rubricVersion: version,
      rubric,
      openedBy: actor.userId,
      openedAt: clock.now(),
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: {
        action: 'monev.evaluation.open',
        entityType: 'monev_evaluation',
        entityId: row.id,
        tenantId,
        diff: changeSet(null, { cooperationId: cooperation.id, period: row.period, isFinal: row.isFinal, rubricVersion: version }),
      },
    });

    return row;
  });

const tenantNames = async (db: Db, ids: readonly string[]) => {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) out.set(id, (await getOrganizationSummary({ db, id })).name);

  return out;
};

const summarise = (e: repo.EvaluationRow, ratings: readonly repo.RatingRow[], names: Map<string, string>) => {
  const own = ratings.filter((r) => r.evaluationId === e.id);

  return {
    id: e.id,
    cooperationId: e.cooperationId,
    tenantId: e.tenantId,
    tenantName: names.get(e.tenantId) ?? '',
    period: e.period,
    isFinal: e.isFinal,
    status: e.status,
    score: e.status === 'FINAL' ? e.score : toScore(computeScore(e.rubric.criteria, own)),
    recommendation: e.recommendation,
    raterCount: new Set(own.map((r) => r.raterUserId)).size,
    openedAt: e.openedAt.toISOString(),
    finalisedAt: e.finalisedAt?.toISOString() ?? null,
  };
};

/** A cooperation's evaluations, its latest finalised score and the trend from the one before. */
export const listEvaluations = async ({ db, actor, cooperationId }: { db: Db; actor: Actor; cooperationId: string }) => {
  const cooperation = await loadVisibleCooperation({ db, actor, id: cooperationId });
  const rows = await repo.listEvaluations(db, cooperation.id);
  const ratings = await repo.listRatings(db, rows.map((r) => r.id));
  const names = await tenantNames(db, rows.map((r) => r.tenantId));
  const finalised = rows
    .filter((r) => r.status === 'FINAL' && r.finalisedAt)
    .map((r) => ({ period: r.period, finalisedAt: r.finalisedAt!, score: r.score === null ? null : Number(r.score) }));
  const { latest, previous, trend } = latestAndTrend(finalised);
  const point = (p: { period: string; score: number } | null) => (p ? { period: p.period, score: p.score.toFixed(2) } : null);

  return {
    items: rows.map((r) => summarise(r, ratings, names)),
    latest: point(latest),
    previous: point(previous),
    trend,
    canOpen: isEvaluable(cooperation.state) && secretariatTenants(actor, cooperation).length > 0,
  };
};

const presentRating = (r: repo.RatingRow) => ({
  raterUserId: r.raterUserId,
  raterName: r.raterName,
  raterRole: r.raterRole,
  criterion: r.criterion,
  score: r.score,
  note: r.note,
  evidence: r.evidence,
  updatedAt: r.updatedAt.toISOString(),
});

/** One evaluation: its rubric, everyone's ratings, the caller's own, the score so far and what the caller may do. */
export const getEvaluation = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  const { evaluation: e, cooperation } = await loadEvaluation({ db, actor, id });
  const ratings = await repo.listRatings(db, [e.id]);
  const names = await tenantNames(db, [e.tenantId]);
  const roles = raterRolesOf(actor.roles, { tenantId: e.tenantId, partyOrgIds: cooperation.partyOrgIds });
  const mine = ratings.filter((r) => r.raterUserId === actor.userId);
  const open = e.status === 'OPEN';
  const means = criterionMeans(e.rubric.criteria, ratings);

  return {
    ...summarise(e, ratings, names),
    cooperation: { id: cooperation.id, code: cooperation.code, title: cooperation.title, state: cooperation.state },
    rubricVersion: e.rubricVersion,
    criteria: e.rubric.criteria.map((c, i) => ({ ...c, raters: means[i]?.raters ?? 0, mean: means[i]?.mean ?? null })),
    findings: e.findings,
    ratings: ratings.map(presentRating),
    mine: { roles, role: mine[0]?.raterRole ?? null, ratings: mine.map(presentRating) },
    canRate: open && roles.length > 0,
    canFinalise: open && isSecretariatOf(actor.roles, e.tenantId),
  };
};

/** Field errors of a rating set: unknown criteria, criteria the role does not rate, repeats, and evidence files. */
const ratingProblems = async ({
  db,
  actor,
  lang,
  rubric,
  role,
  input,
  previous,
}: {
  db: Db;
  actor: Actor;
  lang: Lang;
  rubric: repo.EvaluationRow['rubric'];
  role: RaterRole;
  input: RatingsPutInput['ratings'];
  previous: readonly repo.RatingRow[];
}) => {
  const id = lang === 'id';
  const problems: FieldError[] = [];
  const evidence = new Map<number, Evidence[]>();
  const misplaced = new Set(misplacedRatings(rubric, role, input.map((r) => r.criterion)));
  const alreadyAttached = new Map(previous.flatMap((r) => r.evidence.map((e) => [e.fileId, e] as const)));
  const seen = new Set<string>();
  for (const [i, rating] of input.entries()) {
    if (misplaced.has(rating.criterion)) {
      const known = rubric.criteria.some((c) => c.code === rating.criterion);
      problems.push({
        path: `ratings.${i}.criterion`,
        code: known ? 'role_not_rater' : 'unknown_criterion',
        message: known
          ? id ? `Peran ${role} tidak menilai kriteria ini.` : `The role ${role} does not rate this criterion.`
          : id ? 'Kriteria tidak ada dalam rubrik evaluasi ini.' : 'This criterion is not in the evaluation rubric.',
      });
    }
    if (seen.has(rating.criterion))
      problems.push({ path: `ratings.${i}.criterion`, code: 'duplicate', message: id ? 'Kriteria ini dinilai dua kali.' : 'This criterion is rated twice.' });
    seen.add(rating.criterion);
    const files: Evidence[] = [];
    for (const [j, fileId] of rating.evidenceFileIds.entries()) {
      const attached = alreadyAttached.get(fileId);
      if (attached) {
        files.push(attached);
        continue;
      }
      // A file the rater cannot see, or one another organisation uploaded, is not their evidence.
      const file = await getFile({ db, actor, id: fileId }).catch((err: unknown) => {
        if (err instanceof AppError && err.status === 404) return null;
        throw err;
      });
      if (!file || file.orgId !== actor.orgId) {
        problems.push({
          path: `ratings.${i}.evidenceFileIds.${j}`,
          code: 'file_not_own',
          message: id ? 'Berkas tidak ditemukan atau tidak diunggah oleh organisasi Anda.' : 'The file does not exist or was not uploaded by your organisation.',
        });
        continue;
      }
      files.push({ fileId: file.id, fileName: file.fileName });
    }
    evidence.set(i, files);
  }

  return { problems, evidence };
};

/**
 * Replaces the caller's whole set of ratings while the evaluation is open. The caller rates as one
 * of the rater roles they hold for the evaluating pemda (or as a partner of a party organisation).
 */
export const putRatings = async ({ db, clock, audit, actor, lang, id, input }: Deps & { lang: Lang; id: string; input: RatingsPutInput }) =>
  db.transaction(async (tx) => {
    const { evaluation: e, cooperation } = await loadEvaluation({ db: tx, actor, id, lock: true });
    if (e.status === 'FINAL') throw evaluationErrors.finalised();
    const roles = raterRolesOf(actor.roles, { tenantId: e.tenantId, partyOrgIds: cooperation.partyOrgIds });
    const role = input.role ?? roles[0];
    if (!role || !roles.includes(role)) throw evaluationErrors.notRater();
    const previous = (await repo.listRatings(tx, [e.id])).filter((r) => r.raterUserId === actor.userId);
    const { problems, evidence } = await ratingProblems({ db: tx, actor, lang, rubric: e.rubric, role, input: input.ratings, previous });
    if (problems.length > 0) throw new AppError(evaluationErrors.ratingsInvalid.definition, {}, problems);
    const now = clock.now();
    await repo.replaceRatings(
      tx,
      e.id,
      actor.userId,
      input.ratings.map((r, i) => ({
        evaluationId: e.id,
        criterion: r.criterion,
        raterUserId: actor.userId,
        raterName: actor.name,
        raterRole: role,
        raterOrgId: actor.orgId,
        score: r.score,
        note: r.note,
        evidence: evidence.get(i) ?? [],
        updatedAt: now,
      })),
    );
    const asRecord = (rows: readonly { criterion: string; score: number; note: string; evidence: readonly { fileId: string }[] }[]) =>
      Object.fromEntries(rows.map((r) => [r.criterion, { score: r.score, note: r.note, evidence: r.evidence.map((f) => f.fileId) }]));
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: {
        action: 'monev.evaluation.rate',
        entityType: 'monev_evaluation',
        entityId: e.id,
        tenantId: e.tenantId,
        diff: {
          role,
          ...changeSet(asRecord(previous), asRecord(input.ratings.map((r, i) => ({ ...r, evidence: evidence.get(i) ?? [] })))),
        },
      },
    });
  });

/** The secretariat of the evaluating pemda closes the evaluation: the score is fixed and everything locks. */
export const finaliseEvaluation = async ({ db, clock, audit, actor, id, input }: Deps & { id: string; input: FinaliseInput }) =>
  db.transaction(async (tx) => {
    const { evaluation: e } = await loadEvaluation({ db: tx, actor, id, lock: true });
    if (e.status === 'FINAL') throw evaluationErrors.finalised();
    if (!isSecretariatOf(actor.roles, e.tenantId)) throw evaluationErrors.finaliseForbidden();
    const score = computeScore(e.rubric.criteria, await repo.listRatings(tx, [e.id]));
    if (score === null) throw evaluationErrors.nothingRated();
    const row = await repo.finaliseEvaluation(tx, e.id, {
      score: score.toFixed(2),
      findings: input.findings,
      recommendation: input.recommendation,
      finalisedBy: actor.userId,
      finalisedAt: clock.now(),
    });
    // A finalised evaluation is monitoring: the cooperation is no longer "tidak aktif".
    await recordMonitoring({
      tx,
      cooperationId: e.cooperationId,
      monitoredAt: clock.now(),
      event: { what: 'EVALUATION_FINALISED', at: clock.now(), audit, data: { score: row.score, recommendation: row.recommendation } },
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: {
        action: 'monev.evaluation.finalise',
        entityType: 'monev_evaluation',
        entityId: e.id,
        tenantId: e.tenantId,
        diff: changeSet({ status: 'OPEN', score: null, findings: null, recommendation: null }, { status: 'FINAL', score: row.score, findings: row.findings, recommendation: row.recommendation }),
      },
    });

    return row;
  });
