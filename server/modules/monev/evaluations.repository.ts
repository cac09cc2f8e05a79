import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { monevEvaluation, monevRating } from './evaluations.tables.js';

export type EvaluationRow = typeof monevEvaluation.$inferSelect;
export type RatingRow = typeof monevRating.$inferSelect;

const evaluationColumns = {
  id: monevEvaluation.id,
  cooperationId: monevEvaluation.cooperationId,
  tenantId: monevEvaluation.tenantId,
  period: monevEvaluation.period,
  isFinal: monevEvaluation.isFinal,
  status: monevEvaluation.status,
  rubricVersion: monevEvaluation.rubricVersion,
  rubric: monevEvaluation.rubric,
  score: monevEvaluation.score,
  findings: monevEvaluation.findings,
  recommendation: monevEvaluation.recommendation,
  openedBy: monevEvaluation.openedBy,
  openedAt: monevEvaluation.openedAt,
  finalisedBy: monevEvaluation.finalisedBy,
  finalisedAt: monevEvaluation.finalisedAt,
};

const ratingColumns = {
  evaluationId: monevRating.evaluationId,
  criterion: monevRating.criterion,
  raterUserId: monevRating.raterUserId,
  raterName: monevRating.raterName,
  raterRole: monevRating.raterRole,
  raterOrgId: monevRating.raterOrgId,
  score: monevRating.score,
  note: monevRating.note,
  evidence: monevRating.evidence,
  updatedAt: monevRating.updatedAt,
};

export const insertEvaluation = async (db: Db, row: typeof monevEvaluation.$inferInsert): Promise<EvaluationRow> =>
  (await db.insert(monevEvaluation).values(row).returning(evaluationColumns))[0]!;

export const findEvaluation = async (db: Db, id: string): Promise<EvaluationRow | null> =>
  (await db.select(evaluationColumns).from(monevEvaluation).where(eq(monevEvaluation.id, id)))[0] ?? null;

/** The row under a lock: ratings and finalisation of one evaluation take turns. */
export const lockEvaluation = async (db: Db, id: string): Promise<EvaluationRow | null> =>
  (await db.select(evaluationColumns).from(monevEvaluation).where(eq(monevEvaluation.id, id)).for('update'))[0] ?? null;

export const findOpenEvaluation = async (db: Db, cooperationId: string, period: string, tenantId: string) =>
  (
    await db
      .select({ id: monevEvaluation.id })
      .from(monevEvaluation)
      .where(and(eq(monevEvaluation.cooperationId, cooperationId), eq(monevEvaluation.period, period), eq(monevEvaluation.tenantId, tenantId), eq(monevEvaluation.status, 'OPEN')))
  )[0] ?? null;

export const listEvaluations = (db: Db, cooperationId: string): Promise<EvaluationRow[]> =>
  db.select(evaluationColumns).from(monevEvaluation).where(eq(monevEvaluation.cooperationId, cooperationId)).orderBy(desc(monevEvaluation.period), desc(monevEvaluation.openedAt));

export const finaliseEvaluation = async (
  db: Db,
  id: string,
  values: { score: string; findings: string; recommendation: 'LANJUT' | 'PERBAIKI' | 'HENTIKAN'; finalisedBy: string; finalisedAt: Date },
): Promise<EvaluationRow> =>
  (await db.update(monevEvaluation).set({ ...values, status: 'FINAL' }).where(eq(monevEvaluation.id, id)).returning(evaluationColumns))[0]!;

export const listRatings = async (db: Db, evaluationIds: readonly string[]): Promise<RatingRow[]> =>
  evaluationIds.length === 0
    ? []
    : db
        .select(ratingColumns)
        .from(monevRating)
        .where(inArray(monevRating.evaluationId, [...evaluationIds]))
        .orderBy(asc(monevRating.raterName), asc(monevRating.criterion));

/** Replaces a rater's whole set of ratings on one evaluation. */
export const replaceRatings = async (db: Db, evaluationId: string, raterUserId: string, rows: (typeof monevRating.$inferInsert)[]) => {
  await db.delete(monevRating).where(and(eq(monevRating.evaluationId, evaluationId), eq(monevRating.raterUserId, raterUserId)));
  if (rows.length > 0) await db.insert(monevRating).values(rows);
};
