import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import { tkksdMember as member, tkksdPeriod as period, type MemberRow, type PeriodRow } from './tkksd.tables.js';

/** The only SQL of the TKKSD. Lookups are scoped to the tenant, so another pemda's id is simply absent. */

/** Serialises period and member writes of one pemda, so two overlapping periods or two ketua cannot both pass the check. */
export const lockTeam = async (db: Db, tenantId: string) => {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`tkksd:${tenantId}`}))`);
};

export const listPeriods = (db: Db, tenantId: string): Promise<PeriodRow[]> => db.select().from(period).where(eq(period.tenantId, tenantId)).orderBy(desc(period.validFrom));

export const findPeriod = async (db: Db, tenantId: string, id: string): Promise<PeriodRow | undefined> =>
  (await db.select().from(period).where(and(eq(period.tenantId, tenantId), eq(period.id, id))))[0];

export const insertPeriod = async (db: Db, row: typeof period.$inferInsert): Promise<PeriodRow> => (await db.insert(period).values(row).returning())[0]!;

export type MemberView = MemberRow & { orgName: string };

const memberColumns = { m: member, orgName: organization.name };

export const membersOf = async (db: Db, periodIds: readonly string[]): Promise<MemberView[]> =>
  periodIds.length === 0
    ? []
    : (await db.select(memberColumns).from(member).innerJoin(organization, eq(organization.id, member.orgId)).where(inArray(member.periodId, [...periodIds])).orderBy(asc(member.createdAt))).map(
        (r) => ({ ...r.m, orgName: r.orgName }),
      );

export const findMember = async (db: Db, tenantId: string, id: string): Promise<MemberRow | undefined> =>
  (await db.select().from(member).where(and(eq(member.tenantId, tenantId), eq(member.id, id))))[0];

export const insertMember = async (db: Db, row: typeof member.$inferInsert): Promise<MemberRow> => (await db.insert(member).values(row).returning())[0]!;

export const endMember = async (db: Db, id: string, validTo: string, reason: string | null) => {
  await db.update(member).set({ validTo, endedReason: reason }).where(eq(member.id, id));
};

/** Units of the pemda a member or liaison may represent (OPD, bagian/UPT, or the pemda itself). */
export const tenantUnits = (db: Db, tenantId: string) =>
  db
    .select({ id: organization.id, name: organization.name, type: organization.type })
    .from(organization)
    .where(and(eq(organization.tenantId, tenantId), eq(organization.active, true)))
    .orderBy(asc(organization.name));
