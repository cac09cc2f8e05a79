-- What dashboards sum per cooperation (issue 4, item 8): budget and realisation of its work plan
-- and how many of its indicators are measured and achieved. monev keeps the row in the same
-- transaction as every change to activities, indicators and approved updates, so a national
-- dashboard reads one narrow row per cooperation instead of walking activities, indicators and
-- every value of every period.
CREATE TABLE monev_summary (
  cooperation_id uuid PRIMARY KEY REFERENCES cooperation (id) ON DELETE CASCADE,
  activities integer NOT NULL,
  budget numeric(18, 2) NOT NULL,
  realisation numeric(18, 2) NOT NULL,
  indicators integer NOT NULL,
  indicators_measured integer NOT NULL,
  indicators_achieved integer NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The rows of what exists already: an indicator's standing is its latest period with a value
-- (regions summed; the period target when every region has one, else the indicator's target).
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
WHERE a.cooperation_id IS NOT NULL OR i.cooperation_id IS NOT NULL;
