import type { Direction, Frequency } from './indicators.tables.js';

/**
 * Pure rules of indicators: period labels per frequency and their order, the achievement of a
 * period and of an indicator, and the weighted roll-up from activity to cooperation. No IO.
 */

const PERIOD_PATTERNS: Record<Frequency, RegExp> = {
  MONTHLY: /^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/,
  QUARTERLY: /^(19|20|21)\d{2}-Q[1-4]$/,
  SEMESTER: /^(19|20|21)\d{2}-S[12]$/,
  YEARLY: /^(19|20|21)\d{2}$/,
};

/** Example label per frequency, for messages: "2026-03", "2026-Q1", "2026-S1", "2026". */
export const PERIOD_EXAMPLES: Record<Frequency, string> = { MONTHLY: '2026-03', QUARTERLY: '2026-Q1', SEMESTER: '2026-S1', YEARLY: '2026' };

export const isPeriodOf = (frequency: Frequency, label: string) => PERIOD_PATTERNS[frequency].test(label);

/** The first month (0–11) a period covers, counted from year 0: the key periods are ordered by. */
export const periodStart = (label: string): number => {
  const year = Number(label.slice(0, 4));
  const rest = label.slice(5);
  if (rest === '') return year * 12;
  if (rest.startsWith('Q')) return year * 12 + (Number(rest.slice(1)) - 1) * 3;
  if (rest.startsWith('S')) return year * 12 + (Number(rest.slice(1)) - 1) * 6;

  return year * 12 + Number(rest) - 1;
};

/** Oldest first; periods that start together keep a stable order by label. */
export const comparePeriods = (a: string, b: string) => periodStart(a) - periodStart(b) || a.localeCompare(b);

/** Every period label of one year for a frequency, in order. */
export const periodsOfYear = (frequency: Frequency, year: number): string[] => {
  const n = { MONTHLY: 12, QUARTERLY: 4, SEMESTER: 2, YEARLY: 1 }[frequency];

  return Array.from({ length: n }, (_v, i) =>
    frequency === 'MONTHLY' ? `${year}-${String(i + 1).padStart(2, '0')}` : frequency === 'QUARTERLY' ? `${year}-Q${i + 1}` : frequency === 'SEMESTER' ? `${year}-S${i + 1}` : `${year}`,
  );
};

/** The period a Jakarta calendar day ("2026-05-14") falls in. */
export const periodOfDay = (frequency: Frequency, day: string): string => {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));

  return frequency === 'MONTHLY' ? day.slice(0, 7) : frequency === 'QUARTERLY' ? `${year}-Q${Math.ceil(month / 3)}` : frequency === 'SEMESTER' ? `${year}-S${month <= 6 ? 1 : 2}` : year;
};

const clamp = (x: number) => Math.min(100, Math.max(0, x));
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * How far a period's actual went from the baseline towards the target, as 0–100 with one decimal:
 * (actual − baseline) / (target − baseline), clamped. For DECREASE the distance is counted
 * downwards. A target equal to the baseline (keep the level) is 100 once the actual reaches it.
 */
export const periodAchievement = (v: { baseline: number; target: number; actual: number; direction: Direction }): number => {
  const gained = v.direction === 'INCREASE' ? v.actual - v.baseline : v.baseline - v.actual;
  const needed = v.direction === 'INCREASE' ? v.target - v.baseline : v.baseline - v.target;
  if (needed <= 0) return gained >= needed ? 100 : 0;

  return oneDecimal(clamp((gained / needed) * 100));
};

export type PeriodValue = { period: string; regionCode: string | null; target: number | null; actual: number };
export type IndicatorFacts = { baseline: number; target: number; direction: Direction };
export type LatestPeriod = { period: string; actual: number; target: number; achievement: number };

/**
 * The indicator's standing: its latest period with a value. Regions of that period are summed;
 * the period's target is the sum of the regions' own targets when every region has one,
 * otherwise the indicator's target. Null while nothing is recorded.
 */
export const latestPeriod = (indicator: IndicatorFacts, values: readonly PeriodValue[]): LatestPeriod | null => {
  if (values.length === 0) return null;
  const period = values.map((v) => v.period).sort(comparePeriods).at(-1)!;
  const rows = values.filter((v) => v.period === period);
  const actual = rows.reduce((s, v) => s + v.actual, 0);
  const target = rows.every((v) => v.target !== null) ? rows.reduce((s, v) => s + v.target!, 0) : indicator.target;

  return { period, actual, target, achievement: periodAchievement({ ...indicator, target, actual }) };
};

export type RollUpNode = { weight: number; value: number | null } | { weight: number; children: readonly RollUpNode[] };

/**
 * The weighted mean of a level's parts, 0–100, for any depth (activity → PKS → KSB →
 * cooperation). A part with nothing measured yet (null, or no measured children) is left out
 * rather than counted as zero; null when nothing below is measured.
 */
export const rollUp = (nodes: readonly RollUpNode[]): number | null => {
  let weights = 0;
  let sum = 0;
  for (const node of nodes) {
    const value = 'children' in node ? rollUp(node.children) : node.value;
    if (value === null || node.weight <= 0) continue;
    weights += node.weight;
    sum += node.weight * value;
  }

  return weights === 0 ? null : clamp(sum / weights);
};
