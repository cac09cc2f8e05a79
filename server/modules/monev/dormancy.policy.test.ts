import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, planEscalation, reminderStatus, stepDay, stepReached } from './dormancy.policy.js';

const dayArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('dormancy escalation steps', () => {
  it('reaches step k at k × everyDays after the start, then stays on the last step', () => {
    const cases: [string, number | null][] = [
      ['2026-03-02', null],
      ['2026-03-03', 0],
      ['2026-03-16', 0],
      ['2026-03-17', 1],
      ['2026-03-31', 2],
      ['2026-04-14', 3],
      ['2027-01-01', 3],
    ];
    for (const [today, expected] of cases) assert.equal(stepReached('2026-03-03', today, 14, 4), expected, today);
  });

  it('a late run tells only the highest step reached and records the ones it jumped over', () => {
    assert.deepEqual(planEscalation({ episodeStart: '2026-03-03', today: '2026-04-01', everyDays: 14, stepCount: 4, recorded: new Set() }), { notify: 2, skipped: [0, 1] });
    assert.deepEqual(planEscalation({ episodeStart: '2026-03-03', today: '2026-04-01', everyDays: 14, stepCount: 4, recorded: new Set([0]) }), { notify: 2, skipped: [1] });
    assert.equal(planEscalation({ episodeStart: '2026-03-03', today: '2026-04-01', everyDays: 14, stepCount: 4, recorded: new Set([0, 1, 2]) }), null);
    assert.equal(planEscalation({ episodeStart: '2026-03-03', today: '2026-03-02', everyDays: 14, stepCount: 4, recorded: new Set() }), null);
  });

  it('for any dates: the step is within the ladder, monotonic in time, and its day is never after today', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 }), (start, offset, later, everyDays, stepCount) => {
        const today = addDays(start, offset);
        const k = stepReached(start, today, everyDays, stepCount);
        assert.notEqual(k, null);
        assert.ok(k! >= 0 && k! < stepCount);
        assert.ok(stepDay(start, k!, everyDays) <= today, 'a step is only reached on or after its day');
        if (k! < stepCount - 1) assert.ok(stepDay(start, k! + 1, everyDays) > today, 'the next step is still ahead');
        assert.ok(stepReached(start, addDays(today, later), everyDays, stepCount)! >= k!);
        assert.equal(stepReached(start, addDays(start, -1 - later), everyDays, stepCount), null);
      }),
    );
  });

  it('for any run history: every step up to the one reached is recorded exactly once, and only one is told per run', () => {
    fc.assert(
      fc.property(dayArb, fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), (start, runOffsets, everyDays, stepCount) => {
        const recorded = new Set<number>();
        const told: number[] = [];
        for (const offset of [...runOffsets].sort((x, y) => x - y)) {
          const plan = planEscalation({ episodeStart: start, today: addDays(start, offset), everyDays, stepCount, recorded });
          if (!plan) continue;
          for (const k of [...plan.skipped, plan.notify]) {
            assert.ok(!recorded.has(k), 'never recorded twice');
            recorded.add(k);
          }
          told.push(plan.notify);
        }
        const highest = stepReached(start, addDays(start, Math.max(...runOffsets)), everyDays, stepCount)!;
        assert.deepEqual([...recorded].sort((x, y) => x - y), Array.from({ length: highest + 1 }, (_, i) => i));
        assert.deepEqual(told, [...told].sort((x, y) => x - y), 'told in ascending order');
        assert.equal(told.at(-1), highest);
      }),
    );
  });
});

describe('calendar helpers', () => {
  it('adds calendar months, rolling a missing day back to the end of the month', () => {
    assert.equal(addMonths('2025-08-31', 6), '2026-02-28');
    assert.equal(addMonths('2026-01-15', 3), '2026-04-15');
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addMonths('2027-08-31', 6), '2028-02-29');
  });

  it('classifies due dates: overdue after the day, due soon within the window, otherwise nothing', () => {
    assert.equal(reminderStatus('2026-03-10', '2026-03-11', 7), 'OVERDUE');
    assert.equal(reminderStatus('2026-03-10', '2026-03-10', 7), 'DUE_SOON');
    assert.equal(reminderStatus('2026-03-17', '2026-03-10', 7), 'DUE_SOON');
    assert.equal(reminderStatus('2026-03-18', '2026-03-10', 7), null);
    assert.equal(daysBetween('2026-02-28', '2026-03-01'), 1);
  });
});
