import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { format, type Lang } from '../../platform/i18n/i18n.js';
import { roleName } from '../identity/index.js';
import { presentClauses, type DraftBody } from './clauses.models.js';
import { GUARD_MESSAGES } from './cooperations.errors.js';
import { ACTION_DEFINITIONS, type Kind, type MachineFacts, type ObjectCategory, type Regime, type State } from './cooperations.machine.js';
import { actingTenants, canEditCooperation, evaluateActions, isDormant, isParticipant, type ActionContext, type Blocker } from './cooperations.policy.js';
import * as repo from './cooperations.repository.js';
import type { Clause, DocumentType } from './rulepack.models.js';
import { jakartaDay, resolverFromPacks } from './rulepack.usecases.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A blocker in the reader's language, with its details kept for clients that build their own text. */
export const describeBlocker = (b: Blocker, lang: Lang) => {
  const { guard, ...details } = b as Blocker & Record<string, unknown>;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) {
    if (k === 'roles' && Array.isArray(v)) params[k] = v.map((r) => roleName(String(r), lang)).join(', ');
    else if (Array.isArray(v))
      params[k] = v.map((x) => (typeof x === 'object' && x !== null ? `${(x as { type: string }).type}${(x as { signed?: boolean }).signed ? (lang === 'id' ? ' (bertanda tangan)' : ' (signed)') : ''}` : String(x))).join(', ');
    else if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  const message = GUARD_MESSAGES[guard];

  return { guard, message: message ? format(message, lang, params) : guard, details };
};

/** Everything the action guards look at, loaded once (one query; inside a transaction it sees the transaction's writes). */
export const loadActionContext = async ({ db, clock, actor, row }: { db: Db; clock: Clock; actor: Actor; row: repo.CooperationRow }) =>
  actionContextOf({ clock, actor, row, bundle: await repo.loadRecordBundle(db, row) });

const actionContextOf = ({ clock, actor, row, bundle }: { clock: Clock; actor: Actor; row: repo.CooperationRow; bundle: repo.RecordBundle }) => {
  const roles = actingTenants(actor, row);
  const { documents, bodies, approvals, disputes } = bundle;
  const tenantIds = new Set(row.partyTenantIds);
  const partyOrgs = bundle.orgs.filter((o) => tenantIds.has(o.id));
  const rulesFor = resolverFromPacks(bundle.packs, jakartaDay(clock.now()));
  const openDispute = disputes.find((d) => d.resolvedAt === null) ?? null;
  const kabKota = partyOrgs.filter((o) => (o.regionCode ?? '').length > 2);
  const facts: ActionContext['facts'] = {
    kind: row.kind as Kind,
    regime: row.regime as Regime,
    state: row.state as State,
    dprdRequired: row.dprdRequired,
    centralApprovalRequired: row.centralApprovalRequired,
    amendmentPending: row.pendingAmendment !== null,
    amendmentNeedsDprd: Boolean(row.pendingAmendment?.needsDprd),
    initiator: row.initiator as 'DAERAH' | 'MITRA',
    objectCategory: row.objectCategory as ObjectCategory,
    startDate: row.startDate,
    endDate: row.endDate,
    urusanCount: row.urusanCodes.length,
    disputeStage: openDispute?.stage ?? null,
    amendmentDprdApproved: Boolean(row.pendingAmendment?.dprdApproved),
    sameProvinceKabKota: kabKota.length === partyOrgs.length && new Set(kabKota.map((o) => o.regionCode!.slice(0, 2))).size === 1,
  };
  const ctx: ActionContext = {
    facts,
    roles,
    rulesFor: (t) => rulesFor(t),
    documents,
    clauseGaps: (type: DocumentType, required: readonly Clause[]) => {
      const latest = bodies.find((b) => b.type === type);
      if (!latest) return null;
      const present = presentClauses({ body: latest.body as DraftBody | null, extractedText: latest.extractedText });

      return required.filter((c) => !present.has(c));
    },
    pendingApprovals: approvals.filter((a) => a.decision === 'PENDING').map((a) => ({ authority: a.authority, tenantId: a.tenantId })),
  };

  return { ctx, approvals, disputes, openDispute, rulesFor };
};

export type MachineFactsOf = MachineFacts;

