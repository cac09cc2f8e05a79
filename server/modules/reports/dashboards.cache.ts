import type { Clock } from '../../platform/clock.js';
import { createVersionedCache, type VersionedCache } from '../../platform/db/versioned-cache.js';
import type { DashboardRows } from './dashboards.models.js';

/** Dashboard figures of a scope, kept per process and checked against the change log (ADR 0024). */
export type DashboardCache = VersionedCache<DashboardRows>;

export const createDashboardCache = (options: { seconds: number; clock: Clock; maxEntries?: number }): DashboardCache | null => createVersionedCache<DashboardRows>(options);
