import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentPeriod, endProblem, isValidSpan, isWithin, ketuaConflict, liaisonCoverage, overlappingPeriod, spansOverlap, warningCount } from './tkksd.models.js';

const p = (id: string, validFrom: string, validTo: string | null) => ({ id, validFrom, validTo });

describe('TKKSD periods', () => {
  it('a period ends no earlier than it starts', () => {
    assert.equal(isValidSpan(p('a', '2026-01-01', '2026-12-31')), true);
    assert.equal(isValidSpan(p('a', '2026-01-01', '2026-01-01')), true);
    assert.equal(isValidSpan(p('a', '2026-01-01', '2025-12-31')), false);
    assert.equal(isValidSpan(p('a', '2026-01-01', null)), true);
  });

  it('periods of one pemda may not share a day; the next decree may start the day after', () => {
    const periods = [p('2025', '2025-01-01', '2025-12-31')];
    assert.equal(overlappingPeriod(periods, p('x', '2026-01-01', '2026-12-31')), undefined);
    assert.equal(overlappingPeriod(periods, p('x', '2025-12-31', '2026-12-31'))?.id, '2025');
    assert.equal(overlappingPeriod(periods, p('x', '2024-01-01', null))?.id, '2025', 'an open end runs into later periods');
    assert.equal(overlappingPeriod(periods, p('2025', '2025-06-01', '2025-12-31'), '2025'), undefined, 'a period does not overlap itself');
    assert.equal(spansOverlap(p('a', '2026-01-01', null), p('b', '2030-01-01', '2030-12-31')), true);
  });

  it('the current period is the one valid today', () => {
    const periods = [p('2025', '2025-01-01', '2025-12-31'), p('2026', '2026-01-01', '2026-12-31')];
    assert.equal(currentPeriod(periods, '2026-03-02')?.id, '2026');
    assert.equal(currentPeriod(periods, '2027-01-01'), null);
  });

  it('one ketua at a time within a period; a successor may follow the day after', () => {
    const members = [{ ...p('k', '2026-01-01', '2026-06-30'), position: 'KETUA' as const }, { ...p('s', '2026-01-01', null), position: 'SEKRETARIS' as const }];
    assert.equal(ketuaConflict(members, { ...p('n', '2026-06-30', null), position: 'KETUA' }), true);
    assert.equal(ketuaConflict(members, { ...p('n', '2026-07-01', null), position: 'KETUA' }), false);
    assert.equal(ketuaConflict(members, { ...p('n', '2026-01-01', null), position: 'ANGGOTA' }), false);
  });

  it("a member's term lies inside the decree period", () => {
    assert.equal(isWithin(p('m', '2026-02-01', '2026-12-31'), p('y', '2026-01-01', '2026-12-31')), true);
    assert.equal(isWithin(p('m', '2026-02-01', null), p('y', '2026-01-01', '2026-12-31')), false);
    assert.equal(isWithin(p('m', '2025-12-01', '2026-12-31'), p('y', '2026-01-01', null)), false);
    assert.equal(isWithin(p('m', '2026-02-01', null), p('y', '2026-01-01', null)), true);
  });

  it('an appointment ends between its start and its own end', () => {
    assert.equal(endProblem(p('m', '2026-01-01', '2026-12-31'), '2026-03-01'), null);
    assert.equal(endProblem(p('m', '2026-01-01', '2026-12-31'), '2026-01-01'), null);
    assert.equal(endProblem(p('m', '2026-01-01', '2026-12-31'), '2025-12-31'), 'before_start');
    assert.equal(endProblem(p('m', '2026-01-01', '2026-12-31'), '2027-01-01'), 'after_end');
  });
});

describe('liaison minimum per OPD', () => {
  const opds = [{ id: 'dinkes' }, { id: 'bappeda' }, { id: 'pupr' }];
  const liaisons = [
    { opdId: 'dinkes', validFrom: '2026-01-01', validTo: null },
    { opdId: 'dinkes', validFrom: '2026-01-01', validTo: '2026-12-31' },
    { opdId: 'bappeda', validFrom: '2026-01-01', validTo: null },
    { opdId: 'bappeda', validFrom: '2025-01-01', validTo: '2025-12-31' },
    { opdId: 'pupr', validFrom: '2026-04-01', validTo: null },
  ];

  it('counts only liaisons active today and warns below the minimum', () => {
    const c = liaisonCoverage(opds, liaisons, 2, '2026-03-02');
    assert.deepEqual(
      c.map((o) => [o.id, o.activeCount, o.belowMinimum]),
      [
        ['dinkes', 2, false],
        ['bappeda', 1, true],
        ['pupr', 0, true],
      ],
    );
    assert.equal(warningCount(c), 2);
  });

  it('follows the rule pack: a minimum of 1 leaves only the empty OPD warned, 0 none', () => {
    assert.equal(warningCount(liaisonCoverage(opds, liaisons, 1, '2026-03-02')), 1);
    assert.equal(warningCount(liaisonCoverage(opds, liaisons, 0, '2026-03-02')), 0);
  });
});
