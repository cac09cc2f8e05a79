import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { cooperationTable as cooperation } from '../cooperations/index.js';
import { monevIndicator as indicator } from './indicators.tables.js';
import { monevProgressUpdate as update, monevProgressUpdateEvent as event, type UpdateEventRow, type UpdateRow, type UpdateStatus } from './updates.tables.js';
import { workPlanActivity as activity } from './workplan.tables.js';

/** The only SQL of progress updates. Lookups are scoped to their cooperation, so an id from another one is simply absent. */

export const listUpdates = (db: Db, cooperationId: string): Promise<UpdateRow[]> =>
  db.select().from(update).where(eq(update.cooperationId, cooperationId)).orderBy(desc(update.createdAt), desc(update.revision));

export const findUpdate = async (db: Db, cooperationId: string, id: string, lock = false): Promise<UpdateRow | undefined> => {
  const q = db.select().from(update).where(and(eq(update.cooperationId, cooperationId), eq(update.id, id))).limit(1);

  return (lock ? await q.for('update') : await q)[0];
};

export const seriesOf = (db: Db, seriesId: string): Promise<UpdateRow[]> => db.select().from(update).where(eq(update.seriesId, seriesId)).orderBy(desc(update.revision));

export const insertUpdate = async (db: Db, row: typeof update.$inferInsert): Promise<UpdateRow> => (await db.insert(update).values(row).returning())[0]!;

/** Applies a change only if the row is still at the expected version; undefined when someone else changed it first. */
export const updateUpdate = async (db: Db, id: string, expectedVersion: number, patch: Partial<typeof update.$inferInsert>): Promise<UpdateRow | undefined> =>
  (
    await db
      .update(update)
      .set({ ...patch, rowVersion: sql`${update.rowVersion} + 1` })
      .where(and(eq(update.id, id), eq(update.rowVersion, expectedVersion)))
      .returning()
  )[0];

export const insertEvent = async (db: Db, row: typeof event.$inferInsert) => {
  await db.insert(event).values(row);
};

export const eventsOf = async (db: Db, updateIds: readonly string[]): Promise<UpdateEventRow[]> =>
  updateIds.length === 0 ? [] : db.select().from(event).where(inArray(event.updateId, [...updateIds])).orderBy(asc(event.at), asc(event.id));

export type ActivityFact = { id: string; name: string; responsibleOrgId: string; status: string; progress: number; realisation: string; weight: string; rowVersion: number; figuresUpdateId: string | null };

export const activitiesOf = (db: Db, cooperationId: string): Promise<ActivityFact[]> =>
  db
    .select({
      id: activity.id,
      name: activity.name,
      responsibleOrgId: activity.responsibleOrgId,
      status: activity.status,
      progress: activity.progress,
      realisation: activity.realisation,
      weight: activity.weight,
      rowVersion: activity.rowVersion,
      figuresUpdateId: activity.figuresUpdateId,
    })
    .from(activity)
    .where(eq(activity.cooperationId, cooperationId))
    .orderBy(asc(activity.plannedStart), asc(activity.createdAt));

export type IndicatorFact = { id: string; name: string; unit: string; activityId: string | null; byRegion: boolean; frequency: 'MONTHLY' | 'QUARTERLY' | 'SEMESTER' | 'YEARLY' };

export const indicatorsOf = (db: Db, cooperationId: string): Promise<IndicatorFact[]> =>
  db
    .select({ id: indicator.id, name: indicator.name, unit: indicator.unit, activityId: indicator.activityId, byRegion: indicator.byRegion, frequency: indicator.frequency })
    .from(indicator)
    .where(eq(indicator.cooperationId, cooperationId));

/** Writes approved figures onto an activity and marks where they came from; the row version moves so open edit forms go stale. */
export const applyActivityFigures = async (db: Db, id: string, patch: { progress: number; realisation?: string; figuresUpdateId: string; updatedBy: string; updatedAt: Date }) => {
  await db
    .update(activity)
    .set({ ...patch, rowVersion: sql`${activity.rowVersion} + 1` })
    .where(eq(activity.id, id));
};

/** The secretariat's queue: one status across the given pemda, oldest submission first (served by the (tenant_id, status, submitted_at) index). */
export const queue = async (db: Db, tenantIds: readonly string[], status: UpdateStatus, limit: number, offset: number) => {
  const where = and(inArray(update.tenantId, [...tenantIds]), eq(update.status, status));
  const [rows, total] = await Promise.all([
    db
      .select({
        id: update.id,
        cooperationId: update.cooperationId,
        code: cooperation.code,
        title: cooperation.title,
        revision: update.revision,
        status: update.status,
        asOf: update.asOf,
        authorName: update.authorName,
        submittedAt: update.submittedAt,
      })
      .from(update)
      .innerJoin(cooperation, eq(cooperation.id, update.cooperationId))
      .where(where)
      .orderBy(asc(update.submittedAt), asc(update.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(update).where(where),
  ]);

  return { rows, total: Number(total[0]?.n ?? 0) };
};

/** Activities locked by a superseded revision are locked by its successor from now on. */
export const moveFiguresLock = async (db: Db, fromUpdateId: string, toUpdateId: string) => {
  await db.update(activity).set({ figuresUpdateId: toUpdateId }).where(eq(activity.figuresUpdateId, fromUpdateId));
};
