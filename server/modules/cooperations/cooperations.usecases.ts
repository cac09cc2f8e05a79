import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { type AuditContext } from '../audit/index.js';
import { findUnknownReferences } from '../reference/index.js';
import { loadForParticipant, loadVisible, recordCooperationEvent } from './cooperations.access.js';
import { cooperationErrors } from './cooperations.errors.js';
import { PRE_SIGNATURE_STATES, type Kind, type ObjectCategory, type State } from './cooperations.machine.js';
import { presentCooperation } from './cooperations.presenter.js';
import { actingTenants, deriveCentralRequired, deriveDprdRequired, durationExceeded } from './cooperations.policy.js';
import * as repo from './cooperations.repository.js';
import * as orgs from './parties.repository.js';
import type { CooperationCreateInput, CooperationUpdateInput } from './cooperations.schemas.js';
import { jakartaDay, rulesForTenant, rulesResolver } from './rulepack.usecases.js';
import type { Rules } from './rulepack.models.js';

type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor };

const PARTY_TYPES: Record<Kind, { required: string[]; allowed: string[] }> = {
  KSDD: { required: ['PEMDA'], allowed: ['PEMDA'] },
  KSDPK: { required: ['PEMDA', 'PIHAK_KETIGA'], allowed: ['PEMDA', 'PIHAK_KETIGA'] },
  KSDPL: { required: ['PEMDA', 'FOREIGN_LOCAL_GOV'], allowed: ['PEMDA', 'FOREIGN_LOCAL_GOV'] },
  KSDLL: { required: ['PEMDA', 'FOREIGN_INSTITUTION'], allowed: ['PEMDA', 'FOREIGN_INSTITUTION'] },
  SINERGI: { required: ['PEMDA', 'KL_PUSAT'], allowed: ['PEMDA', 'KL_PUSAT'] },
};

type PartyInput = CooperationCreateInput['parties'][number];

/**
 * Checks the parties against the kind (PP 28/2018 Art. 1: who the counterparty of each kind is)
 * and each party's OPD against its pemda; returns what is denormalised onto the cooperation.
 */
const resolveParties = async (db: Db, kind: Kind, parties: readonly PartyInput[]) => {
  const ids = [...new Set(parties.flatMap((p) => [p.orgId, p.leadOpdId ?? null, ...(p.otherOpdIds ?? [])].filter((x): x is string => x !== null)))];
  const facts = new Map((await orgs.orgFacts(db, ids)).map((o) => [o.id, o]));
  if (new Set(parties.map((p) => p.orgId)).size !== parties.length) throw cooperationErrors.partyInvalid({ reason: 'duplicate' });
  const rule = PARTY_TYPES[kind];
  const resolved = parties.map((p, i) => {
    const org = facts.get(p.orgId);
    if (!org || !org.active) throw cooperationErrors.partyInvalid({ reason: `parties.${i}.orgId` });
    if (!rule.allowed.includes(org.type)) throw cooperationErrors.partyInvalid({ reason: `${org.name}: ${org.type} ≠ ${kind}` });
    const opdIds = [p.leadOpdId ?? null, ...(p.otherOpdIds ?? [])].filter((x): x is string => x !== null);
    for (const opdId of opdIds) {
      const opd = facts.get(opdId);
      if (!opd || org.type !== 'PEMDA' || opd.tenantId !== org.id || !['OPD', 'UNIT'].includes(opd.type))
        throw cooperationErrors.partyInvalid({ reason: `parties.${i}: OPD` });
    }

    return { input: p, org, ordinal: i + 1 };
  });
  for (const type of rule.required)
    if (!resolved.some((r) => r.org.type === type) || (kind === 'KSDD' && resolved.length < 2))
      throw cooperationErrors.partyInvalid({ reason: `${kind} needs ${type}` });
  const pemda = resolved.filter((r) => r.org.type === 'PEMDA');

  return {
    resolved,
    partyRegionCodes: pemda.map((r) => r.org.regionCode).filter((c): c is string => c !== null),
    opdIds: [...new Set(resolved.flatMap((r) => [r.input.leadOpdId ?? null, ...(r.input.otherOpdIds ?? [])].filter((x): x is string => x !== null)))],
    partyTenantIds: pemda.map((r) => r.org.id),
    partyOrgIds: resolved.map((r) => r.org.id),
    // GWPP oversee kabupaten/kota only (a province answers to the Menteri).
    partyProvinceCodes: [...new Set(pemda.filter((r) => (r.org.regionCode ?? '').length > 2).map((r) => r.org.regionCode!.slice(0, 2)))],
  };
};

