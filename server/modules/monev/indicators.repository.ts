import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { monevIndicator as indicator, monevIndicatorValue as value, type IndicatorRow, type IndicatorValueRow } from './indicators.tables.js';
import { workPlanActivity as activity } from './workplan.tables.js';

/** The only SQL of indicators. Every lookup is scoped to its cooperation, so an id from another one is simply absent. */

export const listIndicators = (db: Db, cooperationId: string): Promise<IndicatorRow[]> =>
  db.select().from(indicator).where(eq(indicator.cooperationId, cooperationId)).orderBy(asc(indicator.createdAt), asc(indicator.name), asc(indicator.id));

export const listValues = async (db: Db, indicatorIds: readonly string[]): Promise<IndicatorValueRow[]> =>
  indicatorIds.length === 0 ? [] : db.select().from(value).where(inArray(value.indicatorId, [...indicatorIds])).orderBy(asc(value.period), asc(value.regionCode));

export const findIndicator = async (db: Db, cooperationId: string, id: string): Promise<IndicatorRow | undefined> =>
  (await db.select().from(indicator).where(and(eq(indicator.cooperationId, cooperationId), eq(indicator.id, id))).limit(1))[0];

export const insertIndicator = async (db: Db, row: typeof indicator.$inferInsert): Promise<IndicatorRow> => (await db.insert(indicator).values(row).returning())[0]!;

/** Applies a change only if the row is still at the expected version; undefined when someone else changed it first. */
export const updateIndicator = async (db: Db, id: string, expectedVersion: number, patch: Partial<typeof indicator.$inferInsert>): Promise<IndicatorRow | undefined> =>
  (
    await db
      .update(indicator)
      .set({ ...patch, rowVersion: sql`${indicator.rowVersion} + 1` })
      .where(and(eq(indicator.id, id), eq(indicator.rowVersion, expectedVersion)))
      .returning()
  )[0];

/** Removes an indicator and (by cascade) its values. */
export const deleteIndicator = async (db: Db, id: string) => {
  await db.delete(indicator).where(eq(indicator.id, id));
};

export const findValue = async (db: Db, indicatorId: string, period: string, regionCode: string | null): Promise<IndicatorValueRow | undefined> =>
  (
    await db
      .select()
      .from(value)
      .where(and(eq(value.indicatorId, indicatorId), eq(value.period, period), regionCode === null ? sql`${value.regionCode} IS NULL` : eq(value.regionCode, regionCode)))
      .limit(1)
  )[0];

export const insertValue = async (db: Db, row: typeof value.$inferInsert): Promise<IndicatorValueRow> => (await db.insert(value).values(row).returning())[0]!;

export const updateValue = async (db: Db, id: string, patch: Partial<typeof value.$inferInsert>): Promise<IndicatorValueRow> =>
  (await db.update(value).set(patch).where(eq(value.id, id)).returning())[0]!;

export const countValues = async (db: Db, indicatorId: string) =>
  Number((await db.select({ n: sql<number>`count(*)::int` }).from(value).where(eq(value.indicatorId, indicatorId)))[0]?.n ?? 0);

export type ActivityRef = { id: string; name: string; weight: string };

/** The work plan activities of a cooperation: names for presenting, weights for the roll-up. */
export const activitiesOf = (db: Db, cooperationId: string): Promise<ActivityRef[]> =>
  db.select({ id: activity.id, name: activity.name, weight: activity.weight }).from(activity).where(eq(activity.cooperationId, cooperationId)).orderBy(asc(activity.plannedStart), asc(activity.createdAt));
