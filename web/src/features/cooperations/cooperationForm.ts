import type { Schemas } from '../../lib/api';
import type { Cooperation, CooperationCreate, CooperationUpdate, Kind } from './cooperations.api';

type FundingSource = Schemas['CooperationFundingInput']['source'];

export type PartyDraft = { orgId: string; name: string; type: string; own: boolean; leadOpdId: string };
export type FundingDraft = { source: string; year: string; amount: string; budgeted: boolean };

/** The form's own state: everything as the inputs hold it (strings), converted only when sent. */
export type FormState = {
  kind: Kind;
  ksddCategory: string;
  regime: Cooperation['regime'];
  initiator: Cooperation['initiator'];
  title: string;
  objek: string;
  ruangLingkup: string[];
  objectCategory: Cooperation['objectCategory'];
  urusanCodes: string[];
  issueIds: string[];
  locationCodes: string[];
  burdensCommunity: boolean;
  planMode: 'reference' | 'exception';
  planReference: string;
  planException: string;
  startDate: string;
  endDate: string;
  funding: FundingDraft[];
  parties: PartyDraft[];
};

export const emptyForm = (own: PartyDraft | null, partner: boolean): FormState => ({
  kind: 'KSDD',
  ksddCategory: '',
  regime: 'KSD_GENERIC',
  initiator: partner ? 'MITRA' : 'DAERAH',
  title: '',
  objek: '',
  ruangLingkup: [],
  objectCategory: 'PELAYANAN_PUBLIK',
  urusanCodes: [],
  issueIds: [],
  locationCodes: [],
  burdensCommunity: false,
  planMode: 'reference',
  planReference: '',
  planException: '',
  startDate: '',
  endDate: '',
  funding: [],
  parties: own ? [own] : [],
});

export const fromCooperation = (c: Cooperation, ownOrgIds: readonly string[]): FormState => ({
  kind: c.kind,
  ksddCategory: c.ksddCategory ?? '',
  regime: c.regime,
  initiator: c.initiator,
  title: c.title,
  objek: c.objek,
  ruangLingkup: [...c.ruangLingkup],
  objectCategory: c.objectCategory,
  urusanCodes: [...c.urusanCodes],
  issueIds: [...c.issueIds],
  locationCodes: [...c.locationCodes],
  burdensCommunity: c.burdensCommunity,
  planMode: c.planException ? 'exception' : 'reference',
  planReference: c.planReference ?? '',
  planException: c.planException ?? '',
  startDate: c.startDate ?? '',
  endDate: c.endDate ?? '',
  funding: c.funding.map((f) => ({ source: f.source, year: String(f.year), amount: f.amount, budgeted: f.budgeted })),
  parties: c.parties.map((p) => ({ orgId: p.orgId, name: p.name, type: p.type, own: ownOrgIds.includes(p.orgId), leadOpdId: p.leadOpd?.id ?? '' })),
});

/** Rupiah as typed ("1.500.000,50" or "1500000.50") to the API's decimal string, or null when it is not an amount. */
export const parseRupiah = (typed: string): string | null => {
  const s = typed.replace(/^Rp/i, '').replace(/\s/g, '');
  if (!s) return null;
  const normalised = /,\d{1,2}$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s;

  return /^\d{1,16}(\.\d{1,2})?$/.test(normalised) ? normalised : null;
};

/** Mistakes the form can point out before sending; keys are the API's field paths. */
export const validateForm = (f: FormState): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!f.title.trim()) errors.title = 'required';
  // PP 28/2018 Art. 3: every KSDD is either mandatory or voluntary.
  if (f.kind === 'KSDD' && !f.ksddCategory) errors.ksddCategory = 'required';
  if (f.parties.length < 2) errors.parties = 'parties';
  if (f.regime !== 'KSD_GENERIC') {
    if (!f.startDate) errors.startDate = 'required';
    if (!f.endDate) errors.endDate = 'required';
  }
  if (f.startDate && f.endDate && f.endDate <= f.startDate) errors.endDate = 'endBeforeStart';
  if (f.planMode === 'exception' && !f.planException) errors.planException = 'required';
  f.funding.forEach((line, i) => {
    if (parseRupiah(line.amount) === null) errors[`funding.${i}.amount`] = 'amount';
    if (!/^\d{4}$/.test(line.year)) errors[`funding.${i}.year`] = 'year';
  });

  return errors;
};

const shared = (f: FormState) => ({
  title: f.title.trim(),
  objek: f.objek.trim(),
  ruangLingkup: f.ruangLingkup.map((r) => r.trim()).filter(Boolean),
  objectCategory: f.objectCategory,
  urusanCodes: f.urusanCodes,
  issueIds: f.issueIds,
  locationCodes: f.locationCodes,
  burdensCommunity: f.burdensCommunity,
  planReference: f.planMode === 'reference' && f.planReference.trim() ? f.planReference.trim() : null,
  planException: f.planMode === 'exception' && f.planException ? (f.planException as NonNullable<CooperationCreate['planException']>) : null,
  startDate: f.startDate || null,
  endDate: f.endDate || null,
  funding: f.funding.map((l) => ({ source: l.source as FundingSource, year: Number(l.year), amount: parseRupiah(l.amount) ?? l.amount, budgeted: l.budgeted })),
  parties: f.parties.map((p) => ({ orgId: p.orgId, ...(p.own && p.leadOpdId ? { leadOpdId: p.leadOpdId } : {}) })),
});

export const toCreate = (f: FormState): CooperationCreate => ({
  kind: f.kind,
  ksddCategory: f.kind === 'KSDD' && f.ksddCategory ? (f.ksddCategory as 'WAJIB' | 'SUKARELA') : null,
  regime: f.regime,
  initiator: f.initiator,
  ...shared(f),
});

export const toUpdate = (f: FormState, expectedVersion: number): CooperationUpdate => ({
  expectedVersion,
  ksddCategory: f.kind === 'KSDD' && f.ksddCategory ? (f.ksddCategory as 'WAJIB' | 'SUKARELA') : null,
  ...shared(f),
});
