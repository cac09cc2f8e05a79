import type { RegionRow } from './reference.repository.js';
import type { RegionLevel } from './reference.tables.js';

/**
 * Searching the current provinsi and kabupaten/kota in memory. These 552 rows change only when a
 * new region dataset is loaded at start-up, and they are the most-read reference data of all (every
 * form with a region picker), so they are served without a database round trip. The ranking is
 * the same as the SQL path: names starting with the query first, then by code.
 */
export type RegionSearch = { levels?: RegionLevel[] | undefined; q?: string | undefined; limit: number; offset: number };

const byRank = (q: string | undefined) => (a: RegionRow, b: RegionRow) => {
  if (q) {
    const ra = a.name.toLowerCase().startsWith(q) ? 0 : 1;
    const rb = b.name.toLowerCase().startsWith(q) ? 0 : 1;
    if (ra !== rb) return ra - rb;
  }

  return a.code.length - b.code.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
};

export const searchRegionRows = (rows: readonly RegionRow[], search: RegionSearch): { items: RegionRow[]; total: number } => {
  const q = search.q?.trim().toLowerCase();
  const isCode = q !== undefined && /^[0-9.]+$/.test(q);
  const matches = rows.filter(
    (r) =>
      r.validTo === null &&
      (!search.levels?.length || search.levels.includes(r.level)) &&
      (!q || (isCode ? r.code.startsWith(q) : r.name.toLowerCase().includes(q))),
  );
  matches.sort(byRank(isCode ? undefined : q));

  return { items: matches.slice(search.offset, search.offset + search.limit), total: matches.length };
};

export const TOP_LEVELS: readonly RegionLevel[] = ['PROVINSI', 'KABUPATEN', 'KOTA'];
