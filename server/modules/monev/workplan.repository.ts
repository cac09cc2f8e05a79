import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import { workPlanActivity as activity, workPlanMilestone as milestone, workPlanObligation as obligation, type ActivityRow, type MilestoneRow, type ObligationRow } from './workplan.tables.js';

/** The only SQL of the work plan. Every lookup is scoped to its cooperation, so an id from another one is simply absent. */

export const listActivities = (db: Db, cooperationId: string): Promise<ActivityRow[]> =>
  db.select().from(activity).where(eq(activity.cooperationId, cooperationId)).orderBy(asc(activity.plannedStart), asc(activity.createdAt));

export const listObligations = (db: Db, cooperationId: string): Promise<ObligationRow[]> =>
  db.select().from(obligation).where(eq(obligation.cooperationId, cooperationId)).orderBy(sql`${obligation.dueDate} ASC NULLS LAST`, asc(obligation.createdAt));

export const listMilestones = (db: Db, cooperationId: string): Promise<MilestoneRow[]> =>
  db.select().from(milestone).where(eq(milestone.cooperationId, cooperationId)).orderBy(asc(milestone.dueDate), asc(milestone.createdAt));

export const findActivity = async (db: Db, cooperationId: string, id: string): Promise<ActivityRow | undefined> =>
  (await db.select().from(activity).where(and(eq(activity.cooperationId, cooperationId), eq(activity.id, id))).limit(1))[0];

export const findObligation = async (db: Db, cooperationId: string, id: string): Promise<ObligationRow | undefined> =>
  (await db.select().from(obligation).where(and(eq(obligation.cooperationId, cooperationId), eq(obligation.id, id))).limit(1))[0];

export const findMilestone = async (db: Db, cooperationId: string, id: string): Promise<MilestoneRow | undefined> =>
  (await db.select().from(milestone).where(and(eq(milestone.cooperationId, cooperationId), eq(milestone.id, id))).limit(1))[0];

export const insertActivity = async (db: Db, row: typeof activity.$inferInsert): Promise<ActivityRow> => (await db.insert(activity).values(row).returning())[0]!;
export const insertObligation = async (db: Db, row: typeof obligation.$inferInsert): Promise<ObligationRow> => (await db.insert(obligation).values(row).returning())[0]!;
export const insertMilestone = async (db: Db, row: typeof milestone.$inferInsert): Promise<MilestoneRow> => (await db.insert(milestone).values(row).returning())[0]!;

/** Applies a change only if the row is still at the expected version; undefined when someone else changed it first. */
export const updateActivity = async (db: Db, id: string, expectedVersion: number, patch: Partial<typeof activity.$inferInsert>): Promise<ActivityRow | undefined> =>
  (
    await db
      .update(activity)
      .set({ ...patch, rowVersion: sql`${activity.rowVersion} + 1` })
      .where(and(eq(activity.id, id), eq(activity.rowVersion, expectedVersion)))
      .returning()
  )[0];

export const updateObligation = async (db: Db, id: string, patch: Partial<typeof obligation.$inferInsert>): Promise<ObligationRow> =>
  (await db.update(obligation).set(patch).where(eq(obligation.id, id)).returning())[0]!;

export const updateMilestone = async (db: Db, id: string, patch: Partial<typeof milestone.$inferInsert>): Promise<MilestoneRow> =>
  (await db.update(milestone).set(patch).where(eq(milestone.id, id)).returning())[0]!;

export const deleteActivity = async (db: Db, id: string) => {
  await db.delete(activity).where(eq(activity.id, id));
};
export const deleteObligation = async (db: Db, id: string) => {
  await db.delete(obligation).where(eq(obligation.id, id));
};
export const deleteMilestone = async (db: Db, id: string) => {
  await db.delete(milestone).where(eq(milestone.id, id));
};

export const countMilestonesOf = async (db: Db, activityId: string) =>
  Number((await db.select({ n: sql<number>`count(*)::int` }).from(milestone).where(eq(milestone.activityId, activityId)))[0]?.n ?? 0);

export type OrgRef = { id: string; name: string; type: string; tenantId: string | null };

/** Names, types and tenants of organisations, for presenting and for checking an OPD's pemda. */
export const organizationsByIds = async (db: Db, ids: readonly string[]): Promise<OrgRef[]> =>
  ids.length === 0
    ? []
    : db.select({ id: organization.id, name: organization.name, type: organization.type, tenantId: organization.tenantId }).from(organization).where(inArray(organization.id, [...ids]));

/** The active OPDs of the given pemda, for the responsible-OPD choice. */
export const opdsOfTenants = async (db: Db, tenantIds: readonly string[]): Promise<OrgRef[]> =>
  tenantIds.length === 0
    ? []
    : db
        .select({ id: organization.id, name: organization.name, type: organization.type, tenantId: organization.tenantId })
        .from(organization)
        .where(and(inArray(organization.tenantId, [...tenantIds]), eq(organization.type, 'OPD'), eq(organization.active, true)))
        .orderBy(asc(organization.name));
