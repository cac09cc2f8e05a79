import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NATIONAL_DEFAULTS } from '../cooperations/rulepack.models.js';
import { decisionBlock, rank, scoreProblems, statusMoves, weightedTotal, type Scoring } from './plenary.models.js';

const scoring = NATIONAL_DEFAULTS.plenaryScoring;
const all = (v: number) => Object.fromEntries(scoring.criteria.map((c) => [c.key, v]));

describe('plenary scoring', () => {
  it('places each score on its scale and weighs it: all lowest is 0, all highest is 100', () => {
    assert.deepEqual(weightedTotal(scoring, all(1)), { total: 0, complete: true });
    assert.deepEqual(weightedTotal(scoring, all(5)), { total: 100, complete: true });
    assert.deepEqual(weightedTotal(scoring, all(3)), { total: 50, complete: true });
  });

  it('counts a missing criterion as nothing and marks the item incomplete; ignores criteria the pack dropped', () => {
    assert.deepEqual(weightedTotal(scoring, { URGENCY: 5, RETIRED: 5 }), { total: 25, complete: false });
  });

  it('follows the weights: the same scores total differently under other weights', () => {
    const urgent = { ...all(1), URGENCY: 5 };
    const heavy: Scoring = { ...scoring, criteria: scoring.criteria.map((c) => ({ ...c, weight: c.key === 'URGENCY' ? 80 : 5 })) };
    assert.equal(weightedTotal(scoring, urgent).total, 25);
    assert.equal(weightedTotal(heavy, urgent).total, 80);
  });

  it('ranks highest first; equal totals share a rank and are listed by title', () => {
    const ranked = rank(scoring, [
      { id: 'c', title: 'Cagar budaya', scores: all(3) },
      { id: 'a', title: 'Air bersih', scores: all(3) },
      { id: 'b', title: 'Bandara', scores: all(5) },
      { id: 'd', title: 'Dermaga', scores: {} },
    ]);
    assert.deepEqual(
      ranked.map((r) => [r.id, r.rank, r.total]),
      [
        ['b', 1, 100],
        ['a', 2, 50],
        ['c', 2, 50],
        ['d', 4, 0],
      ],
    );
  });

  it('refuses unknown criteria, values off the scale or not whole, and items outside the plenary', () => {
    const problems = scoreProblems(scoring, [{ potentialId: 'x', scores: { URGENCY: 0, ECONOMIC: 2.5, POLITICAL: null, LOBBY: 3 } }], new Set(['y']));
    assert.deepEqual(
      problems.map((p) => `${p.path}:${p.code}`),
      ['items.0.potentialId:not_found', 'items.0.scores.URGENCY:out_of_range', 'items.0.scores.ECONOMIC:out_of_range', 'items.0.scores.LOBBY:unknown_criterion'],
    );
  });
});

describe('plenary decision', () => {
  const meeting = { tenantId: 't', type: 'RAPAT_PLENO_TKKSD', status: 'HELD', mappingCycleId: null };
  const cycle = { id: 'c', tenantId: 't' };

  it('needs a held TKKSD plenary of the pemda, for this cycle or none, with someone present, and fully scored priorities', () => {
    assert.equal(decisionBlock({ meeting, cycle, present: 3, priorities: [{ id: 'p', complete: true }] }), null);
    assert.deepEqual(decisionBlock({ meeting: { ...meeting, type: 'RAKOR_OPD' }, cycle, present: 3, priorities: [] }), { code: 'meeting_not_plenary' });
    assert.deepEqual(decisionBlock({ meeting: { ...meeting, mappingCycleId: 'other' }, cycle, present: 3, priorities: [] }), { code: 'meeting_not_plenary' });
    assert.deepEqual(decisionBlock({ meeting: { ...meeting, status: 'INVITED' }, cycle, present: 3, priorities: [] }), { code: 'meeting_not_held' });
    assert.deepEqual(decisionBlock({ meeting, cycle, present: 0, priorities: [] }), { code: 'no_attendance' });
    assert.deepEqual(decisionBlock({ meeting, cycle, present: 1, priorities: [{ id: 'p', complete: false }] }), { code: 'unscored', ids: ['p'] });
  });

  it('prioritises chosen proposed items and releases items a previous decision chose and this one dropped; later statuses stay', () => {
    const items = [
      { id: 'a', status: 'DIUSULKAN' as const },
      { id: 'b', status: 'DIPRIORITASKAN' as const },
      { id: 'c', status: 'DITINDAKLANJUTI' as const },
      { id: 'd', status: 'DIPRIORITASKAN' as const },
    ];
    assert.deepEqual(statusMoves(items, new Set(['a', 'c', 'd']), new Set(['b', 'c', 'd'])), { prioritise: ['a'], release: ['b'] });
  });
});
