import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActorFacts, CooperationFacts } from './workplan.policy.js';
import {
  activityDateProblems,
  canEditPlan,
  canUpdateObligationStatus,
  decidedAtFor,
  fromSen,
  fulfilledAtFor,
  isMilestoneOverdue,
  isObligationOverdue,
  isPlanEditableIn,
  milestoneDateProblems,
  rollUpProgress,
  summarize,
  toSen,
} from './workplan.policy.js';

const PEMDA = 'a0000000-0000-4000-8000-000000000001';
const PARTNER = 'b0000000-0000-4000-8000-000000000002';
const OPD = 'c0000000-0000-4000-8000-000000000003';
const coop: CooperationFacts = { state: 'BERLAKU', partyTenantIds: [PEMDA], partyOrgIds: [PEMDA, PARTNER], startDate: '2026-01-01', endDate: '2027-12-31' };
const scope = { platformAdmin: false, tenantIds: [] as string[], oversightProvinceCodes: [] as string[], readAll: false, orgIds: [] as string[] };
const actor = (role: string, orgId: string, tenantId: string | null, permissions: string[]): ActorFacts => ({
  roles: [{ role, orgId, tenantId }],
  permissions: new Set(permissions),
  scope: { ...scope, tenantIds: tenantId ? [tenantId] : [], orgIds: [orgId] },
});

describe('work plan policy: who edits', () => {
  it('party pemda staff with cooperation.write edit, OPD users of the party pemda included', () => {
    assert.equal(canEditPlan(actor('KSD_SECRETARIAT_ADMIN', PEMDA, PEMDA, ['cooperation.write']), coop), true);
    assert.equal(canEditPlan(actor('OPD_STAFF', OPD, PEMDA, ['cooperation.write']), coop), true);
  });

  it('tenant admins, overseers and partners do not edit the plan', () => {
    assert.equal(canEditPlan(actor('TENANT_ADMIN', PEMDA, PEMDA, ['cooperation.read']), coop), false);
    assert.equal(canEditPlan(actor('GWPP_REVIEWER', 'd0000000-0000-4000-8000-000000000004', PEMDA, ['cooperation.read']), coop), false);
    assert.equal(canEditPlan(actor('PARTNER_USER', PARTNER, null, ['cooperation.write']), coop), false);
  });

  it('a partner updates only its own obligations', () => {
    const partner = actor('PARTNER_USER', PARTNER, null, ['cooperation.write']);
    assert.equal(canUpdateObligationStatus(partner, coop, PARTNER), true);
    assert.equal(canUpdateObligationStatus(partner, coop, PEMDA), false);
    assert.equal(canUpdateObligationStatus(actor('KSD_SECRETARIAT_ADMIN', PEMDA, PEMDA, ['cooperation.write']), coop, PARTNER), true);
  });

  it('is editable from PKS/NK drafting while in force, read-only before and after', () => {
    for (const s of ['PENYUSUNAN_PKS', 'PENANDATANGANAN_NK', 'BERLAKU', 'DIADENDUM', 'SENGKETA']) assert.equal(isPlanEditableIn(s), true, s);
    for (const s of ['USULAN', 'KAJIAN', 'BERAKHIR', 'DIAKHIRI']) assert.equal(isPlanEditableIn(s), false, s);
  });
});

