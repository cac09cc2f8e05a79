import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACTION_DEFINITIONS,
  ACTIONS,
  KINDS,
  STATES,
  stateAfterAcceptance,
  stateAfterDprdApproval,
  stateAfterDprdRevision,
  type ActionName,
  type Kind,
  type State,
} from './cooperations.machine.js';
import { evaluateAction, type ActionContext } from './cooperations.policy.js';
import { DOCUMENT_TYPES, NATIONAL_DEFAULTS, type Rules } from './rulepack.models.js';

const TENANT = 'tenant-a';

/** A cooperation whose documents, clauses and approvals satisfy every rule: only state, kind and role decide. */
const context = (kind: Kind, state: State, role: string, over: Partial<ActionContext['facts']> = {}, rules: Rules = NATIONAL_DEFAULTS): ActionContext => ({
  facts: {
    kind,
    regime: 'KSD_GENERIC',
    state,
    dprdRequired: ['KSDPL', 'KSDLL'].includes(kind),
    centralApprovalRequired: ['KSDPL', 'KSDLL'].includes(kind),
    amendmentPending: state === 'DIADENDUM',
    amendmentNeedsDprd: false,
    amendmentDprdApproved: false,
    initiator: 'DAERAH',
    objectCategory: 'PELAYANAN_PUBLIK',
    startDate: '2026-01-01',
    endDate: '2030-12-31',
    urusanCount: 1,
    disputeStage: state === 'SENGKETA' ? 'MUSYAWARAH' : null,
    sameProvinceKabKota: true,
    ...over,
  },
  roles: new Map([[TENANT, new Set([role])]]),
  rulesFor: () => rules,
  documents: DOCUMENT_TYPES.map((type) => ({ type, status: 'SIGNED', privateTenantId: null })),
  clauseGaps: () => [],
  pendingApprovals: [
    { authority: 'DPRD', tenantId: TENANT },
    { authority: 'MENDAGRI', tenantId: null },
  ],
});

type Step = { action: ActionName; role: string; from: State; to: State };

const step = (action: ActionName, role: string, from: State, to: State): Step => ({ action, role, from, to });