/** '63.06.01' → ['63', '63.06', '63.06.01']: what a region filter matches against. */
export const regionKeysOf = (codes: readonly string[]) => {
  const keys = new Set<string>();
  for (const code of codes) {
    const parts = code.split('.');
    for (let i = 1; i <= parts.length; i++) keys.add(parts.slice(0, i).join('.'));
  }

  return [...keys].sort();
};

const checkReferences = async (db: Db, input: { urusanCodes?: string[] | undefined; issueIds?: string[] | undefined; locationCodes?: string[] | undefined }) => {
  const unknown = await findUnknownReferences({ db, urusanCodes: input.urusanCodes ?? [], issueIds: input.issueIds ?? [], regionCodes: input.locationCodes ?? [] });
  const bad = [...unknown.urusanCodes.map((c) => `urusan ${c}`), ...unknown.issueIds.map((c) => `issue ${c}`), ...unknown.regionCodes.map((c) => `region ${c}`)];
  if (bad.length) throw cooperationErrors.partyInvalid({ reason: bad.join(', ') });
};

const formatRegisterNumber = (format: string, v: { seq: number; year: number; tenantCode: string; kind: string }) =>
  format
    .replace(/\{seq(\d)?\}/g, (_w, width: string | undefined) => String(v.seq).padStart(Number(width ?? 1), '0'))
    .replace(/\{year\}/g, String(v.year))
    .replace(/\{tenantCode\}/g, v.tenantCode)
    .replace(/\{kind\}/g, v.kind);

/** Each on-platform pemda party gets its own register number in its own format, once. */
const assignRegisterNumbers = async (tx: Db, clock: Clock, cooperationId: string, kind: string, rulesFor: (t: string | null) => Rules) => {
  const year = Number(jakartaDay(clock.now()).slice(0, 4));
  const parties = await repo.listParties(tx, cooperationId);
  const facts = new Map((await orgs.orgFacts(tx, parties.map((p) => p.orgId))).map((o) => [o.id, o]));
  for (const p of parties) {
    if (p.registerNumber || !p.tenantId) continue;
    const seq = await repo.nextCounter(tx, `register:${p.tenantId}`, year);
    const number = formatRegisterNumber(rulesFor(p.tenantId).numberFormats.register, { seq, year, tenantCode: facts.get(p.orgId)?.regionCode ?? '', kind });
    await repo.setPartyRegisterNumber(tx, cooperationId, p.orgId, number);
  }
};

const partyRows = (cooperationId: string, resolved: Awaited<ReturnType<typeof resolveParties>>['resolved'], initiatorOrgId: string | null, keep = new Map<string, string | null>()) =>
  resolved.map((r) => ({
    cooperationId,
    orgId: r.org.id,
    ordinal: r.ordinal,
    tenantId: r.org.type === 'PEMDA' ? r.org.id : null,
    isInitiator: r.org.id === initiatorOrgId,
    leadOpdId: r.input.leadOpdId ?? null,
    otherOpdIds: r.input.otherOpdIds ?? [],
    registerNumber: keep.get(r.org.id) ?? null,
    signatoryName: r.input.signatoryName ?? null,
    signatoryPosition: r.input.signatoryPosition ?? null,
  }));

const fundingRows = (cooperationId: string, lines: CooperationCreateInput['funding']) =>
  lines.map((l, i) => ({ cooperationId, ordinal: i + 1, source: l.source, partyOrgId: l.partyOrgId ?? null, year: l.year, amount: l.amount, budgeted: l.budgeted }));

const checkTerm = (rules: Rules, category: ObjectCategory, start: string | null | undefined, end: string | null | undefined) => {
  if (!start || !end) return;
  if (end < start) throw cooperationErrors.durationExceeded({ maxYears: rules.maxDurationYears[category] ?? 5, latestEndDate: start });
  const over = durationExceeded(rules, category, start, end);
  if (over) throw cooperationErrors.durationExceeded({ maxYears: over.years, latestEndDate: over.latest });
};

export type CreateOptions = {
  /** Import and demo seed record cooperations already further along; the state is theirs to give. */
  initialState?: State;
  eventKind?: 'CREATED' | 'IMPORTED';
  /** For registers kept before Jejaring: their own numbers per party. */
  registerNumbers?: Record<string, string>;
};

/**
 * Registers a cooperation. A pemda's staff propose (USULAN) or register an incoming offer
 * (initiator MITRA → PENAWARAN_MASUK); a partner user proposes to a pemda (PENAWARAN_MASUK).
 * Cooperations under other regimes (KPBU, BMD, hibah, PBJ) are recorded with their term and do
 * not run the KSD procedure. Runs inside the caller's transaction when given one.
 */
