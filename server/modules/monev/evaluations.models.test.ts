import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  computeScore,
  effectiveRubric,
  latestAndTrend,
  misplacedRatings,
  NATIONAL_RUBRIC,
  periodKey,
  RATER_ROLES,
  raterRolesOf,
  RubricSchema,
  type Rubric,
} from './evaluations.models.js';

const criteria = [
  { code: 'A', weight: 50 },
  { code: 'B', weight: 30 },
  { code: 'C', weight: 20 },
];

describe('evaluation score', () => {
  it('averages each criterion over its raters, then weights the criteria', () => {
    // A: (4+5)/2 = 4.5, B: 3, C: 1 → 0.5·4.5 + 0.3·3 + 0.2·1 = 3.35
    const ratings = [
      { criterion: 'A', score: 4 },
      { criterion: 'A', score: 5 },
      { criterion: 'B', score: 3 },
      { criterion: 'C', score: 1 },
    ];
    assert.equal(computeScore(criteria, ratings), 3.35);
  });

  it('leaves out criteria nobody rated and renormalises the remaining weights', () => {
    // Only A (4) and C (2): (50·4 + 20·2) / 70 = 3.428… → 3.43
    assert.equal(computeScore(criteria, [{ criterion: 'A', score: 4 }, { criterion: 'C', score: 2 }]), 3.43);
  });

  it('is null while nothing is rated, and ignores ratings of criteria outside the rubric', () => {
    assert.equal(computeScore(criteria, []), null);
    assert.equal(computeScore(criteria, [{ criterion: 'Z', score: 5 }]), null);
  });

  it('stays within 1–5 and equals the rating when every rating is the same (generated rubrics and ratings)', () => {
    const rubric = fc
      .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 })
      .map((weights) => weights.map((weight, i) => ({ code: `K${i}`, weight })));
    fc.assert(
      fc.property(
        rubric,
        fc.array(fc.record({ pick: fc.nat(), score: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (cs, raw, same) => {
          const ratings = raw.map((r) => ({ criterion: cs[r.pick % cs.length]!.code, score: r.score }));
          const score = computeScore(cs, ratings)!;
          assert.ok(score >= 1 && score <= 5, `score ${score} out of range`);
          assert.ok(Math.abs(score * 100 - Math.round(score * 100)) < 1e-9, 'two decimals at most');
          assert.equal(computeScore(cs, ratings.map((r) => ({ ...r, score: same }))), same);
        },
      ),
    );
  });
});

describe('rubric', () => {
  it('ships the §8.6 national default: seven criteria, weights adding up to 100, every role rating every criterion', () => {
    assert.equal(NATIONAL_RUBRIC.criteria.length, 7);
    assert.equal(NATIONAL_RUBRIC.criteria.reduce((s, c) => s + c.weight, 0), 100);
    assert.ok(NATIONAL_RUBRIC.criteria.every((c) => c.raterRoles.length === RATER_ROLES.length && c.name.id && c.name.en));
  });

  it('refuses weights that do not add up to 100 and repeated codes, naming the field', () => {
    const bad = {
      criteria: [
        { code: 'A', name: { id: 'A', en: 'A' }, weight: 60 },
        { code: 'A', name: { id: 'B', en: 'B' }, weight: 30 },
      ],
    };
    const result = RubricSchema.safeParse(bad);
    assert.equal(result.success, false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code]);
    assert.deepEqual(issues, [
      ['criteria.1.code', 'duplicate_code'],
      ['criteria', 'weights_not_100'],
    ]);
  });

  it('defaults the rater roles to all four when a criterion does not name them', () => {
    const parsed = RubricSchema.parse({ criteria: [{ code: 'ONLY', name: { id: 'Satu', en: 'One' }, weight: 100 }] });
    assert.deepEqual(parsed.criteria[0]!.raterRoles, [...RATER_ROLES]);
  });

  it('takes the pemda version valid on the date, else the national default', () => {
    const own: Rubric = { criteria: [{ code: 'ONLY', name: { id: 'Satu', en: 'One' }, weight: 100, raterRoles: ['SEKRETARIAT'] }] };
    const versions = [
      { version: 1, validFrom: '2026-01-01', rubric: own },
      { version: 2, validFrom: '2027-01-01', rubric: NATIONAL_RUBRIC },
    ];
    assert.deepEqual(effectiveRubric(versions, '2025-12-31'), { version: null, rubric: NATIONAL_RUBRIC });
    assert.deepEqual(effectiveRubric(versions, '2026-06-30'), { version: 1, rubric: own });
    assert.equal(effectiveRubric(versions, '2027-01-01').version, 2);
  });

  it('reports criteria the role does not rate or the rubric does not have', () => {
    const own: Rubric = {
      criteria: [
        { code: 'A', name: { id: 'A', en: 'A' }, weight: 50, raterRoles: ['SEKRETARIAT', 'TKKSD'] },
        { code: 'B', name: { id: 'B', en: 'B' }, weight: 50, raterRoles: ['OPD', 'MITRA', 'TKKSD', 'SEKRETARIAT'] },
      ],
    };
    assert.deepEqual(misplacedRatings(own, 'MITRA', ['A', 'B', 'Z']), ['A', 'Z']);
    assert.deepEqual(misplacedRatings(own, 'TKKSD', ['A', 'B']), []);
  });
});