/** The happy path of each kind, as ksd-domain.md §8.5 lays it out, with the role that takes each step. */
const PATHS: Record<string, { kind: Kind; facts?: Partial<ActionContext['facts']>; steps: Step[] }> = {
  'KSDD with DPRD approval': {
    kind: 'KSDD',
    facts: { dprdRequired: true },
    steps: [
      step('submit', 'OPD_HEAD', 'USULAN', 'KAJIAN_TKKSD'),
      step('recommend', 'TKKSD_KETUA', 'KAJIAN_TKKSD', 'PENAWARAN'),
      step('send_offer', 'KSD_SECRETARIAT_ADMIN', 'PENAWARAN', 'MENUNGGU_TANGGAPAN'),
      step('accept', 'KSD_SECRETARIAT_ADMIN', 'MENUNGGU_TANGGAPAN', 'PENYUSUNAN_KSB'),
      step('finalize_ksb', 'TKKSD_SEKRETARIS', 'PENYUSUNAN_KSB', 'PENANDATANGANAN_KSB'),
      step('sign_ksb', 'KEPALA_DAERAH', 'PENANDATANGANAN_KSB', 'KSB_BERLAKU'),
      step('request_dprd', 'KSD_SECRETARIAT_ADMIN', 'KSB_BERLAKU', 'MENUNGGU_PERSETUJUAN_DPRD'),
      step('record_dprd_decision', 'DPRD_SECRETARIAT', 'MENUNGGU_PERSETUJUAN_DPRD', 'PENYUSUNAN_PKS'),
      step('finalize_pks', 'TKKSD_KETUA', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'),
      step('sign', 'KSD_SECRETARIAT_ADMIN', 'PENANDATANGANAN_PKS', 'BERLAKU'),
    ],
  },
  'KSDPK without DPRD approval, offered by the partner': {
    kind: 'KSDPK',
    facts: { dprdRequired: false, initiator: 'MITRA' },
    steps: [
      step('register_offer', 'KSD_SECRETARIAT_ADMIN', 'PENAWARAN_MASUK', 'KAJIAN_TKKSD'),
      step('recommend', 'TKKSD_SEKRETARIS', 'KAJIAN_TKKSD', 'PENAWARAN'),
      step('send_offer', 'KSD_SECRETARIAT_ADMIN', 'PENAWARAN', 'MENUNGGU_TANGGAPAN'),
      step('accept', 'KSD_SECRETARIAT_ADMIN', 'MENUNGGU_TANGGAPAN', 'PENYUSUNAN_KSB'),
      step('finalize_ksb', 'TKKSD_KETUA', 'PENYUSUNAN_KSB', 'PENANDATANGANAN_KSB'),
      step('sign_ksb', 'KSD_SECRETARIAT_ADMIN', 'PENANDATANGANAN_KSB', 'KSB_BERLAKU'),
      step('start_pks', 'OPD_HEAD', 'KSB_BERLAKU', 'PENYUSUNAN_PKS'),
      step('finalize_pks', 'TKKSD_KETUA', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'),
      step('sign', 'KEPALA_DAERAH', 'PENANDATANGANAN_PKS', 'BERLAKU'),
    ],
  },
  ...Object.fromEntries(
    (['KSDPL', 'KSDLL'] as const).map((kind) => [
      `${kind}: LoI, plan, DPRD, centre, MoU`,
      {
        kind,
        steps: [
          step('submit', 'KSD_SECRETARIAT_ADMIN', 'USULAN', 'KAJIAN_TKKSD'),
          step('recommend', 'TKKSD_KETUA', 'KAJIAN_TKKSD', 'PENAWARAN'),
          step('send_offer', 'KSD_SECRETARIAT_ADMIN', 'PENAWARAN', 'MENUNGGU_TANGGAPAN'),
          step('accept', 'KSD_SECRETARIAT_ADMIN', 'MENUNGGU_TANGGAPAN', 'LOI'),
          step('sign_loi', 'KSD_SECRETARIAT_ADMIN', 'LOI', 'RENCANA_KERJA_SAMA'),
          step('request_dprd', 'KEPALA_DAERAH', 'RENCANA_KERJA_SAMA', 'MENUNGGU_PERSETUJUAN_DPRD'),
          step('record_dprd_decision', 'DPRD_SECRETARIAT', 'MENUNGGU_PERSETUJUAN_DPRD', 'MENUNGGU_PERSETUJUAN_PUSAT'),
          step('record_central_decision', 'KSD_SECRETARIAT_ADMIN', 'MENUNGGU_PERSETUJUAN_PUSAT', 'PENYUSUNAN_PKS'),
          step('finalize_pks', 'TKKSD_KETUA', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS'),
          step('sign', 'KEPALA_DAERAH', 'PENANDATANGANAN_PKS', 'BERLAKU'),
        ],
      },
    ]),
  ),
  'SINERGI: Nota Kesepakatan with rencana kerja': {
    kind: 'SINERGI',
    steps: [
      step('submit', 'OPD_HEAD', 'USULAN', 'KAJIAN_TKKSD'),
      step('recommend', 'TKKSD_KETUA', 'KAJIAN_TKKSD', 'PENAWARAN'),
      step('send_offer', 'KSD_SECRETARIAT_ADMIN', 'PENAWARAN', 'MENUNGGU_TANGGAPAN'),
      step('accept', 'KSD_SECRETARIAT_ADMIN', 'MENUNGGU_TANGGAPAN', 'PENYUSUNAN_NK'),
      step('finalize_nk', 'TKKSD_SEKRETARIS', 'PENYUSUNAN_NK', 'PENANDATANGANAN_NK'),
      step('sign', 'KSD_SECRETARIAT_ADMIN', 'PENANDATANGANAN_NK', 'BERLAKU'),
    ],
  },
};

/** After signing, the same for every kind. */
const AFTER_SIGNING: Step[] = [
  step('amend', 'TKKSD_KETUA', 'BERLAKU', 'DIADENDUM'),
  step('sign_amendment', 'KEPALA_DAERAH', 'DIADENDUM', 'BERLAKU'),
  step('raise_dispute', 'KSD_SECRETARIAT_ADMIN', 'BERLAKU', 'SENGKETA'),
  step('escalate_dispute', 'TKKSD_KETUA', 'SENGKETA', 'SENGKETA'),
  step('resolve_dispute', 'KSD_SECRETARIAT_ADMIN', 'SENGKETA', 'BERLAKU'),
  step('terminate', 'KEPALA_DAERAH', 'BERLAKU', 'DIAKHIRI'),
  step('extend', 'OPD_HEAD', 'BERAKHIR', 'BERAKHIR'),
];

const ALL_ROLES = ['OPD_STAFF', 'OPD_HEAD', 'PPKSD', 'TKKSD_ANGGOTA', 'TKKSD_KETUA', 'TKKSD_SEKRETARIS', 'KSD_SECRETARIAT_ADMIN', 'KEPALA_DAERAH', 'SEKDA', 'DPRD_SECRETARIAT', 'TENANT_ADMIN'];

/** Where the machine says an action leads (decided actions resolve through the same helpers as the use case). */
const target = (kind: Kind, s: Step, facts: Partial<ActionContext['facts']>): State => {
  const to = ACTION_DEFINITIONS[s.action].to;
  if (to === 'SAME') return s.from;
  if (to !== 'DECIDED') return to;
  if (s.action === 'accept') return stateAfterAcceptance(kind);
  if (s.action === 'record_dprd_decision')
    return stateAfterDprdApproval({ kind, amendmentPending: false, centralApprovalRequired: facts.centralApprovalRequired ?? ['KSDPL', 'KSDLL'].includes(kind) });

  return 'PENYUSUNAN_PKS';
};

for (const [name, path] of Object.entries(PATHS)) {
  describe(`state machine — ${name}`, () => {
    for (const s of [...path.steps, ...AFTER_SIGNING]) {
      it(`${s.from} —${s.action}→ ${s.to}: allowed for ${s.role}, refused for roles the rule pack does not name`, () => {
        const facts = { ...path.facts, ...(s.from === 'SENGKETA' ? { disputeStage: NATIONAL_DEFAULTS.disputeStages[path.kind]![0]! } : {}) };
        assert.equal(target(path.kind, s, facts), s.to);
        if (s.action === 'escalate_dispute' && NATIONAL_DEFAULTS.disputeStages[path.kind]!.length === 1) {
          // Foreign cooperation is settled by negotiation and consultation only (PP 28/2018 Art. 34, 41).
          assert.equal(evaluateAction(s.action, context(path.kind, s.from, s.role, facts))?.blockers[0]?.guard, 'dispute_final_stage');

          return;
        }
        const ok = evaluateAction(s.action, context(path.kind, s.from, s.role, facts));
        assert.ok(ok?.allowed, `${s.action} should be allowed for ${s.role}: ${JSON.stringify(ok)}`);
        const allowedRoles = NATIONAL_DEFAULTS.actionRoles[s.action];
        for (const role of ALL_ROLES.filter((r) => !allowedRoles.includes(r as never))) {
          const refused = evaluateAction(s.action, context(path.kind, s.from, role, facts));
          assert.equal(refused?.allowed, false, `${s.action} must be refused for ${role}`);
          assert.equal(refused?.blockers[0]?.guard, 'role');
        }
      });
    }

    it('offers no action outside the states it leaves', () => {
      for (const action of ACTIONS)
        for (const state of STATES.filter((st) => !ACTION_DEFINITIONS[action].from.includes(st)))
          assert.equal(evaluateAction(action, context(path.kind, state, 'KSD_SECRETARIAT_ADMIN', path.facts)), null, `${action} in ${state}`);
    });
  });
}

describe('state machine — guards that depend on the cooperation', () => {
  it('KSB_BERLAKU goes to the DPRD only when it is required, and straight to PKS drafting only when it is not', () => {
    assert.equal(evaluateAction('start_pks', context('KSDD', 'KSB_BERLAKU', 'OPD_HEAD', { dprdRequired: true })), null);
    assert.equal(evaluateAction('request_dprd', context('KSDD', 'KSB_BERLAKU', 'KSD_SECRETARIAT_ADMIN', { dprdRequired: false })), null);
  });

  it('kinds keep to their own documents: no KSB for Sinergi, no LoI at home, no NK abroad', () => {
    assert.equal(evaluateAction('finalize_ksb', context('SINERGI', 'PENYUSUNAN_KSB', 'TKKSD_KETUA')), null);
    assert.equal(evaluateAction('sign_loi', context('KSDD', 'LOI', 'KSD_SECRETARIAT_ADMIN')), null);
    assert.equal(evaluateAction('finalize_nk', context('KSDPL', 'PENYUSUNAN_NK', 'TKKSD_KETUA')), null);
    for (const k of KINDS) assert.equal(stateAfterAcceptance(k), { KSDD: 'PENYUSUNAN_KSB', KSDPK: 'PENYUSUNAN_KSB', KSDPL: 'LOI', KSDLL: 'LOI', SINERGI: 'PENYUSUNAN_NK' }[k]);
  });

  it('a refused DPRD decision sends the draft back where it was drafted', () => {
    assert.equal(stateAfterDprdRevision({ kind: 'KSDD', amendmentPending: false }), 'PENYUSUNAN_KSB');
    assert.equal(stateAfterDprdRevision({ kind: 'KSDLL', amendmentPending: false }), 'RENCANA_KERJA_SAMA');
    assert.equal(stateAfterDprdRevision({ kind: 'KSDD', amendmentPending: true }), 'DIADENDUM');
  });

  it('missing documents, missing clauses, an over-long term and a missing urusan each name their guard', () => {
    const noDocs = { ...context('KSDD', 'USULAN', 'OPD_HEAD'), documents: [] };
    assert.deepEqual(evaluateAction('submit', noDocs)?.blockers.map((b) => b.guard), ['documents']);
    const noUrusan = context('KSDD', 'USULAN', 'OPD_HEAD', { urusanCount: 0 });
    assert.deepEqual(evaluateAction('submit', noUrusan)?.blockers.map((b) => b.guard), ['urusan_missing']);
    const gaps = { ...context('KSDD', 'PENYUSUNAN_PKS', 'TKKSD_KETUA'), clauseGaps: () => ['SANKSI' as const] };
    assert.deepEqual(evaluateAction('finalize_pks', gaps)?.blockers, [{ guard: 'clauses', documentType: 'PKS', missing: ['SANKSI'] }]);
    const noDraft = { ...context('KSDD', 'PENYUSUNAN_PKS', 'TKKSD_KETUA'), clauseGaps: () => null };
    assert.equal(evaluateAction('finalize_pks', noDraft)?.blockers[0]?.guard, 'draft_missing');
    const long = context('KSDD', 'PENYUSUNAN_PKS', 'TKKSD_KETUA', { startDate: '2026-01-01', endDate: '2031-01-01' });
    assert.deepEqual(evaluateAction('finalize_pks', long)?.blockers, [{ guard: 'duration', maxYears: 5, latestEndDate: '2030-12-31' }]);
    const infra = context('KSDD', 'PENYUSUNAN_PKS', 'TKKSD_KETUA', { objectCategory: 'INFRASTRUKTUR', startDate: '2026-01-01', endDate: '2050-12-31' });
    assert.ok(evaluateAction('finalize_pks', infra)?.allowed, 'infrastructure may run 25 years');
  });

  it('an amendment that needs the DPRD cannot be signed before the DPRD approved it', () => {
    const waiting = context('KSDD', 'DIADENDUM', 'KEPALA_DAERAH', { amendmentNeedsDprd: true });
    assert.equal(evaluateAction('sign_amendment', waiting)?.blockers[0]?.guard, 'dprd_approval_missing');
    assert.ok(evaluateAction('request_dprd', context('KSDD', 'DIADENDUM', 'KSD_SECRETARIAT_ADMIN', { amendmentNeedsDprd: true }))?.allowed);
    assert.ok(evaluateAction('sign_amendment', context('KSDD', 'DIADENDUM', 'KEPALA_DAERAH', { amendmentNeedsDprd: true, amendmentDprdApproved: true }))?.allowed);
  });

  it('a dispute climbs the ladder of its kind and stops at the top', () => {
    const kabKotaElsewhere = context('KSDD', 'SENGKETA', 'KSD_SECRETARIAT_ADMIN', { disputeStage: 'MENTERI' });
    assert.equal(evaluateAction('escalate_dispute', kabKotaElsewhere)?.blockers[0]?.guard, 'dispute_final_stage');
  });

  it('other regimes (KPBU, BMD, hibah, PBJ) are recorded without the KSD procedure', () => {
    for (const state of STATES)
      for (const action of ACTIONS.filter((a) => a !== 'terminate' && a !== 'extend'))
        assert.equal(evaluateAction(action, context('KSDPK', state, 'KSD_SECRETARIAT_ADMIN', { regime: 'KPBU' })), null);
  });

  it('the rule pack decides who acts: a pemda that lets its secretariat recommend changes the answer', () => {
    const local: Rules = { ...NATIONAL_DEFAULTS, actionRoles: { ...NATIONAL_DEFAULTS.actionRoles, recommend: ['KSD_SECRETARIAT_ADMIN'] } };
    assert.ok(evaluateAction('recommend', context('KSDD', 'KAJIAN_TKKSD', 'KSD_SECRETARIAT_ADMIN', {}, local))?.allowed);
    assert.equal(evaluateAction('recommend', context('KSDD', 'KAJIAN_TKKSD', 'TKKSD_KETUA', {}, local))?.allowed, false);
  });
});
