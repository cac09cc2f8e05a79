import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.js';
import type { OverviewRows } from './national.repository.js';

/**
 * The mapping overview's rows of a scope and year, kept per process and validated on every request
 * against the newest committed change (ADR 0027, as the dashboards do under ADR 0024): an entry is
 * served only while no watched table has changed since it was computed, so a change shows at once.
 * The time limit bounds the one case the change log cannot see on PostgreSQL — two writers
 * committing out of order — and ends entries nobody asks for again. Requests that miss together
 * share one computation.
 */
export type OverviewCache = {
  load: (key: string, version: string, compute: () => Promise<OverviewRows>) => Promise<OverviewRows>;
};

type Entry = { version: string; rows: Promise<OverviewRows> };

export const createOverviewCache = ({ seconds, clock, maxEntries = 1000 }: { seconds: number; clock: Clock; maxEntries?: number }): OverviewCache | null => {
  if (seconds <= 0) return null;
  // ttlResolution 0: read the (injected) clock on every check instead of a value cached for a tick.
  const lru = new LRUCache<string, Entry>({ max: maxEntries, ttl: seconds * 1000, ttlResolution: 0, perf: { now: () => clock.now().getTime() } });

  return {
    load: (key, version, compute) => {
      const hit = lru.get(key);
      if (hit && hit.version === version) return hit.rows;
      const entry: Entry = { version, rows: compute() };
      lru.set(key, entry);
      // A failed computation is not kept: the next request tries again.
      entry.rows.catch(() => {
        if (lru.peek(key) === entry) lru.delete(key);
      });

      return entry.rows;
    },
  };
};
