import type { Clock } from '../../platform/clock.js';
import { createVersionedCache, type VersionedCache } from '../../platform/db/versioned-cache.js';
import type { OverviewRows } from './national.repository.js';

/** The mapping overview's rows of a scope and year, kept per process and checked against the change log (ADR 0027, as dashboards under ADR 0024). */
export type OverviewCache = VersionedCache<OverviewRows>;

export const createOverviewCache = (options: { seconds: number; clock: Clock; maxEntries?: number }): OverviewCache | null => createVersionedCache<OverviewRows>(options);