describe('work plan policy: dates and overdue', () => {
  it('activity dates are in order and within the term', () => {
    assert.deepEqual(activityDateProblems('2026-02-01', '2026-03-01', coop), []);
    assert.deepEqual(activityDateProblems('2026-03-01', '2026-02-01', coop).map((p) => `${p.path}:${p.code}`), ['plannedEnd:end_before_start']);
    assert.deepEqual(activityDateProblems('2025-12-31', '2028-01-01', coop).map((p) => `${p.path}:${p.code}`), ['plannedStart:outside_term', 'plannedEnd:outside_term']);
    assert.deepEqual(activityDateProblems('2020-01-01', '2030-01-01', { startDate: null, endDate: null }), [], 'no term yet: no bound');
    assert.equal(milestoneDateProblems('2027-12-31', coop).length, 0);
    assert.equal(milestoneDateProblems('2028-01-01', coop)[0]?.code, 'outside_term');
  });

  it('overdue the day after the due date, unless met or settled', () => {
    assert.equal(isObligationOverdue({ dueDate: '2026-03-10', status: 'BELUM_JATUH_TEMPO' }, '2026-03-10'), false);
    assert.equal(isObligationOverdue({ dueDate: '2026-03-10', status: 'BELUM_JATUH_TEMPO' }, '2026-03-11'), true);
    assert.equal(isObligationOverdue({ dueDate: '2026-03-10', status: 'SEBAGIAN' }, '2026-03-11'), true);
    assert.equal(isObligationOverdue({ dueDate: '2026-03-10', status: 'DIPENUHI' }, '2026-03-11'), false);
    assert.equal(isObligationOverdue({ dueDate: null, status: 'BELUM_JATUH_TEMPO' }, '2099-01-01'), false);
    assert.equal(isMilestoneOverdue({ dueDate: '2026-03-10', status: 'TERJADWAL' }, '2026-03-11'), true);
    assert.equal(isMilestoneOverdue({ dueDate: '2026-03-10', status: 'TIDAK_TERCAPAI' }, '2026-03-11'), false);
  });

  it('stamps fulfilment and decisions once, and clears them when undone', () => {
    const t0 = new Date('2026-03-01T00:00:00Z');
    const t1 = new Date('2026-03-05T00:00:00Z');
    assert.equal(fulfilledAtFor('DIPENUHI', t0, t1), t0);
    assert.equal(fulfilledAtFor('DIPENUHI', null, t1), t1);
    assert.equal(fulfilledAtFor('SEBAGIAN', t0, t1), null);
    assert.equal(decidedAtFor('TERCAPAI', 'TERCAPAI', t0, t1), t0);
    assert.equal(decidedAtFor('TIDAK_TERCAPAI', 'TERCAPAI', t0, t1), t1);
    assert.equal(decidedAtFor('TERJADWAL', 'TERCAPAI', t0, t1), null);
  });
});

describe('work plan policy: summary', () => {
  it('adds rupiah in sen, leaves cancelled activities out, rounds the percentage to one decimal', () => {
    assert.equal(fromSen(toSen('0.1') + toSen('0.2')), '0.30');
    assert.equal(fromSen(toSen('9999999999999999.99')), '9999999999999999.99');
    const s = summarize(
      [
        { status: 'SELESAI', budget: '300.00', realisation: '100.00' },
        { status: 'BERJALAN', budget: '0.00', realisation: '0.00' },
        { status: 'DIBATALKAN', budget: '1000.00', realisation: '999.00' },
      ],
      [{ dueDate: '2026-01-01', status: 'BELUM_JATUH_TEMPO' }],
      [
        { dueDate: '2026-01-01', status: 'TERCAPAI' },
        { dueDate: '2026-01-01', status: 'TERJADWAL' },
      ],
      '2026-02-01',
    );
    assert.deepEqual(s, { activities: 2, completed: 1, budget: '300.00', realisation: '100.00', realisationPercent: 33.3, obligationsOverdue: 1, milestonesMet: 1, milestonesOverdue: 1 });
    assert.equal(summarize([], [], [], '2026-01-01').realisationPercent, null);
  });
});

describe('rollUpProgress', () => {
  it('is the weighted mean of the activities, completed ones counting 100 and cancelled ones left out', () => {
    assert.equal(rollUpProgress([]), 0);
    assert.equal(
      rollUpProgress([
        { status: 'BERJALAN', progress: 40, weight: '3.000' },
        { status: 'SELESAI', progress: 10, weight: 1 },
        { status: 'DIBATALKAN', progress: 0, weight: 100 },
      ]),
      (3 * 40 + 100) / 4,
    );
    assert.equal(rollUpProgress([{ status: 'DIBATALKAN', progress: 90, weight: 1 }]), 0);
  });
});
