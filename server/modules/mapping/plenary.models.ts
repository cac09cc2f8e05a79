import type { Rules } from '../cooperations/index.js';
import type { Stage } from './cycles.models.js';
import type { PotentialStatus } from './potentials.tables.js';

/**
 * Pure rules of the TKKSD plenary (issue 5, item 5): scoring register items on the rule pack's
 * weighted criteria, ranking them, and what a decision needs. Criteria, weights and scale are
 * configuration (`plenaryScoring`); how a total is formed from them is here.
 */
export type Scoring = Rules['plenaryScoring'];
export type Scores = Record<string, number>;

/** The plenary sits while the TKKSD discusses and until the Kepala Daerah's decree is recorded. */
export const isPlenaryOpen = (stage: Stage) => stage === 'PENYUSUNAN_PEMBAHASAN' || stage === 'PENETAPAN';

/** A cancelled item is not discussed; everything else the OPDs brought in is. */
export const isRankable = (status: PotentialStatus) => status !== 'DIBATALKAN';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The weighted total on 0–100: each criterion's score placed on its scale (min → 0, max → 1),
 * weighted, divided by the sum of the weights. A criterion not scored yet adds nothing and makes
 * the item incomplete; scores for criteria the pack no longer lists are ignored.
 */
export const weightedTotal = (scoring: Scoring, scores: Scores): { total: number; complete: boolean } => {
  const { min, max } = scoring.scale;
  const sum = scoring.criteria.reduce((s, c) => s + c.weight, 0);
  let acc = 0;
  let complete = true;
  for (const c of scoring.criteria) {
    const v = scores[c.key];
    if (v === undefined) {
      complete = false;
      continue;
    }
    acc += (c.weight * (Math.min(Math.max(v, min), max) - min)) / (max - min);
  }

  return { total: sum > 0 ? round2((acc / sum) * 100) : 0, complete };
};

export type RankInput = { id: string; title: string; scores: Scores };
export type Ranked<T extends RankInput> = T & { total: number; complete: boolean; rank: number };

/**
 * Items by weighted total, highest first; equal totals share a rank (1, 2, 2, 4) and are listed
 * by title, so the order is the same on every read.
 */
export const rank = <T extends RankInput>(scoring: Scoring, items: readonly T[]): Ranked<T>[] => {
  const scored = items
    .map((i) => ({ ...i, ...weightedTotal(scoring, i.scores) }))
    .sort((a, b) => b.total - a.total || a.title.localeCompare(b.title, 'id') || a.id.localeCompare(b.id));
  let previous: { total: number; rank: number } | null = null;

  return scored.map((item, i) => {
    const r = previous && previous.total === item.total ? previous.rank : i + 1;
    previous = { total: item.total, rank: r };

    return { ...item, rank: r };
  });
};

export type ScoreProblem = { path: string; code: 'unknown_criterion' | 'out_of_range' | 'not_found' };

/** What is wrong with scores sent for some items: a criterion the pack does not list, a value off the scale, an item not in the plenary. */
export const scoreProblems = (scoring: Scoring, entries: readonly { potentialId: string; scores: Record<string, number | null> }[], rankableIds: ReadonlySet<string>): ScoreProblem[] => {
  const keys = new Set(scoring.criteria.map((c) => c.key));
  const out: ScoreProblem[] = [];
  entries.forEach((e, i) => {
    if (!rankableIds.has(e.potentialId)) out.push({ path: `items.${i}.potentialId`, code: 'not_found' });
    for (const [key, v] of Object.entries(e.scores)) {
      if (!keys.has(key)) out.push({ path: `items.${i}.scores.${key}`, code: 'unknown_criterion' });
      else if (v !== null && (!Number.isInteger(v) || v < scoring.scale.min || v > scoring.scale.max)) out.push({ path: `items.${i}.scores.${key}`, code: 'out_of_range' });
    }
  });

  return out;
};

export type DecisionBlock = { code: 'meeting_not_plenary' } | { code: 'meeting_not_held' } | { code: 'no_attendance' } | { code: 'unscored'; ids: string[] };

/**
 * What keeps a plenary from deciding (null: it may): the meeting must be a TKKSD plenary of this
 * pemda (for this cycle or not yet tied to one), held (its minutes written), with someone
 * recorded present; every priority item must be scored on every criterion.
 */
export const decisionBlock = (f: {
  meeting: { tenantId: string; type: string; status: string; mappingCycleId: string | null };
  cycle: { id: string; tenantId: string };
  present: number;
  priorities: readonly { id: string; complete: boolean }[];
}): DecisionBlock | null => {
  const m = f.meeting;
  if (m.tenantId !== f.cycle.tenantId || m.type !== 'RAPAT_PLENO_TKKSD' || (m.mappingCycleId !== null && m.mappingCycleId !== f.cycle.id)) return { code: 'meeting_not_plenary' };
  if (m.status !== 'HELD') return { code: 'meeting_not_held' };
  if (f.present === 0) return { code: 'no_attendance' };
  const unscored = f.priorities.filter((p) => !p.complete).map((p) => p.id);

  return unscored.length ? { code: 'unscored', ids: unscored } : null;
};

/**
 * Status moves a decision makes: chosen items still only proposed become prioritised; items an
 * earlier decision prioritised and this one drops go back to proposed. Items the TKKSD already
 * moved further (adopted, followed through) or cancelled keep their status.
 */
export const statusMoves = (items: readonly { id: string; status: PotentialStatus }[], chosen: ReadonlySet<string>, previouslyChosen: ReadonlySet<string>) => ({
  prioritise: items.filter((i) => chosen.has(i.id) && i.status === 'DIUSULKAN').map((i) => i.id),
  release: items.filter((i) => !chosen.has(i.id) && previouslyChosen.has(i.id) && i.status === 'DIPRIORITASKAN').map((i) => i.id),
});
