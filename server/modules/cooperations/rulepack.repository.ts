import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { rulePack } from './cooperations.tables.js';

export type RulePackRow = typeof rulePack.$inferSelect;

/** The national packs and those of the given pemda: the small set effectiveRules chooses from. */
export const listPacksFor = (db: Db, tenantIds: readonly string[]) =>
  db
    .select()
    .from(rulePack)
    .where(tenantIds.length ? or(isNull(rulePack.tenantId), sql`${rulePack.tenantId} = ANY(${sql`ARRAY[${sql.join(tenantIds.map((t) => sql`${t}`), sql`, `)}]::uuid[]`})`) : isNull(rulePack.tenantId))
    .orderBy(desc(rulePack.validFrom), desc(rulePack.version));

export const listVersions = (db: Db, tenantId: string | null) =>
  db
    .select()
    .from(rulePack)
    .where(tenantId ? eq(rulePack.tenantId, tenantId) : isNull(rulePack.tenantId))
    .orderBy(desc(rulePack.version));

export const lockPacks = async (db: Db) => {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('rule_pack'))`);
};

export const maxVersion = async (db: Db, tenantId: string | null) =>
  (await db.select({ v: sql<number>`coalesce(max(${rulePack.version}), 0)`.mapWith(Number) }).from(rulePack).where(tenantId ? eq(rulePack.tenantId, tenantId) : isNull(rulePack.tenantId)))[0]?.v ?? 0;

export const insertPack = async (db: Db, row: typeof rulePack.$inferInsert) =>
  (await db.insert(rulePack).values(row).returning())[0]!;

export const hasNationalPack = async (db: Db) =>
  (await db.select({ id: rulePack.id }).from(rulePack).where(and(isNull(rulePack.tenantId))).limit(1)).length > 0;

/** Every pemda that has published its own rule pack (few: the register's dormant filter reads each one's months). */
export const tenantsWithPacks = async (db: Db) =>
  (await db.selectDistinct({ tenantId: rulePack.tenantId }).from(rulePack).where(sql`${rulePack.tenantId} IS NOT NULL`)).map((r) => r.tenantId!);
