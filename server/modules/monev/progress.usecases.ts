import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { jakartaDay, progressFamily, recordMonitoring, rulesForTenant } from '../cooperations/index.js';
import { indicatorStandingOf } from './indicators.usecases.js';
import { combineProgress, summaryOf } from './progress.models.js';
import { upsertSummary } from './summary.repository.js';
import * as workplanRepo from './workplan.repository.js';

/** A KSB → PKS chain is one or two levels; the bound only guards against a cycle in bad data. */
const MAX_LEVELS = 5;

/**
 * Recomputes a cooperation's progress from its activities, indicators and follow-up agreements
 * and reports it to cooperations, refreshes the summary row dashboards sum, then does the same
 * for its parent (the KSB a PKS follows), all in the caller's transaction so the figures move
 * with the change that caused them. Returns the cooperation's new progress.
 */
export const refreshProgress = async ({ tx, clock, cooperationId }: { tx: Db; clock: Clock; cooperationId: string }, level = 0): Promise<number> => {
  const family = await progressFamily(tx, cooperationId);
  if (!family) return 0;
  const rules = await rulesForTenant({ db: tx, tenantId: family.tenantId, onDate: jakartaDay(clock.now()) });
  const activities = await workplanRepo.listActivities(tx, cooperationId);
  const indicators = await indicatorStandingOf(tx, cooperationId);
  const progress = combineProgress({ activities, indicators: indicators.rollUp, followUps: family.followUps.map((f) => f.progress) }, rules.progressWeights);
  await recordMonitoring({ tx, cooperationId, progress });
  await upsertSummary(tx, cooperationId, summaryOf(activities, indicators.indicators), clock.now());
  if (family.parentId && level < MAX_LEVELS) await refreshProgress({ tx, clock, cooperationId: family.parentId }, level + 1);

  return progress;
};
