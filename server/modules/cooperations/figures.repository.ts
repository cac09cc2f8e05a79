import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { IN_FORCE_STATES } from './cooperations.machine.js';

/**
 * Read-only aggregates over the register for periodic reports (issue 4 item 7). Every figure is
 * one GROUP BY query over the cooperations of a set of pemda tenants, so a province report over
 * thousands of cooperations costs a handful of queries, never one per cooperation.
 */

const uuidArray = (values: readonly string[]) => (values.length ? sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::uuid[]` : sql`ARRAY[]::uuid[]`);
const textArray = (values: readonly string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
/** A Jakarta calendar day of a timestamp, independent of the session's time zone. */
const wibDay = (column: SQL) => sql`((${column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/**
 * The (cooperation, tenant) pairs of the tenants' cooperations that existed by the end of the
 * period: a subquery other modules (monev) aggregate their own rows against.
 */
export const cooperationsOfTenants = (tenantIds: readonly string[], periodEnd: string): SQL =>
  sql`SELECT c.id AS cooperation_id, t.tenant_id FROM cooperation c CROSS JOIN LATERAL unnest(c.party_tenant_ids) AS t(tenant_id)
      WHERE t.tenant_id = ANY(${uuidArray(tenantIds)}) AND ${wibDay(sql`c.created_at`)} <= ${periodEnd}::date`;

export type FigureWindow = { tenantIds: readonly string[]; periodStart: string; periodEnd: string; today: string; dormantAfterMonths: number; expiringMonths: number };

const scoped = (w: FigureWindow) =>
  sql`SELECT * FROM cooperation c WHERE c.party_tenant_ids && ${uuidArray(w.tenantIds)} AND ${wibDay(sql`c.created_at`)} <= ${w.periodEnd}::date`;

const since = sql`coalesce(${wibDay(sql`c.last_monitored_at`)}, c.signed_at, ${wibDay(sql`c.state_changed_at`)})`;
const inForce = sql`c.state = ANY(${textArray(IN_FORCE_STATES)})`;
const dormant = (w: FigureWindow) => sql`(${inForce} AND (${since} + make_interval(months => ${w.dormantAfterMonths}::int))::date <= ${w.today}::date)`;
const monthsQuiet = (w: FigureWindow) => sql`(date_part('year', age(${w.today}::date, ${since})) * 12 + date_part('month', age(${w.today}::date, ${since})))::int`;

/** The counted movements of a period, as FILTER clauses shared by the totals and the per-tenant table. */
const movementColumns = (w: FigureWindow) => sql`
  count(*)::int AS cooperations,
  (count(*) FILTER (WHERE ${inForce}))::int AS in_force,
  (count(*) FILTER (WHERE c.signed_at BETWEEN ${w.periodStart}::date AND ${w.periodEnd}::date))::int AS signed,
  (count(*) FILTER (WHERE c.state IN ('BERAKHIR', 'DIAKHIRI') AND ${wibDay(sql`c.state_changed_at`)} BETWEEN ${w.periodStart}::date AND ${w.periodEnd}::date))::int AS ended,
  (count(*) FILTER (WHERE ${inForce} AND c.end_date > ${w.periodEnd}::date AND c.end_date <= (${w.periodEnd}::date + make_interval(months => ${w.expiringMonths}::int))::date))::int AS expiring,
  (count(*) FILTER (WHERE ${dormant(w)}))::int AS dormant`;

type MovementRow = { cooperations: number; in_force: number; signed: number; ended: number; expiring: number; dormant: number };
export type Movements = { cooperations: number; inForce: number; signed: number; ended: number; expiring: number; dormant: number };
const movements = (r: MovementRow | undefined): Movements => ({
  cooperations: Number(r?.cooperations ?? 0),
  inForce: Number(r?.in_force ?? 0),
  signed: Number(r?.signed ?? 0),
  ended: Number(r?.ended ?? 0),
  expiring: Number(r?.expiring ?? 0),
  dormant: Number(r?.dormant ?? 0),
});

const rows = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export type RegisterFigures = {
  totals: Movements;
  perTenant: (Movements & { tenantId: string })[];
  byKind: { key: string; count: number }[];
  byState: { key: string; count: number }[];
  byUrusan: { code: string; name: string; count: number }[];
  expiringList: { code: string; title: string; endDate: string }[];
  dormantList: { code: string; title: string; monthsQuiet: number }[];
};

/** Lists in a report are capped: the counts stay exact, the tables stay printable. */
export const LIST_LIMIT = 500;

/** Everything a periodic report says about the register of a set of tenants over a period. */
export const registerFiguresFor = async (db: Db, w: FigureWindow): Promise<RegisterFigures> => {
  const base = scoped(w);
  const [totals, perTenant, byKind, byState, byUrusan, expiringList, dormantList] = await Promise.all([
    rows<MovementRow>(db, sql`SELECT ${movementColumns(w)} FROM (${base}) c`),
    rows<MovementRow & { tenant_id: string }>(
      db,
      sql`SELECT t.tenant_id, ${movementColumns(w)} FROM (${base}) c CROSS JOIN LATERAL unnest(c.party_tenant_ids) AS t(tenant_id)
          WHERE t.tenant_id = ANY(${uuidArray(w.tenantIds)}) GROUP BY t.tenant_id`,
    ),
    rows<{ key: string; count: number }>(db, sql`SELECT c.kind AS key, count(*)::int AS count FROM (${base}) c GROUP BY c.kind ORDER BY count DESC, key`),
    rows<{ key: string; count: number }>(db, sql`SELECT c.state AS key, count(*)::int AS count FROM (${base}) c GROUP BY c.state ORDER BY count DESC, key`),
    rows<{ code: string; name: string; count: number }>(
      db,
      sql`SELECT u.code, coalesce(r.name_id, u.code) AS name, count(*)::int AS count
          FROM (${base}) c CROSS JOIN LATERAL unnest(c.urusan_codes) AS u(code) LEFT JOIN urusan r ON r.code = u.code
          GROUP BY u.code, r.name_id ORDER BY count DESC, u.code`,
    ),
    rows<{ code: string; title: string; end_date: string }>(
      db,
      sql`SELECT c.code, c.title, c.end_date::text AS end_date FROM (${base}) c
          WHERE ${inForce} AND c.end_date > ${w.periodEnd}::date AND c.end_date <= (${w.periodEnd}::date + make_interval(months => ${w.expiringMonths}::int))::date
          ORDER BY c.end_date, c.code LIMIT ${LIST_LIMIT}`,
    ),
    rows<{ code: string; title: string; months: number }>(
      db,
      sql`SELECT c.code, c.title, ${monthsQuiet(w)} AS months FROM (${base}) c WHERE ${dormant(w)} ORDER BY months DESC, c.code LIMIT ${LIST_LIMIT}`,
    ),
  ]);

  return {
    totals: movements(totals[0]),
    perTenant: perTenant.map((r) => ({ tenantId: r.tenant_id, ...movements(r) })),
    byKind: byKind.map((r) => ({ key: r.key, count: Number(r.count) })),
    byState: byState.map((r) => ({ key: r.key, count: Number(r.count) })),
    byUrusan: byUrusan.map((r) => ({ code: r.code, name: r.name, count: Number(r.count) })),
    expiringList: expiringList.map((r) => ({ code: r.code, title: r.title, endDate: r.end_date })),
    dormantList: dormantList.map((r) => ({ code: r.code, title: r.title, monthsQuiet: Number(r.months) })),
  };
};
