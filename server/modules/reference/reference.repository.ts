import { and, asc, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { region, regionChildrenLoaded, regionDataset, strategicIssue, urusan, type RegionLevel } from './reference.tables.js';

const regionColumns = {
  code: region.code,
  level: region.level,
  name: region.name,
  parentCode: region.parentCode,
  provinceCode: region.provinceCode,
  validFrom: region.validFrom,
  validTo: region.validTo,
  sourceDecree: region.sourceDecree,
};

export type RegionRow = {
  code: string;
  level: RegionLevel;
  name: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  sourceDecree: string;
};

export const findDatasetByChecksum = async (db: Db, checksum: string) =>
  (await db.select().from(regionDataset).where(eq(regionDataset.checksum, checksum)))[0];

export const insertDataset = async (db: Db, row: typeof regionDataset.$inferInsert) =>
  (await db.insert(regionDataset).values(row).returning({ id: regionDataset.id }))[0]!.id;

/** Inserts regions, or refreshes name and validity where the code exists (a new dataset version). */
export const upsertRegions = async (db: Db, rows: (typeof region.$inferInsert)[]) => {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(region)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: region.code,
        set: { name: sql`excluded.name`, datasetId: sql`excluded.dataset_id`, sourceDecree: sql`excluded.source_decree`, validTo: sql`NULL` },
      });
  }
};

/** Marks codes that a new dataset no longer contains as ended on its valid-from date. */
export const expireRegionsNotIn = async (db: Db, levels: RegionLevel[], codes: string[], validTo: string) => {
  await db
    .update(region)
    .set({ validTo })
    .where(and(inArray(region.level, levels), isNull(region.validTo), notInArray(region.code, codes)));
};

export const findRegion = async (db: Db, code: string): Promise<RegionRow | undefined> =>
  (await db.select(regionColumns).from(region).where(eq(region.code, code)))[0];

export const findRegionNames = async (db: Db, codes: readonly string[]) =>
  codes.length ? db.select({ code: region.code, name: region.name }).from(region).where(inArray(region.code, [...codes])) : [];

export const childrenLoaded = async (db: Db, parentCode: string) =>
  (await db.select().from(regionChildrenLoaded).where(eq(regionChildrenLoaded.parentCode, parentCode))).length > 0;

export const markChildrenLoaded = async (db: Db, parentCode: string) => {
  await db.insert(regionChildrenLoaded).values({ parentCode }).onConflictDoNothing();
};

export type RegionQuery = {
  levels?: RegionLevel[] | undefined;
  parentCode?: string | undefined;
  q?: string | undefined;
  includeExpired: boolean;
  limit: number;
  offset: number;
};

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;

/** Search by name (trigram-indexed), level and parent; names that start with the query rank first. */
export const searchRegions = async (db: Db, query: RegionQuery): Promise<{ items: RegionRow[]; total: number }> => {
  const conditions: SQL[] = [];
  if (query.levels?.length) conditions.push(inArray(region.level, query.levels));
  if (query.parentCode) conditions.push(eq(region.parentCode, query.parentCode));
  if (!query.includeExpired) conditions.push(isNull(region.validTo));
  const q = query.q?.trim();
  if (q) {
    // A code query ("63.06") matches codes by prefix; anything else matches names anywhere.
    conditions.push(/^[0-9.]+$/.test(q) ? sql`${region.code} LIKE ${`${q}%`}` : sql`lower(${region.name}) LIKE ${likePattern(q)}`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const order = [sql`length(${region.code})`, asc(region.code)];
  if (q) order.unshift(sql`CASE WHEN lower(${region.name}) LIKE ${`${q.toLowerCase()}%`} THEN 0 ELSE 1 END`);
  const items = await db
    .select({ ...regionColumns, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(region)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
  const total = items[0]?.total ?? (query.offset > 0 ? (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(region).where(where))[0]?.n ?? 0 : 0);

  return { items: items.map(({ total: _t, ...r }) => r), total };
};

export const countRegionsByLevel = async (db: Db) =>
  db.select({ level: region.level, n: sql<number>`count(*)`.mapWith(Number) }).from(region).where(isNull(region.validTo)).groupBy(region.level);

export const listUrusanRows = async (db: Db) => db.select().from(urusan).orderBy(asc(urusan.sort));

export const upsertUrusan = async (db: Db, rows: (typeof urusan.$inferInsert)[]) => {
  await db
    .insert(urusan)
    .values(rows)
    .onConflictDoUpdate({
      target: urusan.code,
      set: { nameId: sql`excluded.name_id`, nameEn: sql`excluded.name_en`, group: sql`excluded.urusan_group`, sort: sql`excluded.sort` },
    });
};

export const listStrategicIssueRows = async (db: Db, includeInactive: boolean) =>
  db
    .select()
    .from(strategicIssue)
    .where(includeInactive ? undefined : eq(strategicIssue.active, true))
    .orderBy(asc(strategicIssue.sort), asc(strategicIssue.nameId));

export const findStrategicIssue = async (db: Db, id: string) => (await db.select().from(strategicIssue).where(eq(strategicIssue.id, id)))[0];

export const findStrategicIssueByCode = async (db: Db, code: string) =>
  (await db.select().from(strategicIssue).where(eq(strategicIssue.code, code)))[0];

export const insertStrategicIssue = async (db: Db, row: typeof strategicIssue.$inferInsert) =>
  (await db.insert(strategicIssue).values(row).returning())[0]!;

export const updateStrategicIssue = async (db: Db, id: string, patch: Partial<typeof strategicIssue.$inferInsert>) =>
  (await db.update(strategicIssue).set(patch).where(eq(strategicIssue.id, id)).returning())[0];

export const countStrategicIssues = async (db: Db) =>
  (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(strategicIssue))[0]?.n ?? 0;

/** Every current provinsi and kabupaten/kota (552 rows), for the in-memory directory. */
export const listTopLevelRegions = async (db: Db): Promise<RegionRow[]> =>
  db.select(regionColumns).from(region).where(and(inArray(region.level, ['PROVINSI', 'KABUPATEN', 'KOTA']), isNull(region.validTo))).orderBy(asc(region.code));

/** Which of the given codes/ids are not in the reference tables (unknown or expired regions). */
export const unknownReferences = async (db: Db, q: { urusanCodes: readonly string[]; issueIds: readonly string[]; regionCodes: readonly string[] }) => {
  const known = async (query: ReturnType<typeof sql>) => new Set(((await db.execute(query)) as unknown as { rows: { k: string }[] }).rows.map((r) => r.k));
  const arr = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
  const urusanKnown = q.urusanCodes.length ? await known(sql`SELECT code AS k FROM urusan WHERE code = ANY(${arr(q.urusanCodes)})`) : new Set<string>();
  const issuesKnown = q.issueIds.length ? await known(sql`SELECT id::text AS k FROM strategic_issue WHERE id::text = ANY(${arr(q.issueIds)})`) : new Set<string>();
  const regionsKnown = q.regionCodes.length
    ? await known(sql`SELECT code AS k FROM region WHERE valid_to IS NULL AND code = ANY(${arr(q.regionCodes)})`)
    : new Set<string>();

  return {
    urusanCodes: q.urusanCodes.filter((c) => !urusanKnown.has(c)),
    issueIds: q.issueIds.filter((c) => !issuesKnown.has(c)),
    regionCodes: q.regionCodes.filter((c) => !regionsKnown.has(c)),
  };
};
