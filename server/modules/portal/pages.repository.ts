import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

/**
 * The public pages' own aggregates. They read ONLY the portal's published projection
 * (portal_entry) — never an internal table — so nothing the secretariat did not publish can reach
 * a page. The figures every page shares (stats, regionSummary) are the portal read model's.
 */

const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const isoOf = (value: unknown): string | null => (value == null ? null : new Date(value as string | Date).toISOString());

/** Codes a portal page exists for: provinsi "NN" and kabupaten/kota "NN.NN". */
const PAGE_CODE = '^[0-9]{2}([.][0-9]{2})?$';

/** Cooperations per province and kabupaten/kota with a page (a province counts its kab/kota's too): the region filter's choices. */
export const regionCounts = async (db: Db): Promise<Record<string, number>> => {
  const rows = await rowsOf<{ code: string; count: number }>(db, sql`
    SELECT k AS "code", count(DISTINCT cooperation_id)::int AS "count"
    FROM portal_entry, unnest(region_keys) AS k WHERE k ~ ${PAGE_CODE} GROUP BY k`);

  return Object.fromEntries(rows.map((r) => [r.code, Number(r.count)]));
};

export type SitemapData = { cooperations: { id: string; releasedAt: string }[]; regions: string[] };

/** Every published cooperation with its last release time, and every region with a page. */
export const sitemapData = async (db: Db): Promise<SitemapData> => {
  const [row] = await rowsOf<{ cooperations: { id: string; releasedAt: string }[] | null; regions: string[] | null }>(db, sql`
    SELECT
      (SELECT json_agg(x) FROM (SELECT cooperation_id AS "id", released_at AS "releasedAt" FROM portal_entry ORDER BY cooperation_id) x) AS "cooperations",
      (SELECT json_agg(k ORDER BY k) FROM (SELECT DISTINCT k FROM portal_entry, unnest(region_keys) AS k WHERE k ~ ${PAGE_CODE}) x) AS "regions"`);

  return { cooperations: (row?.cooperations ?? []).map((c) => ({ id: c.id, releasedAt: isoOf(c.releasedAt)! })), regions: row?.regions ?? [] };
};

/** The newest release's date and sequence of a published cooperation, for "updated on …". */
export const entryRelease = async (db: Db, id: string): Promise<{ releasedAt: string; sequence: number } | null> => {
  const [row] = await rowsOf<{ releasedAt: unknown; sequence: number }>(db, sql`
    SELECT released_at AS "releasedAt", sequence FROM portal_entry WHERE cooperation_id = ${id}`);

  return row ? { releasedAt: isoOf(row.releasedAt)!, sequence: row.sequence } : null;
};
