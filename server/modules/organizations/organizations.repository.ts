import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organization, type OrganizationType } from './organizations.tables.js';

const columns = {
  id: organization.id,
  type: organization.type,
  name: organization.name,
  shortName: organization.shortName,
  regionCode: organization.regionCode,
  parentId: organization.parentId,
  tenantId: organization.tenantId,
  legalForm: organization.legalForm,
  countryCode: organization.countryCode,
  registryIds: organization.registryIds,
  website: organization.website,
  active: organization.active,
  createdAt: organization.createdAt,
  updatedAt: organization.updatedAt,
};

export type OrganizationRow = {
  id: string;
  type: OrganizationType;
  name: string;
  shortName: string | null;
  regionCode: string | null;
  parentId: string | null;
  tenantId: string | null;
  legalForm: string | null;
  countryCode: string | null;
  registryIds: Record<string, string>;
  website: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Which rows a reader may see, as SQL. `all` for platform admins and Kemendagri; otherwise the
 * shared registry, every pemda's own record, the reader's tenants and the kab/kota tenants of
 * the provinces they oversee.
 */
export type Visibility = { all: true } | { all: false; tenantIds: readonly string[]; oversightProvinceCodes: readonly string[] };

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

const overseenTenants = (provinceCodes: readonly string[]) =>
  sql`${organization.tenantId} IN (SELECT t.id FROM organization t WHERE t.type = 'PEMDA' AND length(t.region_code) > 2 AND substr(t.region_code, 1, 2) IN (${list(provinceCodes)}))`;

const visibleWhere = (v: Visibility): SQL | undefined => {
  if (v.all) return undefined;
  const parts: SQL[] = [isNull(organization.tenantId), eq(organization.type, 'PEMDA')];
  if (v.tenantIds.length) parts.push(inArray(organization.tenantId, [...v.tenantIds]));
  if (v.oversightProvinceCodes.length) parts.push(overseenTenants(v.oversightProvinceCodes));

  return or(...parts);
};

export const findOrganization = async (db: Db, id: string): Promise<OrganizationRow | undefined> =>
  (await db.select(columns).from(organization).where(eq(organization.id, id)))[0];

export const insertOrganization = async (db: Db, row: typeof organization.$inferInsert): Promise<OrganizationRow> =>
  (await db.insert(organization).values(row).returning(columns))[0]!;

export const updateOrganization = async (db: Db, id: string, patch: Partial<typeof organization.$inferInsert>): Promise<OrganizationRow | undefined> =>
  (await db.update(organization).set(patch).where(eq(organization.id, id)).returning(columns))[0];

/** Serialises registry writes for the rest of the transaction, so two identical partners cannot both pass the duplicate check. */
export const lockRegistry = async (tx: Db) => {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727274003)`);
};

export type OrganizationQuery = {
  types?: readonly OrganizationType[] | undefined;
  tenantId?: string | undefined;
  parentId?: string | undefined;
  /** This region and every region inside it (63 also matches 63.06). */
  regionCode?: string | undefined;
  q?: string | undefined;
  active?: boolean | undefined;
  limit: number;
  offset: number;
};

const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export const searchOrganizations = async (db: Db, visibility: Visibility, query: OrganizationQuery): Promise<{ items: OrganizationRow[]; total: number }> => {
  const conditions: SQL[] = [];
  const visible = visibleWhere(visibility);
  if (visible) conditions.push(visible);
  if (query.types?.length) conditions.push(inArray(organization.type, [...query.types]));
  if (query.tenantId) conditions.push(eq(organization.tenantId, query.tenantId));
  if (query.parentId) conditions.push(eq(organization.parentId, query.parentId));
  if (query.regionCode) conditions.push(or(eq(organization.regionCode, query.regionCode), sql`${organization.regionCode} LIKE ${`${query.regionCode}.%`}`)!);
  if (query.active !== undefined) conditions.push(eq(organization.active, query.active));
  const q = query.q?.trim();
  if (q) conditions.push(or(ilike(organization.name, likePattern(q)), ilike(organization.shortName, likePattern(q)))!);
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select({ ...columns, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(organization)
    .where(where)
    .orderBy(asc(organization.name), asc(organization.id))
    .limit(query.limit)
    .offset(query.offset);
  const total =
    rows[0]?.total ??
    (query.offset > 0 ? ((await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organization).where(where))[0]?.n ?? 0) : 0);

  return { items: rows.map(({ total: _t, ...r }) => r), total };
};

/** Direct sub-units the reader may see (another pemda's OPD count is not theirs to learn). */
export const countVisibleChildren = async (db: Db, visibility: Visibility, parentId: string) => {
  const visible = visibleWhere(visibility);
  const where = visible ? and(eq(organization.parentId, parentId), visible) : eq(organization.parentId, parentId);

  return (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organization).where(where))[0]?.n ?? 0;
};

/** The organisation and every organisation above it, nearest first (bounded, in case of bad data). */
export const ancestorIds = async (db: Db, id: string): Promise<string[]> => {
  const result = (await db.execute(sql`
    WITH RECURSIVE up (id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM organization WHERE id = ${id}
      UNION ALL
      SELECT o.id, o.parent_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.parent_id WHERE up.depth < 64
    )
    SELECT id FROM up ORDER BY depth`)) as unknown as { rows: { id: string }[] };

  return result.rows.map((r) => r.id);
};

export const findByTypeAndRegion = async (db: Db, type: OrganizationType, regionCode: string) =>
  (await db.select({ id: organization.id }).from(organization).where(and(eq(organization.type, type), eq(organization.regionCode, regionCode))))[0];

export const findByRegistryId = async (db: Db, type: OrganizationType, key: string, value: string) =>
  (
    await db
      .select({ id: organization.id })
      .from(organization)
      .where(and(eq(organization.type, type), sql`${organization.registryIds} ->> ${key} = ${value}`))
      .limit(1)
  )[0];

/** Same type and the same name ignoring case and surrounding spaces. */
export const findByName = async (db: Db, type: OrganizationType, name: string) =>
  db
    .select({ id: organization.id, registryIds: organization.registryIds })
    .from(organization)
    .where(and(eq(organization.type, type), sql`lower(trim(${organization.name})) = ${name.trim().toLowerCase()}`))
    .orderBy(asc(organization.createdAt));

export type TenantFilter = { all: true } | { all: false; ids: readonly string[]; oversightProvinceCodes: readonly string[] };

/** Pemda records the reader works in or oversees, by region code. */
export const listPemda = async (db: Db, filter: TenantFilter) => {
  const parts: SQL[] = [];
  if (!filter.all) {
    if (filter.ids.length) parts.push(inArray(organization.id, [...filter.ids]));
    if (filter.oversightProvinceCodes.length)
      parts.push(sql`length(${organization.regionCode}) > 2 AND substr(${organization.regionCode}, 1, 2) IN (${list(filter.oversightProvinceCodes)})`);
    if (parts.length === 0) return [];
  }
  const where = parts.length ? and(eq(organization.type, 'PEMDA'), or(...parts)) : eq(organization.type, 'PEMDA');

  return db
    .select({ id: organization.id, name: organization.name, shortName: organization.shortName, regionCode: organization.regionCode, active: organization.active })
    .from(organization)
    .where(where)
    .orderBy(asc(organization.regionCode));
};

export const countOrganizations = async (db: Db) => (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organization))[0]?.n ?? 0;
