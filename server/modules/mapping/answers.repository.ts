import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { mappingAnswer as answer, mappingAnswerEvent as event, type AnswerEventRow, type AnswerRow } from './answers.tables.js';

/** The only SQL of OPD answers. Lookups are by cycle and OPD: one answer per OPD per cycle. */

export const findAnswer = async (db: Db, cycleId: string, orgId: string, lock = false): Promise<AnswerRow | undefined> => {
  const q = db.select().from(answer).where(and(eq(answer.cycleId, cycleId), eq(answer.orgId, orgId))).limit(1);

  return (lock ? await q.for('update') : await q)[0];
};

export const insertAnswer = async (db: Db, row: typeof answer.$inferInsert): Promise<AnswerRow> => (await db.insert(answer).values(row).returning())[0]!;

export const updateAnswer = async (db: Db, id: string, expectedVersion: number, patch: Partial<typeof answer.$inferInsert>): Promise<AnswerRow | undefined> =>
  (
    await db
      .update(answer)
      .set({ ...patch, rowVersion: sql`${answer.rowVersion} + 1` })
      .where(and(eq(answer.id, id), eq(answer.rowVersion, expectedVersion)))
      .returning()
  )[0];

export const insertEvent = async (db: Db, row: typeof event.$inferInsert) => {
  await db.insert(event).values(row);
};

export const eventsOf = (db: Db, answerId: string): Promise<AnswerEventRow[]> => db.select().from(event).where(eq(event.answerId, answerId)).orderBy(asc(event.at), asc(event.id));
