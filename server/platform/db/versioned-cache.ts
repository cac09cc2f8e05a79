import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';

/**
 * Figures of a key (a scope), kept per process and validated on every request against a version —
 * the newest committed change of the data change log (ADR 0024): an entry is served only while
 * no watched table has changed since it was computed, so a change shows at once. The time limit
 * bounds the one case the change log cannot see on PostgreSQL — two writers committing out of
 * order — and ends entries nobody asks for again. Requests that miss together share one
 * computation, so ten people opening the national view after a change cost one query, not ten.
 */
export type VersionedCache<T> = {
  load: (key: string, version: string, compute: () => Promise<T>) => Promise<T>;
};

type Entry<T> = { version: string; value: Promise<T> };

export const createVersionedCache = <T>({ seconds, clock, maxEntries = 1000 }: { seconds: number; clock: Clock; maxEntries?: number }): VersionedCache<T> | null => {
  if (seconds <= 0) return null;
  // ttlResolution 0: read the (injected) clock on every check instead of a value cached for a tick.
  const lru = new LRUCache<string, Entry<T>>({ max: maxEntries, ttl: seconds * 1000, ttlResolution: 0, perf: { now: () => clock.now().getTime() } });

  return {
    load: (key, version, compute) => {
      const hit = lru.get(key);
      if (hit && hit.version === version) return hit.value;
      const entry: Entry<T> = { version, value: compute() };
      lru.set(key, entry);
      // A failed computation is not kept: the next request tries again.
      entry.value.catch(() => {
        if (lru.peek(key) === entry) lru.delete(key);
      });

      return entry.value;
    },
  };
};
