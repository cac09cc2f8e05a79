import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { comparePeriods, isPeriodOf, latestPeriod, periodAchievement, periodOfDay, periodsOfYear, rollUp, type RollUpNode } from './indicators.models.js';

describe('indicator periods', () => {
  it('accept only the label shape of their frequency', () => {
    assert.ok(isPeriodOf('MONTHLY', '2026-03') && !isPeriodOf('MONTHLY', '2026-13') && !isPeriodOf('MONTHLY', '2026-Q1'));
    assert.ok(isPeriodOf('QUARTERLY', '2026-Q4') && !isPeriodOf('QUARTERLY', '2026-Q5') && !isPeriodOf('QUARTERLY', '2026'));
    assert.ok(isPeriodOf('SEMESTER', '2026-S2') && !isPeriodOf('SEMESTER', '2026-S3'));
    assert.ok(isPeriodOf('YEARLY', '2026') && !isPeriodOf('YEARLY', '2026-01'));
  });

  it('list a year in order and place a day in its period', () => {
    assert.deepEqual(periodsOfYear('QUARTERLY', 2026), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    assert.equal(periodsOfYear('MONTHLY', 2026).length, 12);
    assert.equal(periodOfDay('QUARTERLY', '2026-05-14'), '2026-Q2');
    assert.equal(periodOfDay('SEMESTER', '2026-07-01'), '2026-S2');
    assert.equal(periodOfDay('MONTHLY', '2026-05-14'), '2026-05');
    assert.equal(periodOfDay('YEARLY', '2026-05-14'), '2026');
  });

  it('order by the month they start, across years (2025-Q4 before 2026-Q1, 2026-10 after 2026-09)', () => {
    assert.deepEqual(['2026-Q1', '2025-Q4', '2026-Q3'].sort(comparePeriods), ['2025-Q4', '2026-Q1', '2026-Q3']);
    assert.deepEqual(['2026-10', '2026-09', '2025-12'].sort(comparePeriods), ['2025-12', '2026-09', '2026-10']);
  });
});

describe('achievement', () => {
  it('measures the way from baseline to target, clamped to 0–100', () => {
    assert.equal(periodAchievement({ baseline: 10, target: 30, actual: 20, direction: 'INCREASE' }), 50);
    assert.equal(periodAchievement({ baseline: 10, target: 30, actual: 5, direction: 'INCREASE' }), 0);
    assert.equal(periodAchievement({ baseline: 10, target: 30, actual: 45, direction: 'INCREASE' }), 100);
    assert.equal(periodAchievement({ baseline: 0, target: 3, actual: 1, direction: 'INCREASE' }), 33.3);
  });

  it('counts downwards for a DECREASE indicator (e.g. stunting from 30% to 20%)', () => {
    assert.equal(periodAchievement({ baseline: 30, target: 20, actual: 27.5, direction: 'DECREASE' }), 25);
    assert.equal(periodAchievement({ baseline: 30, target: 20, actual: 35, direction: 'DECREASE' }), 0);
    assert.equal(periodAchievement({ baseline: 30, target: 20, actual: 15, direction: 'DECREASE' }), 100);
  });

  it('is 100 for a keep-the-level target once the actual reaches it, else 0', () => {
    assert.equal(periodAchievement({ baseline: 5, target: 5, actual: 5, direction: 'INCREASE' }), 100);
    assert.equal(periodAchievement({ baseline: 5, target: 5, actual: 4, direction: 'INCREASE' }), 0);
    assert.equal(periodAchievement({ baseline: 5, target: 5, actual: 4, direction: 'DECREASE' }), 100);
    assert.equal(periodAchievement({ baseline: 5, target: 5, actual: 6, direction: 'DECREASE' }), 0);
  });

  it("of an indicator is its latest period, regions summed, with the period's own targets when every region has one", () => {
    const facts = { baseline: 0, target: 100, direction: 'INCREASE' as const };
    assert.equal(latestPeriod(facts, []), null);
    const values = [
      { period: '2026-Q1', regionCode: '63.06', target: null, actual: 90 },
      { period: '2026-Q2', regionCode: '63.06', target: null, actual: 20 },
      { period: '2026-Q2', regionCode: '63.07', target: null, actual: 30 },
    ];
    assert.deepEqual(latestPeriod(facts, values), { period: '2026-Q2', actual: 50, target: 100, achievement: 50 });
    const ownTargets = values.map((v) => ({ ...v, target: 40 }));
    assert.deepEqual(latestPeriod(facts, ownTargets), { period: '2026-Q2', actual: 50, target: 80, achievement: 62.5 });
  });
});

describe('roll-up', () => {
  it('is the weighted mean of measured parts, leaving unmeasured ones out', () => {
    assert.equal(rollUp([]), null);
    assert.equal(rollUp([{ weight: 1, value: null }]), null);
    assert.equal(rollUp([{ weight: 3, value: 100 }, { weight: 1, value: 0 }, { weight: 5, value: null }]), 75);
    assert.equal(rollUp([{ weight: 1, children: [{ weight: 1, value: 40 }, { weight: 1, value: 60 }] }, { weight: 1, value: 100 }]), 75);
  });

  const leaf = fc.record({ weight: fc.integer({ min: 1, max: 20 }), value: fc.double({ min: 0, max: 100, noNaN: true }) });
  const { tree } = fc.letrec<{ tree: RollUpNode; node: RollUpNode }>((tie) => ({
    tree: fc.record({ weight: fc.integer({ min: 1, max: 20 }), children: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('tree')),
  }));
  const close = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) < 1e-9;

  it("of a tree equals the weighted mean of its children's roll-ups, and a tree whose leaves all have value v rolls up to v (generated trees)", () => {
    const withLeaves = (node: RollUpNode, v: number): RollUpNode => ('children' in node ? { weight: node.weight, children: node.children.map((c) => withLeaves(c, v)) } : { weight: node.weight, value: v });
    fc.assert(
      fc.property(tree, fc.double({ min: 0, max: 100, noNaN: true }), (t, v) => {
        const children = (t as { children: readonly RollUpNode[] }).children;
        const parts = children.map((c) => ({ weight: c.weight, value: 'children' in c ? rollUp(c.children) : c.value }));
        const mean = parts.reduce((s, p) => s + p.weight * p.value!, 0) / parts.reduce((s, p) => s + p.weight, 0);
        const whole = rollUp(children)!;
        assert.ok(close(whole, mean), `${whole} ≠ ${mean}`);
        assert.ok(whole >= 0 && whole <= 100);
        assert.ok(close(rollUp([withLeaves(t, v)]), v), 'uniform leaves roll up to their value');
      }),
    );
  });
});
