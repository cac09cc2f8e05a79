import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

/**
 * The register: filtered, sorted, cursor-paginated lists and full-text search. Visibility is one
 * array-overlap test per axis (party pemda, overseen province, party organisation), all GIN-indexed.
 */

export type RegisterVisibility = { all: true } | { all: false; tenantIds: readonly string[]; provinceCodes: readonly string[]; orgIds: readonly string[] };

export type RegisterFilter = {
  q?: string | undefined;
  kinds?: readonly string[] | undefined;
  states?: readonly string[] | undefined;
  urusan?: readonly string[] | undefined;
  issues?: readonly string[] | undefined;
  region?: string | undefined;
  partner?: string | undefined;
  opd?: string | undefined;
  year?: number | undefined;
  expiringWithinDays?: number | undefined;
  overdue?: boolean | undefined;
  /** Only "tidak aktif" ones: months of each pemda with its own rule pack, the national months for the rest. */
  dormant?: { nationalMonths: number; byTenant: readonly (readonly [string, number])[] } | undefined;
  today: string;
  now: Date;
};

export type RegisterSort = 'updated' | 'title' | 'endDate' | 'relevance';

export type RegisterRow = {
  id: string;
  code: string;
  kind: string;
  ksdd_category: string | null;
  regime: string;
  state: string;
  title: string;
  object_category: string;
  urusan_codes: string[];
  party_names: string;
  start_date: string | null;
  end_date: string | null;
  state_due_at: Date | string | null;
  tenant_id: string | null;
  signed_at: string | null;
  state_changed_at: Date | string;
  last_monitored_at: Date | string | null;
  updated_at: Date | string;
  snippet: string | null;
  sort_key: string | null;
};

