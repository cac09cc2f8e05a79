import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.js';
import type { DashboardRows } from './dashboards.models.js';

/**
 * Dashboard figures of a scope, kept per process and validated on every request against the
 * newest committed change (ADR 0024): an entry is served only while no watched table has changed
 * since it was computed, so a pemda sees its own change at once. The time limit bounds the one
 * case the change log cannot see on PostgreSQL — two writers committing out of order — and ends
 * entries nobody asks for again. Requests that miss together share one computation, so ten
 * people opening the national dashboard after a change cost one query, not ten.
 */
export type DashboardCache = {
  load: (key: string, version: string, compute: () => Promise<DashboardRows>) => Promise<DashboardRows>;
};

type Entry = { version: string; rows: Promise<DashboardRows> };

export const createDashboardCache = ({ seconds, clock, maxEntries = 1000 }: { seconds: number; clock: Clock; maxEntries?: number }): DashboardCache | null => {
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
