import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canRework,
  canSubmit,
  isLocked,
  lineProblems,
  lockedFigureProblems,
  nextStatus,
  partnerLimit,
  reviewBlock,
  reviewTenantFor,
  type ActorFacts,
  type CooperationFacts,
} from './updates.policy.js';

const A = 'a0000000-0000-4000-8000-00000000000a';
const B = 'b0000000-0000-4000-8000-00000000000b';
const OPD_A = 'a0000000-0000-4000-8000-0000000000d1';
const PARTNER = 'c0000000-0000-4000-8000-0000000000c1';
const STRANGER = 'f0000000-0000-4000-8000-0000000000ff';
const coop: CooperationFacts = { tenantId: A, partyTenantIds: [A, B], partyOrgIds: [A, B, PARTNER] };

const actor = (roles: { role: string; orgId: string; tenantId: string | null }[], extra: Partial<ActorFacts> = {}): ActorFacts => ({
  userId: 'u1',
  orgId: roles[0]?.orgId ?? STRANGER,
  tenantId: roles[0]?.tenantId ?? null,
  roles,
  ...extra,
});
const liaisonA = actor([{ role: 'PPKSD', orgId: OPD_A, tenantId: A }]);
const secretariatA = actor([{ role: 'KSD_SECRETARIAT_ADMIN', orgId: A, tenantId: A }], { userId: 'sek' });
const secretariatB = actor([{ role: 'KSD_SECRETARIAT_ADMIN', orgId: B, tenantId: B }], { userId: 'sekB' });
const partner = actor([{ role: 'PARTNER_USER', orgId: PARTNER, tenantId: null }]);

describe('progress updates: who sends and who reviews', () => {
  it('lets the liaison, OPD staff and head and the secretariat of a party pemda send, and a party partner', () => {
    for (const role of ['PPKSD', 'OPD_STAFF', 'OPD_HEAD']) assert.equal(canSubmit(actor([{ role, orgId: OPD_A, tenantId: A }]), coop), true, role);
    assert.equal(canSubmit(secretariatA, coop), true);
    assert.equal(canSubmit(partner, coop), true);
    for (const role of ['TKKSD_KETUA', 'KEPALA_DAERAH', 'DPRD_SECRETARIAT', 'GWPP_REVIEWER']) assert.equal(canSubmit(actor([{ role, orgId: A, tenantId: A }]), coop), false, role);
    assert.equal(canSubmit(actor([{ role: 'PPKSD', orgId: STRANGER, tenantId: STRANGER }]), coop), false, 'a liaison of another pemda');
    assert.equal(canSubmit(actor([{ role: 'PARTNER_USER', orgId: STRANGER, tenantId: null }]), coop), false, 'a partner that is not a party');
  });

  it('limits a partner to its own organisation, pemda staff not at all', () => {
    assert.deepEqual(partnerLimit(partner, coop), [PARTNER]);
    assert.equal(partnerLimit(liaisonA, coop), null);
  });

  it('sends an update to the sender’s own pemda, a partner’s to the registering pemda', () => {
    assert.equal(reviewTenantFor(liaisonA, coop), A);
    assert.equal(reviewTenantFor(actor([{ role: 'OPD_STAFF', orgId: 'opdB', tenantId: B }]), coop), B);
    assert.equal(reviewTenantFor(partner, coop), A);
    assert.equal(reviewTenantFor(partner, { ...coop, tenantId: null }), A, 'the first party pemda when none registered it');
  });

  it('lets only the reviewing pemda’s secretariat decide, never on its own update', () => {
    assert.equal(reviewBlock(secretariatA, { tenantId: A, authorId: 'u1' }), null);
    assert.equal(reviewBlock(secretariatA, { tenantId: A, authorId: 'sek' }), 'own_update');
    assert.equal(reviewBlock(secretariatB, { tenantId: A, authorId: 'u1' }), 'not_secretariat');
    assert.equal(reviewBlock(liaisonA, { tenantId: A, authorId: 'x' }), 'not_secretariat');
  });

  it('lets the sending organisation rework a draft or returned update only', () => {
    assert.equal(canRework(liaisonA, coop, { status: 'RETURNED', authorOrgId: OPD_A }), true);
    assert.equal(canRework(liaisonA, coop, { status: 'DRAFT', authorOrgId: OPD_A }), true);
    assert.equal(canRework(liaisonA, coop, { status: 'SUBMITTED', authorOrgId: OPD_A }), false);
    assert.equal(canRework(liaisonA, coop, { status: 'APPROVED', authorOrgId: OPD_A }), false);
    assert.equal(canRework(secretariatA, coop, { status: 'RETURNED', authorOrgId: OPD_A }), false, 'another organisation');
  });
});