const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
const uuidArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::uuid[]`;

export const IN_FORCE = ['BERLAKU', 'DIADENDUM', 'SENGKETA'];

const tsquery = (q: string) => sql`websearch_to_tsquery('indonesian', ${q})`;

export const registerWhere = (v: RegisterVisibility, f: RegisterFilter): SQL => {
  const parts: SQL[] = [];
  if (!v.all) {
    const any: SQL[] = [];
    if (v.tenantIds.length) any.push(sql`c.party_tenant_ids && ${uuidArray(v.tenantIds)}`);
    if (v.provinceCodes.length) any.push(sql`c.party_province_codes && ${textArray(v.provinceCodes)}`);
    if (v.orgIds.length) any.push(sql`c.party_org_ids && ${uuidArray(v.orgIds)}`);
    parts.push(any.length ? sql`(${sql.join(any, sql` OR `)})` : sql`false`);
  }
  if (f.q) parts.push(sql`c.search @@ ${tsquery(f.q)}`);
  if (f.kinds?.length) parts.push(sql`c.kind = ANY(${textArray(f.kinds)})`);
  if (f.states?.length) parts.push(sql`c.state = ANY(${textArray(f.states)})`);
  if (f.urusan?.length) parts.push(sql`c.urusan_codes && ${textArray(f.urusan)}`);
  if (f.issues?.length) parts.push(sql`c.issue_ids && ${uuidArray(f.issues)}`);
  if (f.region) parts.push(sql`c.region_keys @> ${textArray([f.region])}`);
  if (f.partner) parts.push(sql`c.party_org_ids @> ${uuidArray([f.partner])}`);
  if (f.opd) parts.push(sql`c.opd_ids @> ${uuidArray([f.opd])}`);
  if (f.year !== undefined) {
    const first = `${f.year}-01-01`;
    const last = `${f.year}-12-31`;
    parts.push(
      sql`((c.start_date IS NOT NULL AND c.start_date <= ${last}::date AND (c.end_date IS NULL OR c.end_date >= ${first}::date)) OR (c.start_date IS NULL AND c.created_at >= ${first}::date AND c.created_at < ${last}::date + 1))`,
    );
  }
  if (f.expiringWithinDays !== undefined)
    parts.push(sql`c.state = ANY(${textArray(IN_FORCE)}) AND c.end_date >= ${f.today}::date AND c.end_date <= ${f.today}::date + ${f.expiringWithinDays}::int`);
  if (f.overdue) parts.push(sql`c.state_due_at < ${f.now.toISOString()}::timestamptz`);
  if (f.dormant) parts.push(dormantWhere(f.dormant, f.today));

  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
};

const wibDay = (col: SQL) => sql`((${col} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/**
 * The SQL twin of isDormant (cooperations.policy.ts): in force and today on or after the last
 * monitoring (or signing) plus the owner's months. PostgreSQL's month arithmetic clamps to the
 * month's last day (31 August + 6 months = 28 February), as the policy does.
 */
const dormantWhere = (d: NonNullable<RegisterFilter['dormant']>, today: string) => {
  const months = d.byTenant.length
    ? sql`CASE c.tenant_id ${sql.join(d.byTenant.map(([t, m]) => sql`WHEN ${t}::uuid THEN ${m}::int`), sql` `)} ELSE ${d.nationalMonths}::int END`
    : sql`${d.nationalMonths}::int`;
  const since = sql`coalesce(${wibDay(sql`c.last_monitored_at`)}, c.signed_at, ${wibDay(sql`c.state_changed_at`)})`;

  return sql`(c.state = ANY(${textArray(IN_FORCE)}) AND (${since} + make_interval(months => ${months}))::date <= ${today}::date)`;
};

/** The cursor is the last row's sort key and id (keyset), or an offset for relevance, which has no stable key. */
export type Cursor = { k?: string | null; id?: string; o?: number };

const updatedKey = sql`to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** Sort expression, its text form for the cursor, and how a cursor value compares (keyset). */
const order = (sort: RegisterSort, q: string | undefined) => {
  switch (sort) {
    case 'title':
      return { by: sql`lower(c.title)`, key: sql`lower(c.title)`, dir: sql`ASC`, after: (k: string, id: string) => sql`(lower(c.title), c.id) > (${k}, ${id}::uuid)` };
    case 'endDate':
      // Nulls sort last through a far-future key so the keyset comparison stays a plain tuple test.
      return {
        by: sql`coalesce(c.end_date, '9999-12-31'::date)`,
        key: sql`coalesce(c.end_date, '9999-12-31'::date)::text`,
        dir: sql`ASC`,
        after: (k: string, id: string) => sql`(coalesce(c.end_date, '9999-12-31'::date), c.id) > (${k}::date, ${id}::uuid)`,
      };
    default:
      // Relevance needs a query; without one it means most recent first.
      if (sort === 'relevance' && q) return null;
      return {
        by: sql`c.updated_at`,
        key: updatedKey,
        dir: sql`DESC`,
        after: (k: string, id: string) => sql`(c.updated_at, c.id) < (${k}::timestamp AT TIME ZONE 'UTC', ${id}::uuid)`,
      };
  }
};

const selectList = (q: string | undefined) => sql`
  c.id, c.code, c.kind, c.ksdd_category, c.regime, c.state, c.title, c.object_category, c.urusan_codes, c.party_names,
  c.start_date::text AS start_date, c.end_date::text AS end_date, c.state_due_at, c.updated_at,
  c.tenant_id, c.signed_at::text AS signed_at, c.state_changed_at, c.last_monitored_at,
  ${q ? sql`ts_headline('indonesian', c.title || ' — ' || c.objek || ' · ' || c.party_names || ' · ' || c.document_excerpt, ${tsquery(q)}, 'StartSel=[[[, StopSel=]]], MaxFragments=2, MaxWords=20, MinWords=6, FragmentDelimiter=" … "')` : sql`NULL`} AS snippet`;

export const listRegister = async (db: Db, v: RegisterVisibility, f: RegisterFilter, sort: RegisterSort, cursor: Cursor | null, limit: number) => {
  const where = registerWhere(v, f);
  const o = order(sort, f.q);
  let query: SQL;
  if (o === null) {
    // Relevance: hits in the title, objek, parties or scope rank by how well they match; hits only in
    // the documents follow, newest first. Then an offset; snippets only for the page shown.
    const offset = cursor?.o ?? 0;
    query = sql`
      WITH page AS (
        SELECT c.id, ts_rank_cd(c.search_head, ${tsquery(f.q!)}) AS rank, c.updated_at FROM cooperation c WHERE ${where}
        ORDER BY rank DESC, c.updated_at DESC, c.id DESC LIMIT ${limit + 1} OFFSET ${offset}
      )
      SELECT ${selectList(f.q)}, NULL AS sort_key FROM page JOIN cooperation c ON c.id = page.id ORDER BY page.rank DESC, page.updated_at DESC, c.id DESC`;
  } else {
    const after = cursor?.id && cursor.k ? sql`AND ${o.after(cursor.k, cursor.id)}` : sql``;
    query = sql`
      WITH page AS (
        SELECT c.id, ${o.by} AS sort_by, ${o.key} AS sort_key FROM cooperation c WHERE ${where} ${after}
        ORDER BY ${o.by} ${o.dir}, c.id ${o.dir} LIMIT ${limit + 1}
      )
      SELECT ${selectList(f.q)}, page.sort_key FROM page JOIN cooperation c ON c.id = page.id ORDER BY page.sort_by ${o.dir}, c.id ${o.dir}`;
  }
  const rows = ((await db.execute(query)) as unknown as { rows: RegisterRow[] }).rows;

  return rows;
};

/** Every matching row for an export, in register order, without pagination (bounded by the caller). */
export const exportRegister = async (db: Db, v: RegisterVisibility, f: RegisterFilter, max: number) =>
  ((await db.execute(sql`
    SELECT c.id, c.code, c.kind, c.ksdd_category, c.regime, c.state, c.title, c.objek, c.object_category, c.urusan_codes,
      c.party_names, c.location_codes, c.start_date::text AS start_date, c.end_date::text AS end_date, c.signed_at::text AS signed_at,
      c.dprd_required, c.burdens_community,
      (SELECT coalesce(sum(f.amount), 0)::text FROM cooperation_funding f WHERE f.cooperation_id = c.id) AS total_funding,
      c.updated_at
    FROM cooperation c WHERE ${registerWhere(v, f)} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${max}`)) as unknown as {
    rows: {
      id: string;
      code: string;
      kind: string;
      ksdd_category: string | null;
      regime: string;
      state: string;
      title: string;
      objek: string;
      object_category: string;
      urusan_codes: string[];
      party_names: string;
      location_codes: string[];
      start_date: string | null;
      end_date: string | null;
      signed_at: string | null;
      dprd_required: boolean;
      burdens_community: boolean;
      total_funding: string;
      updated_at: Date | string;
    }[];
  }).rows;
