import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { monevSummary } from './summary.tables.js';

export type SummaryFigures = Omit<typeof monevSummary.$inferInsert, 'cooperationId' | 'updatedAt'>;

export const upsertSummary = async (db: Db, cooperationId: string, figures: SummaryFigures, at: Date) => {
  await db
    .insert(monevSummary)
    .values({ cooperationId, ...figures, updatedAt: at })
    .onConflictDoUpdate({ target: monevSummary.cooperationId, set: { ...figures, updatedAt: at } });
};

/**
 * Every summary row from the tables, set-based (the same SQL as migration 0019's backfill), for
 * data written in bulk outside the use cases: the benchmark's generator and test fixtures.
 */
export const rebuildSummaries = async (db: Db) => {
  await db.execute(sql.raw(`
INSERT INTO monev_summary (cooperation_id, activities, budget, realisation, indicators, indicators_measured, indicators_achieved, updated_at)
SELECT c.id,
  coalesce(a.n, 0), coalesce(a.budget, 0), coalesce(a.realisation, 0),
  coalesce(i.n, 0), coalesce(i.measured, 0), coalesce(i.achieved, 0), now()
FROM cooperation c
LEFT JOIN (
  SELECT cooperation_id, count(*) AS n, sum(budget) AS budget, sum(realisation) AS realisation
  FROM work_plan_activity GROUP BY cooperation_id
) a ON a.cooperation_id = c.id
LEFT JOIN (
  SELECT ind.cooperation_id, count(*) AS n, count(lv.actual) AS measured,
    count(*) FILTER (WHERE (ind.direction = 'INCREASE' AND lv.actual >= coalesce(lv.period_target, ind.target))
                        OR (ind.direction = 'DECREASE' AND lv.actual <= coalesce(lv.period_target, ind.target))) AS achieved
  FROM monev_indicator ind
  LEFT JOIN LATERAL (
    SELECT sum(v.actual) AS actual, CASE WHEN bool_and(v.target IS NOT NULL) THEN sum(v.target) END AS period_target
    FROM monev_indicator_value v
    WHERE v.indicator_id = ind.id AND v.period = (SELECT max(w.period) FROM monev_indicator_value w WHERE w.indicator_id = ind.id)
    HAVING count(*) > 0
  ) lv ON true
  GROUP BY ind.cooperation_id
) i ON i.cooperation_id = c.id
WHERE a.cooperation_id IS NOT NULL OR i.cooperation_id IS NOT NULL
ON CONFLICT (cooperation_id) DO UPDATE SET activities = EXCLUDED.activities, budget = EXCLUDED.budget, realisation = EXCLUDED.realisation,
  indicators = EXCLUDED.indicators, indicators_measured = EXCLUDED.indicators_measured, indicators_achieved = EXCLUDED.indicators_achieved, updated_at = EXCLUDED.updated_at`));
};
