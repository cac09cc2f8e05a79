import { rollUp } from './indicators.models.js';
import { rollUpProgress } from './workplan.policy.js';
import type { ActivityStatus } from './workplan.tables.js';

export type ProgressWeights = { activities: number; indicators: number; followUps: number };

export type ProgressParts = {
  activities: readonly { status: ActivityStatus; progress: number; weight: string | number }[];
  /** The indicators' rolled-up achievement (0–100), null when nothing is measured yet. */
  indicators: number | null;
  /** The progress of each follow-up agreement (a KSB's PKS). */
  followUps: readonly number[];
};

/**
 * A cooperation's progress (0–100, two decimals): its own activities, its indicators'
 * achievement and its follow-up agreements, weighted by the rule pack. A part with nothing in it
 * (no activity that counts, nothing measured, no follow-up) is left out instead of counting as
 * zero, so a KSB with two PKS and no plan of its own is the mean of the two.
 */
export const combineProgress = (parts: ProgressParts, weights: ProgressWeights): number => {
  const counted = parts.activities.filter((a) => a.status !== 'DIBATALKAN');
  const value = rollUp([
    { weight: weights.activities, value: counted.length ? rollUpProgress(counted) : null },
    { weight: weights.indicators, value: parts.indicators },
    { weight: weights.followUps, children: parts.followUps.map((p) => ({ weight: 1, value: p })) },
  ]);

  return value === null ? 0 : Math.round(value * 100) / 100;
};

type Standing = { direction: 'INCREASE' | 'DECREASE'; latest: { actual: number; target: number } | null };

/** What dashboards sum per cooperation: the work plan's money and the indicators measured and achieved at their latest period. */
export const summaryOf = (activities: readonly { budget: string; realisation: string }[], indicators: readonly Standing[]) => {
  const cents = (v: string) => Math.round(Number(v) * 100);
  const money = (pick: (a: { budget: string; realisation: string }) => string) => (activities.reduce((s, a) => s + cents(pick(a)), 0) / 100).toFixed(2);
  const measured = indicators.filter((i) => i.latest !== null);

  return {
    activities: activities.length,
    budget: money((a) => a.budget),
    realisation: money((a) => a.realisation),
    indicators: indicators.length,
    indicatorsMeasured: measured.length,
    indicatorsAchieved: measured.filter((i) => (i.direction === 'INCREASE' ? i.latest!.actual >= i.latest!.target : i.latest!.actual <= i.latest!.target)).length,
  };
};