export const createCooperationInTx = async ({ tx, clock, audit, actor, input, options = {} }: Deps & { tx: Db; input: CooperationCreateInput; options?: CreateOptions }) => {
  const { resolved, partyTenantIds, partyOrgIds, partyProvinceCodes, partyRegionCodes, opdIds } = await resolveParties(tx, input.kind, input.parties);
  const myTenants = partyTenantIds.filter((t) => actor.roles.some((r) => r.tenantId === t));
  const today = jakartaDay(clock.now());
  const rulesFor = await rulesResolver({ db: tx, tenantIds: partyTenantIds, onDate: today });
  const actingTenant = myTenants.includes(actor.tenantId ?? '') ? actor.tenantId! : myTenants[0];
  const partnerOrg = actor.scope.orgIds.find((o) => partyOrgIds.includes(o) && !partyTenantIds.includes(o));
  let initiatorOrgId: string;
  if (actingTenant) {
    const roles = new Set(actor.roles.filter((r) => r.tenantId === actingTenant).map((r) => r.role));
    if (!rulesFor(actingTenant).proposeRoles.some((r) => roles.has(r)) && !actor.scope.platformAdmin) throw cooperationErrors.notParticipant();
    initiatorOrgId = input.initiator === 'MITRA' ? (resolved.find((r) => r.org.type !== 'PEMDA')?.org.id ?? actingTenant) : actingTenant;
  } else if (partnerOrg && rulesFor(null).partnersMayPropose && input.regime === 'KSD_GENERIC') {
    initiatorOrgId = partnerOrg;
    input = { ...input, initiator: 'MITRA' };
  } else throw cooperationErrors.notParticipant();
  if (input.kind !== 'KSDD' && input.ksddCategory) throw cooperationErrors.partyInvalid({ reason: 'ksddCategory' });
  if (input.kind === 'KSDD' && !input.ksddCategory) throw cooperationErrors.partyInvalid({ reason: 'ksddCategory' });
  await checkReferences(tx, input);
  if (input.parentId) await loadVisible({ db: tx, actor, id: input.parentId });
  const ownerRules = rulesFor(actingTenant ?? partyTenantIds[0] ?? null);
  checkTerm(ownerRules, input.objectCategory, input.startDate, input.endDate);

  const generic = input.regime === 'KSD_GENERIC';
  if (!generic && (!input.startDate || !input.endDate)) throw cooperationErrors.partyInvalid({ reason: 'startDate/endDate' });
  const state: State =
    options.initialState ?? (!generic ? ((input.endDate ?? '') < today ? 'BERAKHIR' : 'BERLAKU') : input.initiator === 'MITRA' ? 'PENAWARAN_MASUK' : 'USULAN');
  const id = randomUUID();
  const now = clock.now();
  const year = Number(today.slice(0, 4));
  const seq = await repo.nextCounter(tx, 'code', year);
  await repo.insertCooperation(tx, {
    id,
    code: `KS-${year}-${String(seq).padStart(6, '0')}`,
    tenantId: actingTenant ?? partyTenantIds[0] ?? null,
    kind: input.kind,
    ksddCategory: input.ksddCategory ?? null,
    regime: input.regime,
    initiator: input.initiator,
    title: input.title,
    objek: input.objek,
    ruangLingkup: input.ruangLingkup,
    objectCategory: input.objectCategory,
    urusanCodes: input.urusanCodes,
    issueIds: input.issueIds,
    locationCodes: input.locationCodes,
    burdensCommunity: input.burdensCommunity,
    dprdRequired: generic && deriveDprdRequired(ownerRules, { kind: input.kind, burdensCommunity: input.burdensCommunity, funding: input.funding, currentYear: year }),
    centralApprovalRequired: generic && deriveCentralRequired(ownerRules, input.kind),
    planReference: input.planReference ?? null,
    planException: input.planException ?? null,
    state,
    stateChangedAt: now,
    stateDueAt: null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    signedAt: null,
    pendingAmendment: null,
    potentialId: input.potentialId ?? null,
    parentId: input.parentId ?? null,
    partyTenantIds,
    partyOrgIds,
    partyProvinceCodes,
    regionKeys: regionKeysOf([...input.locationCodes, ...partyRegionCodes]),
    opdIds,
    partyNames: '',
    documentExcerpt: '',
    search: '',
    searchHead: '',
    rowVersion: 1,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await repo.replaceParties(tx, id, partyRows(id, resolved, initiatorOrgId, new Map(Object.entries(options.registerNumbers ?? {}))));
  await repo.replaceFunding(tx, id, fundingRows(id, input.funding));
  await assignRegisterNumbers(tx, clock, id, input.kind, rulesFor);
  await repo.refreshSearch(tx, id);
  await recordCooperationEvent({
    tx,
    clock,
    audit,
    event: { cooperationId: id, tenantId: actingTenant ?? null, kind: options.eventKind ?? 'CREATED', toState: state, data: { kind: input.kind, title: input.title } },
  });

  return id;
};

export const createCooperation = async ({ db, lang, ...deps }: Deps & { lang: Lang; input: CooperationCreateInput }) => {
  const id = await db.transaction((tx) => createCooperationInTx({ ...deps, db, tx }));

  return getCooperation({ db, clock: deps.clock, actor: deps.actor, lang, id });
};

/**
 * Edits the record while it is still being prepared. Parties may be added or changed (each keeps
 * its register number); after signing, changes go through an amendment instead.
 */
export const updateCooperation = async ({ db, clock, audit, actor, lang, id, input }: Deps & { lang: Lang; id: string; input: CooperationUpdateInput }) => {
  await db.transaction(async (tx) => {
    const { cooperation: before } = await loadForParticipant({ db: tx, actor, id, lock: true });
    const tenants = [...actingTenants(actor, before).keys()];
    if (tenants.length === 0) throw cooperationErrors.notParticipant();
    if (before.rowVersion !== input.expectedVersion) throw cooperationErrors.staleVersion();
    if (!PRE_SIGNATURE_STATES.includes(before.state as State)) throw cooperationErrors.notEditable();
    await checkReferences(tx, input);
    const kind = before.kind as Kind;
    const { expectedVersion: _v, parties, funding, ...fields } = input;
    const patch: Partial<repo.CooperationRow> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (kind !== 'KSDD') delete patch.ksddCategory;
    const today = jakartaDay(clock.now());
    const rules = await rulesForTenant({ db: tx, tenantId: tenants[0]!, onDate: today });
    const category = (patch.objectCategory ?? before.objectCategory) as ObjectCategory;
    checkTerm(rules, category, patch.startDate !== undefined ? patch.startDate : before.startDate, patch.endDate !== undefined ? patch.endDate : before.endDate);

    if (parties) {
      const previous = await repo.listParties(tx, id);
      const resolved = await resolveParties(tx, kind, parties);
      if (!resolved.partyTenantIds.some((t) => tenants.includes(t))) throw cooperationErrors.partyInvalid({ reason: 'own pemda' });
      const initiator = previous.find((p) => p.isInitiator)?.orgId ?? null;
      await repo.replaceParties(tx, id, partyRows(id, resolved.resolved, initiator, new Map(previous.map((p) => [p.orgId, p.registerNumber]))));
      Object.assign(patch, {
        partyTenantIds: resolved.partyTenantIds,
        partyOrgIds: resolved.partyOrgIds,
        partyProvinceCodes: resolved.partyProvinceCodes,
        opdIds: resolved.opdIds,
      });
    }
    if (parties || patch.locationCodes) {
      const regionCodes = (await orgs.orgFacts(tx, patch.partyTenantIds ?? before.partyTenantIds)).map((o) => o.regionCode).filter((c): c is string => c !== null);
      patch.regionKeys = regionKeysOf([...(patch.locationCodes ?? before.locationCodes), ...regionCodes]);
    }
    const lines = funding ?? (await repo.listFunding(tx, id));
    if (funding) await repo.replaceFunding(tx, id, fundingRows(id, funding));
    const burdens = patch.burdensCommunity ?? before.burdensCommunity;
    patch.dprdRequired =
      before.regime === 'KSD_GENERIC' && deriveDprdRequired(rules, { kind, burdensCommunity: burdens, funding: lines, currentYear: Number(today.slice(0, 4)) });
    patch.updatedAt = clock.now();
    await repo.updateCooperation(tx, id, patch);
    if (parties) await assignRegisterNumbers(tx, clock, id, kind, await rulesResolver({ db: tx, tenantIds: patch.partyTenantIds ?? [], onDate: today }));
    await repo.refreshSearch(tx, id);
    const changed = Object.keys(input).filter((k) => k !== 'expectedVersion');
    await recordCooperationEvent({ tx, clock, audit, event: { cooperationId: id, tenantId: tenants[0]!, kind: 'EDIT', data: { fields: changed } } });
  });

  return getCooperation({ db, clock, actor, lang, id });
};

/** One cooperation as the reader sees it, with the actions they may take now. */
export const getCooperation = async ({ db, clock, actor, lang, id }: { db: Db; clock: Clock; actor: Actor; lang: Lang; id: string }) => {
  const row = await loadVisible({ db, actor, id });

  return presentCooperation({ db, clock, actor, lang, row });
};
