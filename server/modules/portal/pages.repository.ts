import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { LinkRow } from './pages.models.js';

/**
 * The public pages' own aggregates. They read ONLY the portal's published projection
 * (portal_entry) and release snapshots (portal_release) — never an internal table — so nothing
 * the secretariat did not publish can reach a page. Each page costs one statement.
 */

const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const isoOf = (value: unknown): string | null => (value == null ? null : new Date(value as string | Date).toISOString());

/** Codes a portal page exists for: provinsi "NN" and kabupaten/kota "NN.NN". */
const PAGE_CODE = '^[0-9]{2}([.][0-9]{2})?$';

export type Facets = {
  total: number;
  inactive: number;
  lastReleasedAt: string | null;
  kinds: Record<string, number>;
  states: Record<string, number>;
  urusan: Record<string, number>;
  /** Cooperations per province and kabupaten/kota (a province counts its kab/kota's too). */
  regions: Record<string, number>;
};

/** Counts over everything published: the filters' choices, the statistics page and the data page. */
export const facets = async (db: Db): Promise<Facets> => {
  const [row] = await rowsOf<Omit<Facets, 'lastReleasedAt'> & { lastReleasedAt: unknown }>(db, sql`
    SELECT
      (SELECT count(*)::int FROM portal_entry) AS "total",
      (SELECT count(*)::int FROM portal_entry WHERE inactive) AS "inactive",
      (SELECT max(released_at) FROM portal_entry) AS "lastReleasedAt",
      (SELECT coalesce(json_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int AS n FROM portal_entry GROUP BY kind) x) AS "kinds",
      (SELECT coalesce(json_object_agg(state, n), '{}') FROM (SELECT state, count(*)::int AS n FROM portal_entry GROUP BY state) x) AS "states",
      (SELECT coalesce(json_object_agg(code, n), '{}') FROM (
        SELECT code, count(DISTINCT cooperation_id)::int AS n FROM portal_entry, unnest(urusan_codes) AS code GROUP BY code) x) AS "urusan",
      (SELECT coalesce(json_object_agg(code, n), '{}') FROM (
        SELECT code, count(DISTINCT cooperation_id)::int AS n FROM portal_entry, unnest(region_keys) AS code
        WHERE code ~ ${PAGE_CODE} GROUP BY code) x) AS "regions"`);

  return { ...row!, lastReleasedAt: isoOf(row!.lastReleasedAt) };
};

export type RegionPartner = { name: string; type: string; regionCode: string | null; count: number };
export type RegionCooperation = { id: string; title: string; kind: string; state: string; inactive: boolean; startDate: string | null; endDate: string | null };
export type RegionSummary = {
  total: number;
  kinds: Record<string, number>;
  urusan: Record<string, number>;
  /** For a province: its kabupaten/kota with published cooperations. */
  subregions: Record<string, number>;
  partners: RegionPartner[];
  recent: RegionCooperation[];
};

const PARTNER_LIMIT = 50;
const RECENT_LIMIT = 20;

/**
 * What a region cooperates on and with whom: counts by kind and urusan, the partners (parties
 * of the published snapshots other than the region itself and, for a province, its own
 * kabupaten/kota) and the newest cooperations — one statement over the region's entries.
 */
export const regionSummary = async (db: Db, code: string): Promise<RegionSummary> => {
  const inside = `${code}.%`;
  const [row] = await rowsOf<RegionSummary>(db, sql`
    WITH hit AS (
      SELECT cooperation_id, release_id, title, kind, state, urusan_codes, region_keys, inactive, start_date, end_date, released_at
      FROM portal_entry WHERE region_keys @> ARRAY[${code}]::text[]
    )
    SELECT
      (SELECT count(*)::int FROM hit) AS "total",
      (SELECT coalesce(json_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int AS n FROM hit GROUP BY kind) x) AS "kinds",
      (SELECT coalesce(json_object_agg(u, n), '{}') FROM (
        SELECT u, count(DISTINCT cooperation_id)::int AS n FROM hit, unnest(urusan_codes) AS u GROUP BY u) x) AS "urusan",
      (SELECT coalesce(json_object_agg(k, n), '{}') FROM (
        SELECT k, count(DISTINCT cooperation_id)::int AS n FROM hit, unnest(region_keys) AS k
        WHERE k LIKE ${inside} AND k ~ ${PAGE_CODE} GROUP BY k) x) AS "subregions",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT p->>'name' AS "name", p->>'type' AS "type", p->>'regionCode' AS "regionCode", count(DISTINCT hit.cooperation_id)::int AS "count"
        FROM hit JOIN portal_release r ON r.id = hit.release_id, jsonb_array_elements(r.snapshot->'parties') AS p
        WHERE coalesce(p->>'regionCode', '') <> ${code} AND coalesce(p->>'regionCode', '') NOT LIKE ${inside}
        GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1 LIMIT ${PARTNER_LIMIT}) x) AS "partners",
      (SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT cooperation_id AS "id", title, kind, state, inactive, start_date AS "startDate", end_date AS "endDate"
        FROM hit ORDER BY released_at DESC, cooperation_id LIMIT ${RECENT_LIMIT}) x) AS "recent"`);

  return row!;
};

/**
 * Pairs of regions that share a published cooperation, per kind: every two province or
 * kabupaten/kota codes of one entry (a kab/kota with its province party is a pair too).
 */
export const regionPairs = async (db: Db): Promise<LinkRow[]> =>
  rowsOf<LinkRow>(db, sql`
    SELECT a, b, kind, count(DISTINCT cooperation_id)::int AS "count"
    FROM portal_entry, unnest(region_codes) AS a, unnest(region_codes) AS b
    WHERE cardinality(region_codes) > 1 AND a < b AND a ~ ${PAGE_CODE} AND b ~ ${PAGE_CODE}
    GROUP BY a, b, kind`);

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
