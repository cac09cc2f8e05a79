import type { Actor, VisibilityScope } from '../../platform/http/context.js';
import {
  ACTION_DEFINITIONS,
  ACTIONS,
  FOREIGN_KINDS,
  IN_FORCE_STATES,
  structuralBlock,
  type ActionName,
  type Kind,
  type MachineFacts,
  type ObjectCategory,
} from './cooperations.machine.js';
import type { Clause, DocumentType, Rules } from './rulepack.models.js';

/**
 * Pure rules about cooperations: who sees one, who acts for which party, the derived approval
 * flags, the duration limit, deadlines, and which actions a person may take now and why not.
 */

export type PartyRefs = { partyTenantIds: readonly string[]; partyOrgIds: readonly string[]; partyProvinceCodes: readonly string[] };

const meets = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** Party pemda, their GWPP (province), Kemendagri and platform admins, and members of a party organisation. */
export const canReadCooperation = (scope: VisibilityScope, c: PartyRefs) =>
  scope.readAll || meets(scope.tenantIds, c.partyTenantIds) || meets(scope.oversightProvinceCodes, c.partyProvinceCodes) || meets(scope.orgIds, c.partyOrgIds);

/** The party pemda the actor works in, each with the roles the actor holds there. */
export const actingTenants = (actor: Pick<Actor, 'roles'>, c: Pick<PartyRefs, 'partyTenantIds'>): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>();
  for (const r of actor.roles) {
    if (!r.tenantId || !c.partyTenantIds.includes(r.tenantId) || r.role === 'GWPP_REVIEWER' || r.role === 'KEMENDAGRI_VIEWER') continue;
    out.set(r.tenantId, (out.get(r.tenantId) ?? new Set()).add(r.role));
  }

  return out;
};

/** Whether the actor works on the cooperation (comments, uploads, notes): a party pemda's staff or a party partner's user. */
export const isParticipant = (actor: Pick<Actor, 'roles' | 'scope'>, c: PartyRefs) =>
  actingTenants(actor, c).size > 0 || meets(actor.scope.orgIds, c.partyOrgIds);

/** Editing the record itself is for party pemda staff, not partners or overseers. */
export const canEditCooperation = (actor: Pick<Actor, 'roles'>, c: PartyRefs) => actingTenants(actor, c).size > 0;

export type FundingFact = { year: number; budgeted: boolean };

/**
 * DPRD approval (PP 28/2018 Art. 6(2), 19(1), 30): for KSDD/KSDPK when the plan burdens the
 * community or its funding is not yet in the current year's APBD; always for the foreign kinds.
 * Which of these apply is the rule pack's call.
 */
export const deriveDprdRequired = (rules: Rules, f: { kind: Kind; burdensCommunity: boolean; funding: readonly FundingFact[]; currentYear: number }) => {
  const r = rules.dprdApproval;
  if (r.neverForKinds.includes(f.kind)) return false;
  if (r.alwaysForKinds.includes(f.kind)) return true;
  const unbudgeted = f.funding.some((l) => !l.budgeted && l.year >= f.currentYear);

  return (r.whenBurdensCommunity && f.burdensCommunity) || (r.whenFundingNotBudgeted && unbudgeted);
};

export const deriveCentralRequired = (rules: Rules, kind: Kind) => rules.centralApproval.kinds.includes(kind);

/** Whether an amendment's change meets the conditions that send it back to the DPRD. */
export const amendmentNeedsDprd = (
  rules: Rules,
  kind: Kind,
  change: { burdensCommunity?: boolean | undefined; fundingNotBudgeted?: boolean | undefined; extendsTerm?: boolean | undefined },
) => {
  if (rules.dprdApproval.neverForKinds.includes(kind)) return false;
  if (rules.dprdApproval.alwaysForKinds.includes(kind)) return true;
  const a = rules.amendmentApproval;

  return Boolean((a.whenBurdensCommunity && change.burdensCommunity) || (a.whenFundingNotBudgeted && change.fundingNotBudgeted) || (a.whenTermExtended && change.extendsTerm));
};