describe('raters', () => {
  const tenant = 't-1';
  const partner = 'org-partner';
  it('derives the rater roles from role assignments in the evaluating pemda and party organisations', () => {
    const roles = [
      { role: 'KSD_SECRETARIAT_ADMIN', orgId: tenant, tenantId: tenant },
      { role: 'TKKSD_KETUA', orgId: tenant, tenantId: tenant },
      { role: 'OPD_STAFF', orgId: 'opd-1', tenantId: tenant },
    ];
    assert.deepEqual(raterRolesOf(roles, { tenantId: tenant, partyOrgIds: [tenant, partner] }), ['SEKRETARIAT', 'TKKSD', 'OPD']);
    assert.deepEqual(raterRolesOf([{ role: 'PARTNER_USER', orgId: partner, tenantId: null }], { tenantId: tenant, partyOrgIds: [tenant, partner] }), ['MITRA']);
  });

  it('gives no rater role to another pemda, a partner of another organisation, or overseers', () => {
    const others = [
      { role: 'KSD_SECRETARIAT_ADMIN', orgId: 't-2', tenantId: 't-2' },
      { role: 'PARTNER_USER', orgId: 'org-other', tenantId: null },
      { role: 'GWPP_REVIEWER', orgId: 'gwpp', tenantId: tenant },
      { role: 'KEPALA_DAERAH', orgId: tenant, tenantId: tenant },
    ];
    assert.deepEqual(raterRolesOf(others, { tenantId: tenant, partyOrgIds: [tenant, 't-2', partner] }), []);
  });
});

describe('latest score and trend', () => {
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  it('orders semesters before the whole year and compares the latest with the one before', () => {
    assert.ok(periodKey('2026-S1') < periodKey('2026-S2') && periodKey('2026-S2') < periodKey('2026') && periodKey('2026') < periodKey('2027-S1'));
    const result = latestAndTrend([
      { period: '2026-S2', finalisedAt: at('2027-01-10'), score: 3.2 },
      { period: '2026-S1', finalisedAt: at('2026-07-10'), score: 3.8 },
    ]);
    assert.deepEqual(result, { latest: { period: '2026-S2', score: 3.2 }, previous: { period: '2026-S1', score: 3.8 }, trend: 'DOWN' });
  });

  it('has no trend with a single finalised evaluation, and SAME for equal scores', () => {
    assert.equal(latestAndTrend([{ period: '2026', finalisedAt: at('2027-01-01'), score: 4 }]).trend, null);
    assert.equal(latestAndTrend([]).latest, null);
    const same = latestAndTrend([
      { period: '2026-S1', finalisedAt: at('2026-07-01'), score: 4 },
      { period: '2026-S2', finalisedAt: at('2027-01-01'), score: 4 },
    ]);
    assert.equal(same.trend, 'SAME');
    const up = latestAndTrend([
      { period: '2026-S1', finalisedAt: at('2026-07-01'), score: 2.5 },
      { period: '2026-S2', finalisedAt: at('2027-01-01'), score: 4.25 },
    ]);
    assert.equal(up.trend, 'UP');
  });
});
