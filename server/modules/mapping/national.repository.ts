import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

/** The only SQL of the national picture of the mapping: read-only, across pemda. */

export type PemdaScope = { all: true } | { provinceCode: string } | { tenantIds: readonly string[] };

const uuids = (ids: readonly string[]) => sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

const scopeFilter = (s: PemdaScope): SQL =>
  'all' in s ? sql`true` : 'provinceCode' in s ? sql`(o.region_code = ${s.provinceCode} OR o.region_code LIKE ${`${s.provinceCode}.%`})` : s.tenantIds.length ? sql`o.id = ANY(${uuids(s.tenantIds)})` : sql`false`;

export type PemdaProgressRow = { tenant_id: string; name: string; region_code: string | null; stage: string | null; participants: number; answered: number; accepted: number; items: number };

/** Every pemda in scope with its cycle of the year (none: stage null) and how far its OPDs got. */
export const pemdaProgress = async (db: Db, scope: PemdaScope, year: number) =>
  ((await db.execute(sql`
    SELECT o.id AS tenant_id, o.name, o.region_code, c.stage,
      (SELECT count(*)::int FROM mapping_cycle_participant p WHERE p.cycle_id = c.id) AS participants,
      (SELECT count(*)::int FROM mapping_answer a WHERE a.cycle_id = c.id AND a.status IN ('SUBMITTED', 'ACCEPTED')) AS answered,
      (SELECT count(*)::int FROM mapping_answer a WHERE a.cycle_id = c.id AND a.status = 'ACCEPTED') AS accepted,
      (SELECT count(*)::int FROM mapping_potential m WHERE m.cycle_id = c.id AND m.status <> 'DIBATALKAN') AS items
    FROM organization o
    LEFT JOIN mapping_cycle c ON c.tenant_id = o.id AND c.year = ${year}
    WHERE o.type = 'PEMDA' AND o.id = o.tenant_id AND o.active AND ${scopeFilter(scope)}
    ORDER BY o.region_code NULLS LAST, o.name`)) as unknown as { rows: PemdaProgressRow[] }).rows;

export type CountRow = { key: string; kind: string; n: number };

/** Items of the year's cycles (cancelled ones left out) by urusan code or strategic issue and kind. */
export const itemCounts = async (db: Db, tenantIds: readonly string[], year: number, by: 'urusan' | 'issue') => {
  if (!tenantIds.length) return [];
  const unnest = by === 'urusan' ? sql`unnest(m.urusan_codes)` : sql`unnest(m.issue_ids)::text`;

  return ((await db.execute(sql`
    SELECT k.key, m.kind, count(*)::int AS n
    FROM mapping_potential m
    JOIN mapping_cycle c ON c.id = m.cycle_id AND c.year = ${year}
    CROSS JOIN LATERAL (SELECT ${unnest} AS key) k
    WHERE m.tenant_id = ANY(${uuids(tenantIds)}) AND m.status <> 'DIBATALKAN'
    GROUP BY k.key, m.kind
    ORDER BY k.key`)) as unknown as { rows: CountRow[] }).rows;
};

export const provinces = async (db: Db, codes: readonly string[] | null) => {
  if (codes !== null && codes.length === 0) return [];
  const filter = codes === null ? sql`true` : sql`code = ANY(ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[])`;

  return ((await db.execute(sql`SELECT code, name FROM region WHERE level = 'PROVINSI' AND valid_to IS NULL AND ${filter} ORDER BY code`)) as unknown as { rows: { code: string; name: string }[] }).rows;
};
