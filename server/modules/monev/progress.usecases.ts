import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { jakartaDay, progressFamily, recordMonitoring, rulesForTenant } from '../cooperations/index.js';
import { indicatorAchievementOf } from './indicators.usecases.js';
import { combineProgress } from './progress.models.js';
import * as workplanRepo from './workplan.repository.js';

/** A KSB → PKS chain is one or two levels; the bound only guards against a cycle in bad data. */
const MAX_LEVELS = 5;

/**
 * Recomputes a cooperation's progress from its activities, indicators and follow-up agreements
 * and reports it to cooperations, then does the same for its parent (the KSB a PKS follows), all
 * in the caller's transaction so the figures move with the change that caused them.
 */
export const refreshProgress = async ({ tx, clock, cooperationId }: { tx: Db; clock: Clock; cooperationId: string }, level = 0): Promise<void> => {
  const family = await progressFamily(tx, cooperationId);
  if (!family) return;
  const rules = await rulesForTenant({ db: tx, tenantId: family.tenantId, onDate: jakartaDay(clock.now()) });
  const progress = combineProgress(
    { activities: await workplanRepo.listActivities(tx, cooperationId), indicators: await indicatorAchievementOf(tx, cooperationId), followUps: family.followUps.map((f) => f.progress) },
    rules.progressWeights,
  );
  await recordMonitoring({ tx, cooperationId, progress });
  if (family.parentId && level < MAX_LEVELS) await refreshProgress({ tx, clock, cooperationId: family.parentId }, level + 1);
};
