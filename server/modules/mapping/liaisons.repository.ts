import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { liaison, type LiaisonRow } from './liaisons.tables.js';

/** The only SQL of liaisons; scoped to the tenant like the team's. */

export const listLiaisons = (db: Db, tenantId: string): Promise<LiaisonRow[]> =>
  db.select().from(liaison).where(eq(liaison.tenantId, tenantId)).orderBy(asc(liaison.personName), asc(liaison.validFrom));

export const findLiaison = async (db: Db, tenantId: string, id: string): Promise<LiaisonRow | undefined> =>
  (await db.select().from(liaison).where(and(eq(liaison.tenantId, tenantId), eq(liaison.id, id))))[0];

export const insertLiaison = async (db: Db, row: typeof liaison.$inferInsert): Promise<LiaisonRow> => (await db.insert(liaison).values(row).returning())[0]!;

export const endLiaison = async (db: Db, id: string, validTo: string, reason: string | null) => {
  await db.update(liaison).set({ validTo, endedReason: reason }).where(eq(liaison.id, id));
};