/** The longest term the rule pack allows, as the last allowed end date for a start date. */
export const latestEndDate = (rules: Rules, category: ObjectCategory, startDate: string) => {
  const years = rules.maxDurationYears[category] ?? 5;
  const d = new Date(`${startDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);

  return { years, latest: d.toISOString().slice(0, 10) };
};

export const durationExceeded = (rules: Rules, category: ObjectCategory, startDate: string, endDate: string) => {
  const { years, latest } = latestEndDate(rules, category, startDate);

  return endDate > latest ? { years, latest } : null;
};

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);

  return d.toISOString().slice(0, 10);
};

/** The due date of a state entered on `day` (WIB), if the rule pack sets one; working days skip weekends and listed holidays. */
export const dueDateFor = (rules: Rules, state: string, kind: Kind, day: string): string | null => {
  const rule = rules.deadlines.find((d) => d.state === state && (!d.kinds || d.kinds.includes(kind)));
  if (!rule) return null;
  if (rule.days !== undefined) return addDays(day, rule.days);
  let left = rule.workingDays ?? 0;
  let cursor = day;
  while (left > 0) {
    cursor = addDays(cursor, 1);
    const weekday = new Date(`${cursor}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !rules.holidays.includes(cursor)) left -= 1;
  }

  return cursor;
};

/** The next dispute stage on the rule pack's ladder; the Gubernur resolves only kab/kota of one province. */
export const nextDisputeStage = (rules: Rules, kind: Kind, current: string, sameProvinceKabKota: boolean) => {
  const ladder = (rules.disputeStages[kind] ?? ['MUSYAWARAH']).filter((s) => s !== 'GUBERNUR' || sameProvinceKabKota);
  const at = ladder.indexOf(current as (typeof ladder)[number]);

  return at >= 0 && at < ladder.length - 1 ? ladder[at + 1]! : null;
};

export const firstDisputeStage = (rules: Rules, kind: Kind) => (rules.disputeStages[kind] ?? ['MUSYAWARAH'])[0]!;

/** A reason an action may not be taken now; `guard` is the stable name shown in 409 answers. */
export type Blocker =
  | { guard: 'role'; roles: readonly string[] }
  | { guard: 'documents'; missing: { type: DocumentType; signed: boolean }[] }
  | { guard: 'clauses'; documentType: DocumentType; missing: Clause[] }
  | { guard: 'draft_missing'; documentType: DocumentType }
  | { guard: 'duration'; maxYears: number; latestEndDate: string }
  | { guard: 'term_missing' }
  | { guard: 'urusan_missing' }
  | { guard: 'approval_not_pending' }
  | { guard: 'dispute_final_stage' }
  | { guard: 'dprd_approval_missing' }
  | { guard: string };

export type DocumentFact = { type: string; status: string; privateTenantId: string | null };

export type ActionContext = {
  facts: MachineFacts & {
    initiator: 'DAERAH' | 'MITRA';
    objectCategory: ObjectCategory;
    startDate: string | null;
    endDate: string | null;
    urusanCount: number;
    disputeStage: string | null;
    sameProvinceKabKota: boolean;
    amendmentDprdApproved: boolean;
  };
  /** Party pemda the actor works in, with the roles held there. */
  roles: Map<string, Set<string>>;
  rulesFor: (tenantId: string) => Rules;
  documents: readonly DocumentFact[];
  /** Required clauses the latest draft of a type lacks, or null when there is no draft of that type. */
  clauseGaps: (type: DocumentType, required: readonly Clause[]) => Clause[] | null;
  /** Party pemda with a pending approval request of each authority. */
  pendingApprovals: readonly { authority: string; tenantId: string | null }[];
};

const missingDocuments = (rules: Rules, action: ActionName, ctx: ActionContext, tenantId: string) =>
  (rules.requiredDocuments[action] ?? [])
    .filter((r) => (!r.kinds || r.kinds.includes(ctx.facts.kind)) && (!r.initiator || r.initiator === ctx.facts.initiator))
    .filter(
      (r) =>
        !ctx.documents.some(
          (d) => d.type === r.type && (!r.signed || d.status === 'SIGNED') && (d.privateTenantId === null || d.privateTenantId === tenantId),
        ),
    )
    .map((r) => ({ type: r.type, signed: Boolean(r.signed) }));

