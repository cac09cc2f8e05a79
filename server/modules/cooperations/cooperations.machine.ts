/**
 * The cooperation state machine of ksd-domain.md §8.5, as data. Each action names the states it
 * leaves, where it goes, the kinds it applies to and the guards it must pass. Who may act and the
 * rule-based guards (documents, duration, deadlines) come from the rule pack, never from here:
 * this file only holds the shape of the procedure that PP 28/2018 Art. 6, 19, 28–33 and 46 fix.
 */

import { KINDS, STATES, type ActionName, type Kind, type Regime, type State } from '../../../contracts/cooperations.js';

export { ACTIONS, KINDS, OBJECT_CATEGORIES, REGIMES, STATES } from '../../../contracts/cooperations.js';
export type { ActionName, Kind, ObjectCategory, Regime, State } from '../../../contracts/cooperations.js';

export const FOREIGN_KINDS: readonly Kind[] = ['KSDPL', 'KSDLL'];

/** States before anything is signed: a cooperation may still be cancelled from these. */
// STATES lists the procedure in order: everything before BERLAKU is unsigned.
export const PRE_SIGNATURE_STATES: readonly State[] = STATES.slice(0, STATES.indexOf('BERLAKU'));
export const IN_FORCE_STATES: readonly State[] = ['BERLAKU', 'DIADENDUM', 'SENGKETA'];
export const CLOSED_STATES: readonly State[] = ['DITOLAK', 'BATAL', 'DIAKHIRI', 'BERAKHIR'];


/** Inputs an action needs besides its name; the API refuses the action without them. */
export type ActionInput =
  | 'reason'
  | 'decision'
  | 'authority'
  | 'decidedAt'
  | 'term'
  | 'dispute'
  | 'amendment'
  | 'terminationGround';

/** What the machine needs to know about a cooperation to decide. */
export type MachineFacts = {
  kind: Kind;
  regime: Regime;
  state: State;
  dprdRequired: boolean;
  centralApprovalRequired: boolean;
  /** An amendment is under way (DIADENDUM or its DPRD round). */
  amendmentPending: boolean;
  amendmentNeedsDprd: boolean;
};

/**
 * Structural guards: facts of the cooperation the action depends on, checked before the rule pack.
 * Their names appear in 409 answers (`guard`), so they are stable.
 */
export type StructuralGuard = 'dprd_required' | 'dprd_not_required' | 'central_required' | 'amendment_dprd_required' | 'no_amendment';

export type ActionDefinition = {
  name: ActionName;
  from: readonly State[];
  kinds: readonly Kind[];
  /** Where it goes; actions that record one of several decisions resolve `to` in the use case. */
  to: State | 'DECIDED' | 'SAME';
  inputs: readonly ActionInput[];
  structural: readonly StructuralGuard[];
  /** System-only actions (expiry) are never offered to people. */
  systemOnly?: boolean;
};

const ALL: readonly Kind[] = KINDS;
const DOMESTIC_CONTRACT: readonly Kind[] = ['KSDD', 'KSDPK'];

const def = (d: Omit<ActionDefinition, 'inputs' | 'structural'> & Partial<Pick<ActionDefinition, 'inputs' | 'structural'>>): ActionDefinition => ({
  inputs: [],
  structural: [],
  ...d,
});

