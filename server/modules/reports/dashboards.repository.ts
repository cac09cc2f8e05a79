import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { DashboardRows, DormancyCutoffs } from './dashboards.models.js';

/**
 * The dashboard aggregates as ONE statement: the scoped cooperations are read once (a
 * materialised CTE over the register's GIN-indexed visibility test) and every figure, series and
 * list is a GROUP BY or FILTER over it, returned as a single JSON row. No per-row work in JS.
 * Money and indicator standings come from monev's summary row per cooperation.
 */

const IN_FORCE = sql`ARRAY['BERLAKU', 'DIADENDUM', 'SENGKETA']::text[]`;
const ENDED = sql`ARRAY['DIAKHIRI', 'BERAKHIR']::text[]`;
const CLOSED = sql`ARRAY['DITOLAK', 'BATAL', 'DIAKHIRI', 'BERAKHIR']::text[]`;

/** A Jakarta calendar day of a timestamptz, without relying on the server's time-zone data. */
const wibDay = (column: SQL) => sql`((${column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/**
 * Per-tenant dormancy cut-offs as a VALUES list: a cooperation is dormant when it is in force and
 * the day it was last monitored (or signed) is on or before its owner's cut-off. Tenants on the
 * national default are not listed; they fall back to the default cut-off.
 */
const cutoffValues = (c: DormancyCutoffs) =>
  c.overrides.length
    ? sql`(VALUES ${sql.join(c.overrides.map((o) => sql`(${o.tenantId}::uuid, ${o.cutoff}::date)`), sql`, `)}) AS o(tenant_id, cutoff)`
    : sql`(SELECT NULL::uuid AS tenant_id, NULL::date AS cutoff WHERE false) AS o`;

export const loadDashboard = async (
  db: Db,
  where: SQL,
  p: { today: string; expiringUntil: string; cutoffs: DormancyCutoffs; lang: 'id' | 'en'; listSize: number },
): Promise<DashboardRows> => {
  const urusanName = p.lang === 'en' ? sql`u.name_en` : sql`u.name_id`;
  const result = (await db.execute(sql`
    WITH scoped AS MATERIALIZED (
      -- Narrow rows (no titles) computed once: every aggregate below reads these flags.
      SELECT c.id, c.kind, c.state, c.urusan_codes, c.progress, c.end_date,
        extract(year FROM coalesce(c.signed_at, ${wibDay(sql`c.created_at`)}))::int AS year,
        coalesce(${wibDay(sql`c.last_monitored_at`)}, c.signed_at, ${wibDay(sql`c.state_changed_at`)}) AS since,
        c.state = ANY(${IN_FORCE}) AS in_force,
        c.state = ANY(${CLOSED}) AS closed,
        c.state = ANY(${ENDED}) AS ended,
        o.cutoff
      FROM cooperation c LEFT JOIN ${cutoffValues(p.cutoffs)} ON o.tenant_id = c.tenant_id
      WHERE ${where}
    ),
    flagged AS (
      SELECT s.*, (s.in_force AND s.since <= coalesce(s.cutoff, ${p.cutoffs.defaultCutoff}::date)) AS dormant,
        (s.in_force AND s.end_date BETWEEN ${p.today}::date AND ${p.expiringUntil}::date) AS expiring
      FROM scoped s
    )
    SELECT json_build_object(
      'figures', (SELECT json_build_object(
          'total', count(*),
          'inForce', count(*) FILTER (WHERE in_force),
          'inProcess', count(*) FILTER (WHERE NOT in_force AND NOT closed),
          'ended', count(*) FILTER (WHERE ended),
          'dormant', count(*) FILTER (WHERE dormant),
          'expiring', count(*) FILTER (WHERE expiring),
          'meanProgress', round(avg(progress) FILTER (WHERE in_force), 1)::text
        ) FROM flagged),
      -- monev keeps one summary row per cooperation (work plan money, indicators measured and achieved).
      'budget', (SELECT json_build_object('budget', coalesce(sum(m.budget), 0)::text, 'realisation', coalesce(sum(m.realisation), 0)::text)
        FROM monev_summary m JOIN scoped s ON s.id = m.cooperation_id),
      'indicators', (SELECT json_build_object('total', coalesce(sum(m.indicators), 0), 'achieved', coalesce(sum(m.indicators_achieved), 0))
        FROM monev_summary m JOIN scoped s ON s.id = m.cooperation_id),
      'byUrusan', (SELECT coalesce(json_agg(json_build_object('key', x.code, 'name', x.name, 'count', x.n) ORDER BY x.n DESC, x.code), '[]'::json) FROM (
          -- Counted first, named after: a few dozen codes to look up, not one per cooperation.
          SELECT uc.code, ${urusanName} AS name, uc.n FROM (
            SELECT code, count(*) AS n FROM scoped s CROSS JOIN LATERAL unnest(s.urusan_codes) AS code GROUP BY code) uc
          LEFT JOIN urusan u ON u.code = uc.code) x),
      'byKind', (SELECT coalesce(json_agg(json_build_object('key', x.kind, 'count', x.n) ORDER BY x.kind), '[]'::json)
        FROM (SELECT kind, count(*) AS n FROM scoped GROUP BY kind) x),
      'byState', (SELECT coalesce(json_agg(json_build_object('key', x.state, 'count', x.n) ORDER BY x.state), '[]'::json)
        FROM (SELECT state, count(*) AS n FROM scoped GROUP BY state) x),
      'byYear', (SELECT coalesce(json_agg(json_build_object('key', x.year::text, 'count', x.n) ORDER BY x.year), '[]'::json)
        FROM (SELECT year, count(*) AS n FROM scoped GROUP BY year) x),
      'expiring', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'code', c.code, 'title', c.title, 'date', x.end_date::text) ORDER BY x.end_date, x.id), '[]'::json) FROM (
          SELECT id, end_date FROM flagged WHERE expiring ORDER BY end_date, id LIMIT ${p.listSize}) x JOIN cooperation c ON c.id = x.id),
      'dormantList', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'code', c.code, 'title', c.title, 'date', x.since::text) ORDER BY x.since, x.id), '[]'::json) FROM (
          SELECT id, since FROM flagged WHERE dormant ORDER BY since, id LIMIT ${p.listSize}) x JOIN cooperation c ON c.id = x.id)
    ) AS dashboard`)) as unknown as { rows: { dashboard: DashboardRows | string }[] };
  const raw = result.rows[0]!.dashboard;

  return typeof raw === 'string' ? (JSON.parse(raw) as DashboardRows) : raw;
};

/** Pemda that keep their own rule packs: the only tenants whose dormancy cut-off may differ from the national one. */
export const tenantsWithOwnRules = async (db: Db) =>
  ((await db.execute(sql`SELECT DISTINCT tenant_id FROM rule_pack WHERE tenant_id IS NOT NULL`)) as unknown as { rows: { tenant_id: string }[] }).rows.map((r) => r.tenant_id);

export type PemdaRow = { id: string; name: string; region_code: string };

/** Pemda tenants by id or region code (a region has one pemda tenant). */
export const findPemda = async (db: Db, by: { ids?: readonly string[]; regionCode?: string }) => {
  const parts: SQL[] = [];
  if (by.ids?.length) parts.push(sql`id = ANY(ARRAY[${sql.join(by.ids.map((id) => sql`${id}`), sql`, `)}]::uuid[])`);
  if (by.regionCode) parts.push(sql`region_code = ${by.regionCode}`);
  if (!parts.length) return [];

  return ((await db.execute(sql`
    SELECT id, name, region_code FROM organization
    WHERE type = 'PEMDA' AND id = tenant_id AND region_code IS NOT NULL AND (${sql.join(parts, sql` OR `)})
    ORDER BY region_code`)) as unknown as { rows: PemdaRow[] }).rows;
};

/** Provinces by code, or every current province when codes is null. */
export const findProvinces = async (db: Db, codes: readonly string[] | null) => {
  if (codes !== null && codes.length === 0) return [];
  const filter = codes === null ? sql`true` : sql`code = ANY(ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[])`;

  return ((await db.execute(sql`
    SELECT code, name FROM region WHERE level = 'PROVINSI' AND valid_to IS NULL AND ${filter} ORDER BY code`)) as unknown as { rows: { code: string; name: string }[] }).rows;
};
