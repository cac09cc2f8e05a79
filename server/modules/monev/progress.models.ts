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
