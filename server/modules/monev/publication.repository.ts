import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { parsedJson } from '../../platform/db/json-rows.js';
import { latestPeriod, type LatestPeriod } from './indicators.models.js';
import type { Direction } from './indicators.tables.js';

/**
 * What monitoring may show on the portal (issue 6, ADR 0028): indicators with their latest
 * standing, and approved progress updates without their author, reviewer, evidence or review
 * comment. Read for the portal's snapshot only.
 */
export type PublicMonev = {
  indicators: { name: string; unit: string; baseline: number; target: number; latest: LatestPeriod | null }[];
  updates: { asOf: string; narrative: string; progress: number | null }[];
};

type IndicatorJson = { name: string; unit: string; baseline: string; target: string; direction: Direction; values: { period: string; regionCode: string | null; target: string | null; actual: string }[] };
type UpdateJson = { asOf: string; narrative: string; lines: { progress: number }[] };

export const loadPublicMonev = async (db: Db, cooperationId: string): Promise<PublicMonev> => {
  const result = (await db.execute(sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
          'name', i.name, 'unit', i.unit, 'baseline', i.baseline::text, 'target', i.target::text, 'direction', i.direction,
          'values', (SELECT coalesce(json_agg(json_build_object('period', v.period, 'regionCode', v.region_code, 'target', v.target::text, 'actual', v.actual::text)), '[]')
                     FROM monev_indicator_value v WHERE v.indicator_id = i.id)) ORDER BY i.created_at, i.id), '[]')
        FROM monev_indicator i WHERE i.cooperation_id = ${cooperationId}) AS indicators,
      (SELECT coalesce(json_agg(json_build_object('asOf', u.as_of::text, 'narrative', u.narrative, 'lines', u.activity_lines) ORDER BY u.as_of DESC, u.approved_at DESC), '[]')
        FROM monev_progress_update u WHERE u.cooperation_id = ${cooperationId} AND u.status = 'APPROVED') AS updates`)) as unknown as {
    rows: { indicators: unknown; updates: unknown }[];
  };
  const r = result.rows[0]!;

  return {
    indicators: parsedJson<IndicatorJson[]>(r.indicators).map((i) => {
      const facts = { baseline: Number(i.baseline), target: Number(i.target), direction: i.direction };
      const values = i.values.map((v) => ({ period: v.period, regionCode: v.regionCode, target: v.target === null ? null : Number(v.target), actual: Number(v.actual) }));

      return { name: i.name, unit: i.unit, baseline: facts.baseline, target: facts.target, latest: latestPeriod(facts, values) };
    }),
    updates: parsedJson<UpdateJson[]>(r.updates).map((u) => ({
      asOf: u.asOf,
      narrative: u.narrative,
      // The mean of the activities' reported progress; null when the update reported none.
      progress: u.lines.length ? Math.round((u.lines.reduce((s, l) => s + Number(l.progress), 0) / u.lines.length) * 10) / 10 : null,
    })),
  };
};
