import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import { mappingAnswer as answer } from './answers.tables.js';
import { mappingCycle as cycle, mappingCycleParticipant as participant, type CycleRow } from './cycles.tables.js';

/** The only SQL of mapping cycles and their participants. */

export const insertCycle = async (db: Db, row: typeof cycle.$inferInsert): Promise<CycleRow> => (await db.insert(cycle).values(row).returning())[0]!;

export const findCycle = async (db: Db, id: string, lock = false): Promise<CycleRow | undefined> => {
  const q = db.select().from(cycle).where(eq(cycle.id, id)).limit(1);

  return (lock ? await q.for('update') : await q)[0];
};

export const cycleOfYear = async (db: Db, tenantId: string, year: number) => (await db.select({ id: cycle.id }).from(cycle).where(and(eq(cycle.tenantId, tenantId), eq(cycle.year, year))).limit(1))[0];

export const listCycles = (db: Db, tenantIds: readonly string[], year: number | undefined) =>
  tenantIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ cycle, tenantName: organization.name })
        .from(cycle)
        .innerJoin(organization, eq(organization.id, cycle.tenantId))
        .where(and(inArray(cycle.tenantId, [...tenantIds]), year ? eq(cycle.year, year) : undefined))
        .orderBy(desc(cycle.year), asc(organization.name));

/** Applies a change only if the row is still at the expected version; undefined when someone else changed it first. */
export const updateCycle = async (db: Db, id: string, expectedVersion: number, patch: Partial<typeof cycle.$inferInsert>): Promise<CycleRow | undefined> =>
  (
    await db
      .update(cycle)
      .set({ ...patch, rowVersion: sql`${cycle.rowVersion} + 1` })
      .where(and(eq(cycle.id, id), eq(cycle.rowVersion, expectedVersion)))
      .returning()
  )[0];

export type TenantFact = { id: string; name: string; regionCode: string | null };

export const tenantFact = async (db: Db, tenantId: string): Promise<TenantFact | undefined> =>
  (await db.select({ id: organization.id, name: organization.name, regionCode: organization.regionCode }).from(organization).where(and(eq(organization.id, tenantId), eq(organization.type, 'PEMDA'))).limit(1))[0];

export type UnitFact = { id: string; name: string; shortName: string | null; type: string };

/** The pemda's OPDs and units that may take part (active ones), by name. */
export const tenantUnits = (db: Db, tenantId: string): Promise<UnitFact[]> =>
  db
    .select({ id: organization.id, name: organization.name, shortName: organization.shortName, type: organization.type })
    .from(organization)
    .where(and(eq(organization.tenantId, tenantId), inArray(organization.type, ['OPD', 'UNIT']), eq(organization.active, true)))
    .orderBy(asc(organization.name));

export type ParticipantFact = UnitFact & { deadline: string | null; answerStatus: string | null; answerId: string | null; submittedAt: Date | null; revision: number | null };

/** The participants with their answer's status, by name. */
export const participantsOf = (db: Db, cycleId: string): Promise<ParticipantFact[]> =>
  db
    .select({
      id: organization.id,
      name: organization.name,
      shortName: organization.shortName,
      type: organization.type,
      deadline: participant.deadline,
      answerStatus: answer.status,
      answerId: answer.id,
      submittedAt: answer.submittedAt,
      revision: answer.revision,
    })
    .from(participant)
    .innerJoin(organization, eq(organization.id, participant.orgId))
    .leftJoin(answer, and(eq(answer.cycleId, participant.cycleId), eq(answer.orgId, participant.orgId)))
    .where(eq(participant.cycleId, cycleId))
    .orderBy(asc(organization.name));

export const findParticipant = async (db: Db, cycleId: string, orgId: string) =>
  (await db.select().from(participant).where(and(eq(participant.cycleId, cycleId), eq(participant.orgId, orgId))).limit(1))[0];

/** Sets the participants: new ones added, missing ones removed, kept ones keep their reopened deadline. */
export const setParticipants = async (db: Db, cycleId: string, orgIds: readonly string[]) => {
  const current = (await db.select({ orgId: participant.orgId }).from(participant).where(eq(participant.cycleId, cycleId))).map((r) => r.orgId);
  const removed = current.filter((id) => !orgIds.includes(id));
  const added = orgIds.filter((id) => !current.includes(id));
  if (removed.length) await db.delete(participant).where(and(eq(participant.cycleId, cycleId), inArray(participant.orgId, removed)));
  if (added.length) await db.insert(participant).values(added.map((orgId) => ({ cycleId, orgId, deadline: null })));

  return { added, removed };
};

export const setParticipantDeadline = async (db: Db, cycleId: string, orgId: string, deadline: string) => {
  await db.update(participant).set({ deadline }).where(and(eq(participant.cycleId, cycleId), eq(participant.orgId, orgId)));
};
