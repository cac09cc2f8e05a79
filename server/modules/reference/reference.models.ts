import type { RegionRow } from './reference.repository.js';
import type { RegionLevel } from './reference.tables.js';

/**
 * Searching the current provinsi and kabupaten/kota in memory. These 552 rows change only when a
 * new region dataset is loaded at start-up, and they are the most-read reference data of all (every
 * form with a region picker), so they are served without a database round trip. The ranking is
 * the same as the SQL path: names starting with the query first, then by code.
 */
export type RegionSearch = { levels?: RegionLevel[] | undefined; q?: string | undefined; limit: number; offset: number };

/** A region with its name lowercased once, so a search does not lowercase 552 names per request. */
export type IndexedRegion = { row: RegionRow; nameLower: string };

export const indexRegions = (rows: readonly RegionRow[]): IndexedRegion[] => rows.map((row) => ({ row, nameLower: row.name.toLowerCase() }));

const byRank = (q: string | undefined) => (a: IndexedRegion, b: IndexedRegion) => {
  if (q) {
    const ra = a.nameLower.startsWith(q) ? 0 : 1;
    const rb = b.nameLower.startsWith(q) ? 0 : 1;
    if (ra !== rb) return ra - rb;
  }

  return a.row.code.length - b.row.code.length || (a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0);
};

export const searchRegionRows = (regions: readonly IndexedRegion[], search: RegionSearch): { items: RegionRow[]; total: number } => {
  const q = search.q?.trim().toLowerCase();
  const isCode = q !== undefined && /^[0-9.]+$/.test(q);
  const matches = regions.filter(
    ({ row, nameLower }) =>
      row.validTo === null &&
      (!search.levels?.length || search.levels.includes(row.level)) &&
      (!q || (isCode ? row.code.startsWith(q) : nameLower.includes(q))),
  );
  matches.sort(byRank(isCode ? undefined : q));

  return { items: matches.slice(search.offset, search.offset + search.limit).map((m) => m.row), total: matches.length };
};

export const TOP_LEVELS: readonly RegionLevel[] = ['PROVINSI', 'KABUPATEN', 'KOTA'];
