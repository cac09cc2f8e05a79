import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { monevDormancyStep } from './reminders.tables.js';

export type DormancyStepRow = typeof monevDormancyStep.$inferSelect;

/** Every recorded step of these cooperations (all episodes), oldest first. */
export const listSteps = async (db: Db, cooperationIds: readonly string[]) =>
  cooperationIds.length
    ? db.select().from(monevDormancyStep).where(inArray(monevDormancyStep.cooperationId, [...cooperationIds])).orderBy(asc(monevDormancyStep.episodeStart), asc(monevDormancyStep.step))
    : [];

export const listEpisodeSteps = (db: Db, cooperationId: string, episodeStart: string) =>
  db
    .select()
    .from(monevDormancyStep)
    .where(and(eq(monevDormancyStep.cooperationId, cooperationId), eq(monevDormancyStep.episodeStart, episodeStart)))
    .orderBy(asc(monevDormancyStep.step));

/** Records a step; false when another run recorded it first (the primary key decides, so it is told once). */
export const insertStep = async (db: Db, row: typeof monevDormancyStep.$inferInsert) =>
  (await db.insert(monevDormancyStep).values(row).onConflictDoNothing().returning({ step: monevDormancyStep.step })).length > 0;

export const setRecipients = async (db: Db, cooperationId: string, episodeStart: string, step: number, recipients: number) => {
  await db
    .update(monevDormancyStep)
    .set({ recipients })
    .where(and(eq(monevDormancyStep.cooperationId, cooperationId), eq(monevDormancyStep.episodeStart, episodeStart), eq(monevDormancyStep.step, step)));
};
