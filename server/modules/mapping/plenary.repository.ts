import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import { mappingPlenary as plenary, mappingScore as score, type PlenaryRow } from './plenary.tables.js';
import { mappingPotential as potential, type PotentialStatus } from './potentials.tables.js';

/** The only SQL of the TKKSD plenary: scores, the decision, and the status moves it makes. */

export type RankableFact = { id: string; title: string; kind: string; status: PotentialStatus; orgName: string; urusanCodes: string[]; costEstimateIdr: string | null; rowVersion: number };

/** The cycle's items the plenary discusses (all but cancelled ones), with their OPD's name. */
export const rankableItems = (db: Db, cycleId: string): Promise<RankableFact[]> =>
  db
    .select({
      id: potential.id,
      title: potential.title,
      kind: potential.kind,
      status: potential.status,
      orgName: organization.name,
      urusanCodes: potential.urusanCodes,
      costEstimateIdr: potential.costEstimateIdr,
      rowVersion: potential.rowVersion,
    })
    .from(potential)
    .innerJoin(organization, eq(organization.id, potential.orgId))
    .where(and(eq(potential.cycleId, cycleId), ne(potential.status, 'DIBATALKAN')))
    .orderBy(asc(potential.title), asc(potential.id));

export const scoresOf = async (db: Db, potentialIds: readonly string[]) =>
  potentialIds.length ? db.select({ potentialId: score.potentialId, criterion: score.criterion, score: score.score }).from(score).where(inArray(score.potentialId, [...potentialIds])) : [];

/** Sets scores (insert or replace); a null clears one. */
export const writeScores = async (db: Db, rows: readonly { potentialId: string; criterion: string; score: number | null }[], by: string, at: Date) => {
  for (const r of rows.filter((x) => x.score === null)) await db.delete(score).where(and(eq(score.potentialId, r.potentialId), eq(score.criterion, r.criterion)));
  const set = rows.filter((x) => x.score !== null).map((r) => ({ potentialId: r.potentialId, criterion: r.criterion, score: r.score!, scoredBy: by, scoredAt: at }));
  if (set.length)
    await db
      .insert(score)
      .values(set)
      .onConflictDoUpdate({ target: [score.potentialId, score.criterion], set: { score: sql`excluded.score`, scoredBy: sql`excluded.scored_by`, scoredAt: sql`excluded.scored_at` } });
};

export const findPlenary = async (db: Db, cycleId: string, lock = false): Promise<PlenaryRow | undefined> => {
  const q = db.select().from(plenary).where(eq(plenary.cycleId, cycleId)).limit(1);

  return (lock ? await q.for('update') : await q)[0];
};

/** Writes the decision: a first one inserts, a later one replaces it if the version still matches. */
export const savePlenary = async (db: Db, row: Omit<PlenaryRow, 'rowVersion'>, expectedVersion: number): Promise<PlenaryRow | undefined> => {
  if (expectedVersion === 0) return (await db.insert(plenary).values({ ...row, rowVersion: 1 }).onConflictDoNothing().returning())[0];

  return (
    await db
      .update(plenary)
      .set({ ...row, rowVersion: expectedVersion + 1 })
      .where(and(eq(plenary.cycleId, row.cycleId), eq(plenary.rowVersion, expectedVersion)))
      .returning()
  )[0];
};

/** Moves items to a status with a reason (row versions go up); only those still in `from` move. */
export const moveStatus = async (db: Db, ids: readonly string[], from: PotentialStatus, to: PotentialStatus, reason: string, at: Date) =>
  ids.length
    ? (
        await db
          .update(potential)
          .set({ status: to, statusReason: reason, rowVersion: sql`${potential.rowVersion} + 1`, updatedAt: at })
          .where(and(inArray(potential.id, [...ids]), eq(potential.status, from)))
          .returning({ id: potential.id })
      ).map((r) => r.id)
    : [];