export const ACTION_DEFINITIONS: Record<ActionName, ActionDefinition> = {
  submit: def({ name: 'submit', from: ['USULAN'], kinds: ALL, to: 'KAJIAN_TKKSD' }),
  register_offer: def({ name: 'register_offer', from: ['PENAWARAN_MASUK'], kinds: ALL, to: 'KAJIAN_TKKSD' }),
  return_for_revision: def({ name: 'return_for_revision', from: ['KAJIAN_TKKSD'], kinds: ALL, to: 'USULAN', inputs: ['reason'] }),
  reject: def({ name: 'reject', from: ['KAJIAN_TKKSD'], kinds: ALL, to: 'DITOLAK', inputs: ['reason'] }),
  recommend: def({ name: 'recommend', from: ['KAJIAN_TKKSD'], kinds: ALL, to: 'PENAWARAN' }),
  send_offer: def({ name: 'send_offer', from: ['PENAWARAN'], kinds: ALL, to: 'MENUNGGU_TANGGAPAN' }),
  accept: def({ name: 'accept', from: ['MENUNGGU_TANGGAPAN'], kinds: ALL, to: 'DECIDED' }),
  decline: def({ name: 'decline', from: ['MENUNGGU_TANGGAPAN'], kinds: ALL, to: 'BATAL', inputs: ['reason'] }),
  sign_loi: def({ name: 'sign_loi', from: ['LOI'], kinds: FOREIGN_KINDS, to: 'RENCANA_KERJA_SAMA' }),
  finalize_ksb: def({ name: 'finalize_ksb', from: ['PENYUSUNAN_KSB'], kinds: DOMESTIC_CONTRACT, to: 'PENANDATANGANAN_KSB' }),
  sign_ksb: def({ name: 'sign_ksb', from: ['PENANDATANGANAN_KSB'], kinds: DOMESTIC_CONTRACT, to: 'KSB_BERLAKU' }),
  request_dprd: def({
    name: 'request_dprd',
    from: ['KSB_BERLAKU', 'RENCANA_KERJA_SAMA', 'DIADENDUM'],
    kinds: [...DOMESTIC_CONTRACT, ...FOREIGN_KINDS],
    to: 'MENUNGGU_PERSETUJUAN_DPRD',
    structural: ['dprd_required'],
  }),
  record_dprd_decision: def({
    name: 'record_dprd_decision',
    from: ['MENUNGGU_PERSETUJUAN_DPRD'],
    kinds: [...DOMESTIC_CONTRACT, ...FOREIGN_KINDS],
    to: 'DECIDED',
    inputs: ['decision', 'decidedAt'],
  }),
  start_pks: def({ name: 'start_pks', from: ['KSB_BERLAKU'], kinds: DOMESTIC_CONTRACT, to: 'PENYUSUNAN_PKS', structural: ['dprd_not_required'] }),
  request_central: def({
    name: 'request_central',
    from: ['RENCANA_KERJA_SAMA'],
    kinds: FOREIGN_KINDS,
    to: 'MENUNGGU_PERSETUJUAN_PUSAT',
    structural: ['central_required', 'dprd_not_required'],
  }),
  record_central_decision: def({
    name: 'record_central_decision',
    from: ['MENUNGGU_PERSETUJUAN_PUSAT'],
    kinds: FOREIGN_KINDS,
    to: 'DECIDED',
    inputs: ['authority', 'decision', 'decidedAt'],
  }),
  finalize_pks: def({ name: 'finalize_pks', from: ['PENYUSUNAN_PKS'], kinds: [...DOMESTIC_CONTRACT, ...FOREIGN_KINDS], to: 'PENANDATANGANAN_PKS' }),
  finalize_nk: def({ name: 'finalize_nk', from: ['PENYUSUNAN_NK'], kinds: ['SINERGI'], to: 'PENANDATANGANAN_NK' }),
  sign: def({ name: 'sign', from: ['PENANDATANGANAN_PKS', 'PENANDATANGANAN_NK'], kinds: ALL, to: 'BERLAKU', inputs: ['term'] }),
  amend: def({ name: 'amend', from: ['BERLAKU'], kinds: ALL, to: 'DIADENDUM', inputs: ['reason', 'amendment'] }),
  sign_amendment: def({ name: 'sign_amendment', from: ['DIADENDUM'], kinds: ALL, to: 'BERLAKU' }),
  raise_dispute: def({ name: 'raise_dispute', from: ['BERLAKU'], kinds: ALL, to: 'SENGKETA', inputs: ['dispute'] }),
  escalate_dispute: def({ name: 'escalate_dispute', from: ['SENGKETA'], kinds: ALL, to: 'SAME', inputs: ['reason'] }),
  resolve_dispute: def({ name: 'resolve_dispute', from: ['SENGKETA'], kinds: ALL, to: 'BERLAKU', inputs: ['reason'] }),
  terminate: def({ name: 'terminate', from: ['BERLAKU', 'SENGKETA', 'DIADENDUM'], kinds: ALL, to: 'DIAKHIRI', inputs: ['reason', 'terminationGround'] }),
  cancel: def({ name: 'cancel', from: PRE_SIGNATURE_STATES, kinds: ALL, to: 'BATAL', inputs: ['reason'] }),
  extend: def({ name: 'extend', from: ['BERLAKU', 'BERAKHIR'], kinds: ALL, to: 'SAME' }),
};

/** The expiry the daily job performs; not an action anyone may request. */
export const EXPIRE = { from: ['BERLAKU', 'DIADENDUM'] as readonly State[], to: 'BERAKHIR' as State };

/** Where an accepted offer goes: the foreign path starts with a LoI, Sinergi with a Nota Kesepakatan. */
export const stateAfterAcceptance = (kind: Kind): State =>
  FOREIGN_KINDS.includes(kind) ? 'LOI' : kind === 'SINERGI' ? 'PENYUSUNAN_NK' : 'PENYUSUNAN_KSB';

/**
 * Where an approved DPRD round goes: back to the amendment, on to the centre (LN: PP 28/2018
 * Art. 31 — the DPRD-approved plan goes to the Menteri), or to PKS drafting.
 */
export const stateAfterDprdApproval = (f: Pick<MachineFacts, 'kind' | 'amendmentPending' | 'centralApprovalRequired'>): State =>
  f.amendmentPending ? 'DIADENDUM' : FOREIGN_KINDS.includes(f.kind) && f.centralApprovalRequired ? 'MENUNGGU_PERSETUJUAN_PUSAT' : 'PENYUSUNAN_PKS';

/** Where a DPRD "revise" sends the cooperation: back to the draft the DPRD looked at. */
export const stateAfterDprdRevision = (f: Pick<MachineFacts, 'kind' | 'amendmentPending'>): State =>
  f.amendmentPending ? 'DIADENDUM' : FOREIGN_KINDS.includes(f.kind) ? 'RENCANA_KERJA_SAMA' : 'PENYUSUNAN_KSB';

const structuralHolds = (guard: StructuralGuard, f: MachineFacts) => {
  switch (guard) {
    case 'dprd_required':
      return f.state === 'DIADENDUM' ? f.amendmentNeedsDprd : f.dprdRequired;
    case 'dprd_not_required':
      return !f.dprdRequired;
    case 'central_required':
      return f.centralApprovalRequired;
    case 'amendment_dprd_required':
      return f.amendmentNeedsDprd;
    case 'no_amendment':
      return !f.amendmentPending;
  }
};

/**
 * Whether the action exists for this cooperation now, ignoring who asks and the rule pack:
 * the first failing structural guard, `state` or `kind`/`regime`, or null when it applies.
 */
export const structuralBlock = (action: ActionDefinition, f: MachineFacts): string | null => {
  if (action.systemOnly) return 'system_only';
  if (f.regime !== 'KSD_GENERIC' && !['terminate', 'extend'].includes(action.name)) return 'regime';
  if (!action.kinds.includes(f.kind)) return 'kind';
  if (!action.from.includes(f.state)) return 'state';
  for (const g of action.structural) if (!structuralHolds(g, f)) return g;

  return null;
};
