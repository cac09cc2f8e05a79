import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { combineProgress } from './progress.models.js';

const even = { activities: 1, indicators: 1, followUps: 1 };
const act = (progress: number, weight = 1, status: 'BERJALAN' | 'SELESAI' | 'DIBATALKAN' = 'BERJALAN') => ({ status, progress, weight });

describe('combineProgress', () => {
  it('leaves out a part with nothing in it instead of counting it as zero', () => {
    assert.equal(combineProgress({ activities: [], indicators: null, followUps: [] }, even), 0);
    assert.equal(combineProgress({ activities: [act(40)], indicators: null, followUps: [] }, even), 40);
    assert.equal(combineProgress({ activities: [act(90, 1, 'DIBATALKAN')], indicators: 30, followUps: [] }, even), 30);
    assert.equal(combineProgress({ activities: [], indicators: null, followUps: [20, 60] }, even), 40);
  });

  it('weighs the three parts by the rule pack, and the follow-ups equally among themselves', () => {
    assert.equal(combineProgress({ activities: [act(100, 1, 'SELESAI')], indicators: 50, followUps: [0, 30] }, even), (100 + 50 + 15) / 3);
    assert.equal(combineProgress({ activities: [act(100)], indicators: 0, followUps: [] }, { activities: 3, indicators: 1, followUps: 1 }), 75);
    assert.equal(combineProgress({ activities: [act(100)], indicators: 0, followUps: [] }, { activities: 0, indicators: 1, followUps: 1 }), 0);
  });

  it('stays between the smallest and the largest part, for any parts and weights', () => {
    const pct = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom('BERJALAN' as const, 'SELESAI' as const), progress: pct, weight: fc.integer({ min: 1, max: 9 }) }), { maxLength: 5 }),
        fc.option(pct, { nil: null }),
        fc.array(pct, { maxLength: 4 }),
        fc.record({ activities: fc.integer({ min: 1, max: 5 }), indicators: fc.integer({ min: 1, max: 5 }), followUps: fc.integer({ min: 1, max: 5 }) }),
        (activities, indicators, followUps, weights) => {
          const parts = [...activities.map((a) => (a.status === 'SELESAI' ? 100 : a.progress)), ...(indicators === null ? [] : [indicators]), ...followUps];
          const value = combineProgress({ activities, indicators, followUps }, weights);
          if (parts.length === 0) return value === 0;

          return value >= Math.min(...parts) - 0.01 && value <= Math.max(...parts) + 0.01;
        },
      ),
    );
  });
});