/** The full API shape of one cooperation for this reader. */
export const presentCooperation = async ({ db, clock, actor, lang, row }: { db: Db; clock: Clock; actor: Actor; lang: Lang; row: repo.CooperationRow }) => {
  const bundle = await repo.loadRecordBundle(db, row);
  const { ctx, approvals, disputes, rulesFor } = actionContextOf({ clock, actor, row, bundle });
  const { parties, funding, extensions } = bundle;
  const orgs = new Map(bundle.orgs.map((o) => [o.id, o]));
  const ref = (id: string | null) => {
    const o = id ? orgs.get(id) : undefined;

    return o ? { id: o.id, name: o.name, type: o.type } : null;
  };
  const options = evaluateActions(ctx);
  const now = clock.now();
  const owner = rulesFor(row.tenantId);

  return {
    id: row.id,
    code: row.code,
    tenantId: row.tenantId,
    kind: row.kind as Kind,
    ksddCategory: row.ksddCategory,
    regime: row.regime as Regime,
    initiator: row.initiator as 'DAERAH' | 'MITRA',
    state: row.state as State,
    title: row.title,
    objek: row.objek,
    ruangLingkup: row.ruangLingkup,
    objectCategory: row.objectCategory as ObjectCategory,
    urusanCodes: row.urusanCodes,
    issueIds: row.issueIds,
    locationCodes: row.locationCodes,
    burdensCommunity: row.burdensCommunity,
    dprdRequired: row.dprdRequired,
    centralApprovalRequired: row.centralApprovalRequired,
    planReference: row.planReference,
    planException: row.planException,
    startDate: row.startDate,
    endDate: row.endDate,
    signedAt: row.signedAt,
    stateDueAt: iso(row.stateDueAt),
    overdue: row.stateDueAt !== null && row.stateDueAt < now,
    pendingAmendment: row.pendingAmendment,
    potentialId: row.potentialId,
    parentId: row.parentId,
    extensions,
    rowVersion: row.rowVersion,
    parties: parties.map((p) => {
      const o = orgs.get(p.orgId);

      return {
        orgId: p.orgId,
        name: o?.name ?? '',
        type: o?.type ?? '',
        regionCode: o?.regionCode ?? null,
        tenantId: p.tenantId,
        onPlatform: p.tenantId !== null,
        isInitiator: p.isInitiator,
        leadOpd: ref(p.leadOpdId),
        otherOpds: p.otherOpdIds.map(ref).filter((x): x is NonNullable<typeof x> => x !== null),
        registerNumber: p.registerNumber,
        signatoryName: p.signatoryName,
        signatoryPosition: p.signatoryPosition,
      };
    }),
    funding: funding.map((f) => ({ source: f.source, partyOrgId: f.partyOrgId, year: f.year, amount: f.amount, budgeted: f.budgeted })),
    approvals: approvals.map((a) => ({
      id: a.id,
      authority: a.authority,
      tenantId: a.tenantId,
      purpose: a.purpose,
      submittedAt: a.submittedAt.toISOString(),
      dueAt: iso(a.dueAt),
      overdue: a.decision === 'PENDING' && a.dueAt !== null && a.dueAt < now,
      decision: a.decision,
      decidedAt: a.decidedAt,
      decisionNote: a.decisionNote,
      decisionDocumentId: a.decisionDocumentId,
    })),
    disputes: disputes.map((d) => ({ ...d, openedAt: d.openedAt.toISOString(), resolvedAt: iso(d.resolvedAt) })),
    maxDurationYears: owner.maxDurationYears[row.objectCategory as ObjectCategory] ?? 5,
    progress: Number(row.progress),
    lastMonitoredAt: iso(row.lastMonitoredAt),
    dormant: isDormant(row, owner.dormantAfterMonths, jakartaDay(now)),
    allowedActions: options.filter((o) => o.allowed).map((o) => o.name),
    actions: options.map((o) => ({
      name: o.name,
      allowed: o.allowed,
      blockers: o.blockers.map((b) => describeBlocker(b, lang)),
      inputs: [...ACTION_DEFINITIONS[o.name].inputs],
    })),
    canEdit: canEditCooperation(actor, row),
    canParticipate: isParticipant(actor, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};
