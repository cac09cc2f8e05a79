import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parsedJson } from '../../platform/db/json-rows.js';

/** The only SQL of the national picture of the mapping: read-only, across pemda. */

export type PemdaScope = { all: true } | { provinceCode: string } | { tenantIds: readonly string[] };

const uuids = (ids: readonly string[]) => sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

const scopeFilter = (s: PemdaScope): SQL =>
  'all' in s ? sql`true` : 'provinceCode' in s ? sql`(o.region_code = ${s.provinceCode} OR o.region_code LIKE ${`${s.provinceCode}.%`})` : s.tenantIds.length ? sql`o.id = ANY(${uuids(s.tenantIds)})` : sql`false`;

export type PemdaProgressRow = { tenant_id: string; name: string; region_code: string | null; stage: string | null; participants: number; answered: number; accepted: number; items: number };

export type CountRow = { key: string; kind: string; n: number };

export type OverviewRows = { pemda: PemdaProgressRow[]; byUrusan: CountRow[]; byIssue: CountRow[] };

/**
 * Every pemda in scope with its cycle of the year (none: stage null) and how far its OPDs got, and
 * the year's register items (cancelled ones left out) by urusan code and by strategic issue and
 * kind — one statement. Participants, answers and items are counted by grouped joins over the
 * scope's cycles, not per pemda; the items are read once, grouped by cycle and by (kind, urusan
 * codes) and (kind, issues) together, and only those few groups are unnested.
 */
export const overviewRows = async (db: Db, scope: PemdaScope, year: number): Promise<OverviewRows> => {
  const result = (await db.execute(sql`
    WITH pemda AS (
      SELECT o.id, o.name, o.region_code FROM organization o
      WHERE o.type = 'PEMDA' AND o.id = o.tenant_id AND o.active AND ${scopeFilter(scope)}
    ),
    cycles AS (SELECT c.id, c.tenant_id, c.stage FROM mapping_cycle c JOIN pemda p ON p.id = c.tenant_id WHERE c.year = ${year}),
    participants AS (
      SELECT p.cycle_id, count(*)::int AS n FROM mapping_cycle_participant p JOIN cycles c ON c.id = p.cycle_id GROUP BY p.cycle_id
    ),
    answers AS (
      SELECT a.cycle_id, count(*) FILTER (WHERE a.status IN ('SUBMITTED', 'ACCEPTED'))::int AS answered, count(*) FILTER (WHERE a.status = 'ACCEPTED')::int AS accepted
      FROM mapping_answer a JOIN cycles c ON c.id = a.cycle_id GROUP BY a.cycle_id
    ),
    items AS (
      SELECT grouping(m.cycle_id, m.urusan_codes, m.issue_ids) AS g, m.cycle_id, m.kind, m.urusan_codes, m.issue_ids, count(*)::int AS n
      FROM mapping_potential m JOIN cycles c ON c.id = m.cycle_id AND c.tenant_id = m.tenant_id
      WHERE m.status <> 'DIBATALKAN'
      GROUP BY GROUPING SETS ((m.cycle_id), (m.kind, m.urusan_codes), (m.kind, m.issue_ids))
    ),
    -- One row per cycle, kept (MATERIALIZED): the pemda list below joins it once per pemda.
    progress AS MATERIALIZED (
      SELECT c.tenant_id, c.stage, coalesce(pa.n, 0) AS participants, coalesce(an.answered, 0) AS answered, coalesce(an.accepted, 0) AS accepted, coalesce(it.n, 0) AS items
      FROM cycles c
      LEFT JOIN participants pa ON pa.cycle_id = c.id
      LEFT JOIN answers an ON an.cycle_id = c.id
      LEFT JOIN (SELECT cycle_id, sum(n)::int AS n FROM items WHERE g = 3 GROUP BY cycle_id) it ON it.cycle_id = c.id
    )
    SELECT json_build_object(
      'pemda', (SELECT coalesce(json_agg(json_build_object('tenant_id', p.id, 'name', p.name, 'region_code', p.region_code, 'stage', g.stage,
                  'participants', coalesce(g.participants, 0), 'answered', coalesce(g.answered, 0), 'accepted', coalesce(g.accepted, 0), 'items', coalesce(g.items, 0))
                  ORDER BY p.region_code NULLS LAST, p.name), '[]'::json)
        FROM pemda p LEFT JOIN progress g ON g.tenant_id = p.id),
      'byUrusan', (SELECT coalesce(json_agg(json_build_object('key', x.key, 'kind', x.kind, 'n', x.n) ORDER BY x.key, x.kind), '[]'::json)
        FROM (SELECT k.key, i.kind, sum(i.n)::int AS n FROM items i CROSS JOIN LATERAL unnest(i.urusan_codes) AS k(key) WHERE i.g = 5 GROUP BY k.key, i.kind) x),
      'byIssue', (SELECT coalesce(json_agg(json_build_object('key', x.key, 'kind', x.kind, 'n', x.n) ORDER BY x.key, x.kind), '[]'::json)
        FROM (SELECT k.key::text AS key, i.kind, sum(i.n)::int AS n FROM items i CROSS JOIN LATERAL unnest(i.issue_ids) AS k(key) WHERE i.g = 6 GROUP BY k.key, i.kind) x)
    ) AS overview`)) as unknown as { rows: { overview: OverviewRows | string }[] };

  return parsedJson<OverviewRows>(result.rows[0]!.overview);
};

export const provinces = async (db: Db, codes: readonly string[] | null) => {
  if (codes !== null && codes.length === 0) return [];
  const filter = codes === null ? sql`true` : sql`code = ANY(ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[])`;

  return ((await db.execute(sql`SELECT code, name FROM region WHERE level = 'PROVINSI' AND valid_to IS NULL AND ${filter} ORDER BY code`)) as unknown as { rows: { code: string; name: string }[] }).rows;
};