describe('progress updates: statuses and locking', () => {
  it('follows DRAFT → SUBMITTED ⇄ RETURNED → APPROVED → SUPERSEDED', () => {
    assert.equal(nextStatus(null, 'submit'), 'SUBMITTED');
    assert.equal(nextStatus(null, 'save'), 'DRAFT');
    assert.equal(nextStatus('DRAFT', 'submit'), 'SUBMITTED');
    assert.equal(nextStatus('SUBMITTED', 'return'), 'RETURNED');
    assert.equal(nextStatus('RETURNED', 'submit'), 'SUBMITTED');
    assert.equal(nextStatus('RETURNED', 'save'), 'RETURNED');
    assert.equal(nextStatus('SUBMITTED', 'approve'), 'APPROVED');
    assert.equal(nextStatus('APPROVED', 'supersede'), 'SUPERSEDED');
    assert.equal(nextStatus('RETURNED', 'approve'), null, 'a returned update is resubmitted first');
    assert.equal(nextStatus('APPROVED', 'submit'), null);
    assert.equal(nextStatus('APPROVED', 'return'), null);
    assert.equal(nextStatus('SUBMITTED', 'save'), null);
    assert.equal(nextStatus('SUPERSEDED', 'approve'), null);
  });

  it('locks approved and superseded updates', () => {
    assert.deepEqual((['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED'] as const).map(isLocked), [false, false, false, true, true]);
  });

  it('refuses changing a locked activity’s progress or realisation, not sending them unchanged', () => {
    const locked = { figuresUpdateId: 'u', progress: 40, realisation: '800000000.00' };
    assert.deepEqual(lockedFigureProblems(locked, { progress: 41 }), [{ path: 'progress', code: 'figure_locked' }]);
    assert.deepEqual(lockedFigureProblems(locked, { realisation: '800000000.01' }), [{ path: 'realisation', code: 'figure_locked' }]);
    assert.deepEqual(lockedFigureProblems({ ...locked, status: 'BERJALAN' }, { status: 'SELESAI' }), [{ path: 'status', code: 'figure_locked' }]);
    assert.deepEqual(lockedFigureProblems({ ...locked, status: 'BERJALAN', progress: 100 }, { status: 'SELESAI' }), []);
    assert.deepEqual(lockedFigureProblems({ ...locked, status: 'BERJALAN' }, { status: 'TERTUNDA' }), []);
    assert.deepEqual(lockedFigureProblems(locked, { progress: 40, realisation: '800000000' }), []);
    assert.deepEqual(lockedFigureProblems(locked, {}), []);
    assert.deepEqual(lockedFigureProblems({ ...locked, figuresUpdateId: null }, { progress: 99 }), []);
  });
});

describe('progress updates: lines against the plan', () => {
  const activities = [
    { id: 'act-pemda', responsibleOrgId: A },
    { id: 'act-partner', responsibleOrgId: PARTNER },
  ];
  const quarterly = (p: string) => /^\d{4}-Q[1-4]$/.test(p);
  const indicators = [
    { id: 'ind-partner', activityId: 'act-partner', byRegion: false, periodOk: quarterly },
    { id: 'ind-coop', activityId: null, byRegion: false, periodOk: quarterly },
    { id: 'ind-region', activityId: null, byRegion: true, periodOk: quarterly },
  ];

  it('names unknown, repeated and misfiled lines by path', () => {
    const problems = lineProblems(
      {
        activityLines: [{ activityId: 'act-pemda' }, { activityId: 'act-pemda' }, { activityId: 'nope' }],
        indicatorLines: [
          { indicatorId: 'ind-coop', periodKey: '2026-Q1' },
          { indicatorId: 'ind-coop', periodKey: '2026-Q1' },
          { indicatorId: 'ind-coop', periodKey: '2026-05' },
          { indicatorId: 'ind-region', periodKey: '2026-Q1' },
          { indicatorId: 'nope', periodKey: '2026-Q1' },
        ],
      },
      activities,
      indicators,
      null,
    );
    assert.deepEqual(problems, [
      { path: 'activityLines.1.activityId', code: 'duplicate' },
      { path: 'activityLines.2.activityId', code: 'activity_not_found' },
      { path: 'indicatorLines.1.periodKey', code: 'duplicate' },
      { path: 'indicatorLines.2.periodKey', code: 'period_format' },
      { path: 'indicatorLines.3.indicatorId', code: 'indicator_by_region' },
      { path: 'indicatorLines.4.indicatorId', code: 'indicator_not_found' },
    ]);
  });

  it('keeps a partner to its own activities and the indicators measuring them', () => {
    const lines = {
      activityLines: [{ activityId: 'act-partner' }, { activityId: 'act-pemda' }],
      indicatorLines: [
        { indicatorId: 'ind-partner', periodKey: '2026-Q1' },
        { indicatorId: 'ind-coop', periodKey: '2026-Q1' },
      ],
    };
    assert.deepEqual(lineProblems(lines, activities, indicators, [PARTNER]), [
      { path: 'activityLines.1.activityId', code: 'activity_not_own' },
      { path: 'indicatorLines.1.indicatorId', code: 'indicator_not_own' },
    ]);
    assert.deepEqual(lineProblems(lines, activities, indicators, null), []);
  });
});