/** The rule-pack guards for one acting party, in the order a person would fix them. */
const ruleBlockers = (action: ActionName, ctx: ActionContext, tenantId: string, rules: Rules): Blocker[] => {
  const out: Blocker[] = [];
  const f = ctx.facts;
  if (action === 'submit' && f.urusanCount === 0) out.push({ guard: 'urusan_missing' });
  const missing = missingDocuments(rules, action, ctx, tenantId);
  if (missing.length > 0) out.push({ guard: 'documents', missing });
  const checklistType = rules.clauseChecklistRequired[action];
  const effectiveType: DocumentType | undefined =
    checklistType === 'PKS' && FOREIGN_KINDS.includes(f.kind) ? 'MOU' : checklistType;
  if (effectiveType) {
    const gaps = ctx.clauseGaps(effectiveType, rules.clauses[effectiveType] ?? []);
    if (gaps === null) out.push({ guard: 'draft_missing', documentType: effectiveType });
    else if (gaps.length > 0) out.push({ guard: 'clauses', documentType: effectiveType, missing: gaps });
  }
  if (action === 'finalize_pks') {
    if (!f.startDate || !f.endDate) out.push({ guard: 'term_missing' });
    else {
      const over = durationExceeded(rules, f.objectCategory, f.startDate, f.endDate);
      if (over) out.push({ guard: 'duration', maxYears: over.years, latestEndDate: over.latest });
    }
  }
  if (action === 'record_dprd_decision' && !ctx.pendingApprovals.some((a) => a.authority === 'DPRD' && a.tenantId === tenantId))
    out.push({ guard: 'approval_not_pending' });
  if (action === 'record_central_decision' && !ctx.pendingApprovals.some((a) => a.authority !== 'DPRD')) out.push({ guard: 'approval_not_pending' });
  if (action === 'sign_amendment' && f.amendmentNeedsDprd && !f.amendmentDprdApproved) out.push({ guard: 'dprd_approval_missing' });
  if (action === 'escalate_dispute' && f.disputeStage && !nextDisputeStage(rules, f.kind, f.disputeStage, f.sameProvinceKabKota))
    out.push({ guard: 'dispute_final_stage' });

  return out;
};

export type ActionOption = { name: ActionName; allowed: boolean; blockers: Blocker[]; actingTenantId: string | null };

/**
 * The actions that exist for this cooperation in its state, and for each whether this person may
 * take it now. An action is allowed when one of the actor's party pemda grants the role and
 * passes every rule-pack guard; otherwise the blockers of the closest party are returned.
 */
export const evaluateAction = (name: ActionName, ctx: ActionContext): ActionOption | null => {
  const definition = ACTION_DEFINITIONS[name];
  if (structuralBlock(definition, ctx.facts)) return null;
  let best: ActionOption | null = null;
  for (const [tenantId, roles] of ctx.roles) {
    const rules = ctx.rulesFor(tenantId);
    const allowedRoles = rules.actionRoles[name] ?? [];
    if (!allowedRoles.some((r) => roles.has(r))) {
      best ??= { name, allowed: false, blockers: [{ guard: 'role', roles: allowedRoles }], actingTenantId: null };
      continue;
    }
    const blockers = ruleBlockers(name, ctx, tenantId, rules);
    const option = { name, allowed: blockers.length === 0, blockers, actingTenantId: tenantId };
    if (option.allowed) return option;
    if (!best || best.actingTenantId === null) best = option;
  }

  return best ?? { name, allowed: false, blockers: [{ guard: 'role', roles: [] }], actingTenantId: null };
};

/** Every action of the current state, evaluated for the actor (empty for readers who are not a party). */
export const evaluateActions = (ctx: ActionContext): ActionOption[] =>
  ACTIONS.map((a) => evaluateAction(a, ctx)).filter((o): o is ActionOption => o !== null && (o.allowed || o.actingTenantId !== null || ctx.roles.size > 0));

/**
 * The WIB day a cooperation in force becomes "tidak aktif": the rule pack's number of months
 * after the last monitoring (an evaluation finalised, an approved progress update) or, before
 * any, after signing (or entering the state). Calendar months; a day the month lacks
 * (31 August + 6 months) rolls back to its last day.
 */
export const dormantSince = (c: { lastMonitoredAt: Date | null; signedAt: string | null; stateChangedAt: Date }, dormantAfterMonths: number) => {
  const since = quietSince(c);
  const [y, m, d] = since.split('-').map(Number) as [number, number, number];
  const month = m - 1 + dormantAfterMonths;
  const last = new Date(Date.UTC(y + Math.floor(month / 12), (month % 12) + 1, 0)).getUTCDate();

  return new Date(Date.UTC(y + Math.floor(month / 12), month % 12, Math.min(d, last))).toISOString().slice(0, 10);
};

/** The WIB day a cooperation was last monitored, or signed (or entered its state) before any monitoring. */
export const quietSince = (c: { lastMonitoredAt: Date | null; signedAt: string | null; stateChangedAt: Date }) =>
  c.lastMonitoredAt ? wibDay(c.lastMonitoredAt) : (c.signedAt ?? wibDay(c.stateChangedAt));

/** "Tidak aktif": in force, and its dormantSince day has come. */
export const isDormant = (
  c: { state: string; lastMonitoredAt: Date | null; signedAt: string | null; stateChangedAt: Date },
  dormantAfterMonths: number,
  today: string,
) => (IN_FORCE_STATES as readonly string[]).includes(c.state) && today >= dormantSince(c, dormantAfterMonths);

const wibDay = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
