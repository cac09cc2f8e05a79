import { dormantSince, isDormant, jakartaDay, listInForceCooperations, rulesResolver } from '../modules/cooperations/index.js';
import { runDormancyEscalation } from '../modules/monev/index.js';
import type { DemoSeedDeps } from './demo.actors.js';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The dormancy escalation as the daily job would have run it (issue 4, item 5): the cooperations
 * in force that nobody has monitored (RSUD Wamena) get their escalation history, each step told on
 * its own day (00:20 WIB), through the job's own use case, so the record, the notices and the
 * digest waiting for the next morning all agree.
 */
export const seedDemoEscalation = async ({ tx, clock }: Pick<DemoSeedDeps, 'tx' | 'clock'>) => {
  const today = jakartaDay(clock.now());
  const cooperations = await listInForceCooperations(tx);
  const rulesFor = await rulesResolver({ db: tx, tenantIds: [...new Set(cooperations.flatMap((c) => (c.tenantId ? [c.tenantId] : [])))], onDate: today });
  const days = new Set<string>();
  for (const c of cooperations) {
    const rules = rulesFor(c.tenantId);
    if (!isDormant(c, rules.dormantAfterMonths, today)) continue;
    const start = dormantSince(c, rules.dormantAfterMonths);
    rules.dormancyEscalation.steps.forEach((_, k) => {
      const day = addDays(start, k * rules.dormancyEscalation.everyDays);
      if (day <= today) days.add(day);
    });
  }
  let notified = 0;
  for (const day of [...days].sort()) {
    // 00:20 WIB of that day is 17:20 UTC the day before.
    const at = new Date(`${addDays(day, -1)}T17:20:00Z`);
    notified += (await runDormancyEscalation({ db: tx, clock: { now: () => at }, publicUrl: '' })).notified;
  }

  return notified;
};
