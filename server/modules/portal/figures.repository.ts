import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

/**
 * Aggregates over what is public now: the current projection and the snapshots of its releases
 * (never the internal tables). One statement each; `scope` limits to a region and below.
 */
type CountRow = { code: string; name: string | null; count: number };

const rowsOf = async (db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: CountRow[] }).rows.map((r) => ({ code: r.code, name: r.name ?? r.code, count: Number(r.count) }));

const scoped = (region: string | null) => (region ? sql`WHERE e.region_keys @> ARRAY[${region}]::text[]` : sql``);

export const countTotals = async (db: Db, region: string | null) => {
  const r = ((await db.execute(sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE e.inactive)::int AS inactive, max(e.released_at) AS newest FROM portal_entry e ${scoped(region)}`)) as unknown as {
    rows: { total: number; inactive: number; newest: string | Date | null }[];
  }).rows[0]!;

  return { total: Number(r.total), inactive: Number(r.inactive), newest: r.newest === null ? null : new Date(r.newest) };
};

export const countByColumn = (db: Db, column: 'kind' | 'state', region: string | null) =>
  rowsOf(db, sql`SELECT e.${sql.raw(column)} AS code, NULL AS name, count(*)::int AS count FROM portal_entry e ${scoped(region)} GROUP BY 1 ORDER BY 3 DESC, 1`);

export const countByUrusan = (db: Db, region: string | null) =>
  rowsOf(
    db,
    sql`SELECT u->>'code' AS code, min(u->>'name') AS name, count(*)::int AS count
        FROM portal_entry e JOIN portal_release r ON r.id = e.release_id, jsonb_array_elements(r.snapshot->'urusan') u
        ${scoped(region)} GROUP BY 1 ORDER BY 3 DESC, 1`,
  );

/** Cooperations per province: any party or location in it. Names come from the reference module. */
export const countByProvince = (db: Db) =>
  rowsOf(db, sql`SELECT k AS code, NULL AS name, count(DISTINCT e.cooperation_id)::int AS count FROM portal_entry e, unnest(e.region_keys) k WHERE length(k) = 2 GROUP BY 1 ORDER BY 3 DESC, 1`);

/** Parties of the region's cooperations that are not of the region itself, most cooperations first. */
export const countPartners = (db: Db, region: string) =>
  rowsOf(
    db,
    sql`SELECT p->>'name' AS code, p->>'name' AS name, count(DISTINCT e.cooperation_id)::int AS count
        FROM portal_entry e JOIN portal_release r ON r.id = e.release_id, jsonb_array_elements(r.snapshot->'parties') p
        ${scoped(region)} AND (p->>'regionCode' IS NULL OR NOT (p->>'regionCode' = ${region} OR p->>'regionCode' LIKE ${`${region}.%`}))
        GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 100`,
  );
