import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { monevRubric } from './evaluations.tables.js';

export type RubricRow = typeof monevRubric.$inferSelect;

const columns = {
  id: monevRubric.id,
  tenantId: monevRubric.tenantId,
  version: monevRubric.version,
  validFrom: monevRubric.validFrom,
  rubric: monevRubric.rubric,
  note: monevRubric.note,
  createdBy: monevRubric.createdBy,
  createdAt: monevRubric.createdAt,
};

/** A pemda's published rubric versions, newest first. */
export const listRubricVersions = (db: Db, tenantId: string): Promise<RubricRow[]> =>
  db.select(columns).from(monevRubric).where(eq(monevRubric.tenantId, tenantId)).orderBy(desc(monevRubric.version));

/** Serialises publishing per pemda so two versions never get the same number. */
export const lockRubrics = async (db: Db, tenantId: string) => {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`monev_rubric:${tenantId}`}))`);
};

export const maxRubricVersion = async (db: Db, tenantId: string) =>
  (await db.select({ v: sql<number>`coalesce(max(${monevRubric.version}), 0)`.mapWith(Number) }).from(monevRubric).where(eq(monevRubric.tenantId, tenantId)))[0]?.v ?? 0;

export const insertRubric = async (db: Db, row: typeof monevRubric.$inferInsert) => (await db.insert(monevRubric).values(row).returning(columns))[0]!;
