import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';

/**
 * Read-only aggregates of work plans and indicators for periodic reports. `pairs` is the
 * cooperations' (cooperation_id, tenant_id) subquery from cooperations' index, so monev never
 * reads the register's tables itself and every figure is one GROUP BY query.
 */

const rows = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

export type BudgetFigures = { activities: number; budget: string; realisation: string };

/** Budget and realisation (IDR, exact strings) of the activities planned to run in the period, in total and per tenant. */
export const workPlanBudgetFor = async (db: Db, { pairs, periodStart, periodEnd }: { pairs: SQL; periodStart: string; periodEnd: string }) => {
  const window = sql`a.planned_start <= ${periodEnd}::date AND a.planned_end >= ${periodStart}::date`;
  const [total, perTenant] = await Promise.all([
    rows<{ activities: number; budget: string; realisation: string }>(
      db,
      sql`SELECT count(*)::int AS activities, coalesce(sum(a.budget), 0)::numeric(18,2)::text AS budget, coalesce(sum(a.realisation), 0)::numeric(18,2)::text AS realisation
          FROM work_plan_activity a WHERE ${window} AND a.cooperation_id IN (SELECT p.cooperation_id FROM (${pairs}) p)`,
    ),
    rows<{ tenant_id: string; activities: number; budget: string; realisation: string }>(
      db,
      sql`SELECT p.tenant_id, count(*)::int AS activities, coalesce(sum(a.budget), 0)::numeric(18,2)::text AS budget, coalesce(sum(a.realisation), 0)::numeric(18,2)::text AS realisation
          FROM work_plan_activity a JOIN (${pairs}) p ON p.cooperation_id = a.cooperation_id WHERE ${window} GROUP BY p.tenant_id`,
    ),
  ]);
  const of = (r: { activities: number; budget: string; realisation: string } | undefined): BudgetFigures => ({
    activities: Number(r?.activities ?? 0),
    budget: r?.budget ?? '0.00',
    realisation: r?.realisation ?? '0.00',
  });

  return { total: of(total[0]), perTenant: perTenant.map((r) => ({ tenantId: r.tenant_id, ...of(r) })) };
};

/** The first day of an indicator period label ("2026-03", "2026-Q2", "2026-S1", "2026"). */
const labelStart = sql`CASE
  WHEN v.period ~ '-Q' THEN make_date(left(v.period, 4)::int, (right(v.period, 1)::int - 1) * 3 + 1, 1)
  WHEN v.period ~ '-S' THEN make_date(left(v.period, 4)::int, (right(v.period, 1)::int - 1) * 6 + 1, 1)
  WHEN length(v.period) = 7 THEN make_date(left(v.period, 4)::int, right(v.period, 2)::int, 1)
  ELSE make_date(left(v.period, 4)::int, 1, 1) END`;

/**
 * Indicators of the cooperations and how many are achieved: the latest period that began by the
 * end of the report period, regions summed, against the sum of the regions' own targets when
 * every region has one, else the indicator's target (the rule of indicators.models latestPeriod);
 * achieved when the actual reaches the target in the indicator's direction.
 */
export const indicatorAchievementFor = async (db: Db, { pairs, periodEnd }: { pairs: SQL; periodEnd: string }) => {
  const result = await rows<{ total: number; measured: number; achieved: number }>(
    db,
    sql`WITH ind AS (SELECT i.id, i.target, i.direction FROM monev_indicator i WHERE i.cooperation_id IN (SELECT p.cooperation_id FROM (${pairs}) p)),
        val AS (SELECT v.indicator_id, v.period, v.actual, v.target FROM monev_indicator_value v JOIN ind ON ind.id = v.indicator_id WHERE ${labelStart} <= ${periodEnd}::date),
        latest AS (SELECT indicator_id, max(period) AS period FROM val GROUP BY indicator_id),
        summed AS (
          SELECT val.indicator_id, sum(val.actual) AS actual, CASE WHEN count(val.target) = count(*) THEN sum(val.target) END AS target
          FROM val JOIN latest ON latest.indicator_id = val.indicator_id AND latest.period = val.period GROUP BY val.indicator_id)
        SELECT count(*)::int AS total, (count(s.indicator_id))::int AS measured,
          (count(*) FILTER (WHERE s.indicator_id IS NOT NULL AND CASE WHEN ind.direction = 'DECREASE' THEN s.actual <= coalesce(s.target, ind.target) ELSE s.actual >= coalesce(s.target, ind.target) END))::int AS achieved
        FROM ind LEFT JOIN summed s ON s.indicator_id = ind.id`,
  );
  const r = result[0];

  return { total: Number(r?.total ?? 0), measured: Number(r?.measured ?? 0), achieved: Number(r?.achieved ?? 0) };
};
