import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, commonErrors, type FieldError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { AuditContext } from '../audit/index.js';
import { loadForParticipant, recordCooperationEvent } from './cooperations.access.js';
import { cooperationErrors, GUARD_MESSAGES } from './cooperations.errors.js';
import {
  ACTION_DEFINITIONS,
  stateAfterAcceptance,
  stateAfterDprdApproval,
  stateAfterDprdRevision,
  type ActionName,
  type Kind,
  type ObjectCategory,
  type State,
} from './cooperations.machine.js';
import { describeBlocker, loadActionContext, presentCooperation } from './cooperations.presenter.js';
import { amendmentNeedsDprd, dueDateFor, durationExceeded, evaluateAction, firstDisputeStage, nextDisputeStage } from './cooperations.policy.js';
import * as repo from './cooperations.repository.js';
import type { ActionBody } from './cooperations.schemas.js';
import { createCooperationInTx } from './cooperations.usecases.js';
import type { Rules } from './rulepack.models.js';
import { jakartaDay } from './rulepack.usecases.js';

type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; lang: Lang };

const required = (lang: Lang, path: string): FieldError => ({
  path,
  code: 'required',
  message: lang === 'id' ? 'Wajib diisi untuk tindakan ini.' : 'Required for this action.',
});

/** The inputs each action needs, checked after the guards so a refusal explains the rule first. */
const checkInputs = (action: ActionName, body: ActionBody, lang: Lang) => {
  const errors: FieldError[] = [];
  for (const input of ACTION_DEFINITIONS[action].inputs) {
    if (input === 'term') {
      if (!body.startDate) errors.push(required(lang, 'startDate'));
      if (!body.endDate) errors.push(required(lang, 'endDate'));
    } else if (input === 'decidedAt' || input === 'reason' || input === 'decision' || input === 'authority' || input === 'dispute' || input === 'amendment' || input === 'terminationGround') {
      if (body[input] === undefined) errors.push(required(lang, input));
    }
  }
  if (errors.length) throw new AppError(commonErrors.validation.definition, {}, errors);
};

/** End of the due day in WIB, as an instant. */
const endOfDay = (day: string | null) => (day ? new Date(`${day}T23:59:59+07:00`) : null);

type Effect = {
  to: State;
  patch: Partial<repo.CooperationRow>;
  data: Record<string, unknown>;
  createdId?: string | null;
};

const refuse = (action: string, guard: string, lang: Lang, params: Record<string, string | number> = {}) => {
  const message = GUARD_MESSAGES[guard];
  const described = message ? Object.entries(params).reduce((m, [k, v]) => m.replaceAll(`{${k}}`, String(v)), message[lang]) : guard;

  return cooperationErrors.actionRefused({ action, reasons: described }, { guard, blockers: [{ guard, message: described, details: params }] });
};

/**
 * Performs one named transition of the state machine for the party the actor works for: guards
 * (state, role, rule pack), inputs, the effect on approvals and disputes, the new state with its
 * deadline, and one timeline event with its audit row — all in one transaction.
 */
export const performAction = async ({ db, clock, audit, actor, lang, id, action, body }: Deps & { id: string; action: ActionName; body: ActionBody }) => {
  const result = await db.transaction(async (tx) => {
    const { cooperation: row } = await loadForParticipant({ db: tx, actor, id, lock: true });
    if (body.expectedVersion !== undefined && body.expectedVersion !== row.rowVersion) throw cooperationErrors.staleVersion();
    const { ctx, approvals, openDispute, rulesFor } = await loadActionContext({ db: tx, clock, actor, row });
    const option = evaluateAction(action, ctx);
    if (!option) throw cooperationErrors.actionNotAvailable({ action, kind: row.kind, state: row.state });
    if (!option.allowed) {
      const blockers = option.blockers.map((b) => describeBlocker(b, lang));
      throw cooperationErrors.actionRefused({ action, reasons: blockers.map((b) => b.message).join('; ') }, { guard: blockers[0]?.guard ?? 'role', blockers });
    }
    checkInputs(action, body, lang);
    const tenantId = option.actingTenantId!;
    const rules = rulesFor(tenantId);
    const now = clock.now();
    const today = jakartaDay(now);
    const kind = row.kind as Kind;
    const from = row.state as State;
    const def = ACTION_DEFINITIONS[action];
    const effect: Effect = { to: def.to === 'SAME' || def.to === 'DECIDED' ? from : def.to, patch: {}, data: {} };

    switch (action) {
      case 'accept':
        effect.to = stateAfterAcceptance(kind);
        break;
      case 'request_dprd': {
        const purpose = row.pendingAmendment ? 'AMENDMENT' : 'PLAN';
        const due = endOfDay(dueDateFor(rules, 'MENUNGGU_PERSETUJUAN_DPRD', kind, today));
        // Each party pemda asks its own DPRD (PP 28/2018 Art. 6(2) binds every region that is party).
        for (const partyTenant of row.partyTenantIds)
          await repo.insertApproval(tx, { cooperationId: row.id, authority: 'DPRD', tenantId: partyTenant, purpose, submittedAt: now, dueAt: due, decision: 'PENDING' });
        effect.data = { purpose, parties: row.partyTenantIds.length };
        break;
      }
      case 'request_central':
        await requestCentral(tx, row.id, rules, kind, now, today);
        break;
      case 'record_dprd_decision':
        Object.assign(effect, await recordDprd(tx, { row, approvals, tenantId, body, now, rules, today, recordedBy: actor.userId }));
        break;
      case 'record_central_decision':
        Object.assign(effect, await recordCentral(tx, { row, approvals, body, now, lang, recordedBy: actor.userId }));
        break;
      case 'sign': {
        const over = durationExceeded(rules, row.objectCategory as ObjectCategory, body.startDate!, body.endDate!);
        if (body.endDate! < body.startDate!) throw refuse(action, 'term_missing', lang);
        if (over) throw refuse(action, 'duration', lang, { maxYears: over.years, latestEndDate: over.latest });
        effect.patch = { startDate: body.startDate!, endDate: body.endDate!, signedAt: body.signedAt ?? today };
        effect.data = { startDate: body.startDate, endDate: body.endDate };
        break;
      }
      case 'amend': {
        const a = body.amendment!;
        if (a.newEndDate && row.startDate) {
          const over = durationExceeded(rules, row.objectCategory as ObjectCategory, row.startDate, a.newEndDate);
          if (over) throw refuse(action, 'duration', lang, { maxYears: over.years, latestEndDate: over.latest });
        }
        const needsDprd = amendmentNeedsDprd(rules, kind, { ...a, extendsTerm: Boolean(a.newEndDate && row.endDate && a.newEndDate > row.endDate) });
        effect.patch = { pendingAmendment: { ...a, needsDprd, dprdApproved: false, requestedAt: now.toISOString() } };
        effect.data = { amendment: a.summary, needsDprd };
        break;
      }
      case 'sign_amendment': {
        const a = row.pendingAmendment ?? {};
        effect.patch = {
          pendingAmendment: null,
          ...(typeof a.newEndDate === 'string' ? { endDate: a.newEndDate } : {}),
          ...(typeof a.burdensCommunity === 'boolean' ? { burdensCommunity: a.burdensCommunity } : {}),
        };
        effect.data = { amendment: a.summary ?? null, newEndDate: a.newEndDate ?? null };
        break;
      }
      case 'raise_dispute': {
        const stage = body.dispute!.stage ?? firstDisputeStage(rules, kind);
        await repo.insertDispute(tx, { cooperationId: row.id, raisedByOrgId: tenantId, description: body.dispute!.description, stage, openedAt: now });
        effect.data = { stage };
        break;
      }
      case 'escalate_dispute': {
        const next = nextDisputeStage(rules, kind, openDispute!.stage, ctx.facts.sameProvinceKabKota)!;
        await repo.updateDispute(tx, openDispute!.id, { stage: next });
        effect.data = { stage: { from: openDispute!.stage, to: next } };
        break;
      }
      case 'resolve_dispute':
        if (openDispute) await repo.updateDispute(tx, openDispute.id, { resolvedAt: now, outcome: 'RESOLVED', resolution: body.reason! });
        break;
      case 'terminate':
        if (openDispute) await repo.updateDispute(tx, openDispute.id, { resolvedAt: now, outcome: 'TERMINATED', resolution: body.reason! });
        effect.patch = { pendingAmendment: null };
        effect.data = { terminationGround: body.terminationGround };
        break;
      case 'cancel':
        await withdrawPending(tx, approvals, now);
        break;
      case 'extend':
        effect.createdId = await extend(tx, { clock, audit, actor, row });
        effect.data = { extensionId: effect.createdId };
        break;
      default:
        break;
    }

    const moved = effect.to !== from;
    await repo.updateCooperation(tx, row.id, {
      ...effect.patch,
      state: effect.to,
      ...(moved ? { stateChangedAt: now, stateDueAt: endOfDay(dueDateFor(rules, effect.to, kind, today)) } : {}),
      updatedAt: now,
    });
    await recordCooperationEvent({
      tx,
      clock,
      audit,
      event: { cooperationId: row.id, tenantId, kind: 'TRANSITION', action, fromState: from, toState: effect.to, reason: body.reason ?? null, data: effect.data },
    });

    return { createdId: effect.createdId ?? null };
  });
  const row = (await repo.findCooperation(db, id))!;

  return { cooperation: await presentCooperation({ db, clock, actor, lang, row }), createdId: result.createdId };
};

const withdrawPending = async (tx: Db, approvals: repo.ApprovalRow[], now: Date) => {
  for (const a of approvals.filter((x) => x.decision === 'PENDING'))
    await repo.decideApproval(tx, a.id, { decision: 'WITHDRAWN', decidedAt: now.toISOString().slice(0, 10) });
};

const requestCentral = async (tx: Db, cooperationId: string, rules: Rules, kind: Kind, now: Date, today: string) => {
  const due = endOfDay(dueDateFor(rules, 'MENUNGGU_PERSETUJUAN_PUSAT', kind, today));
  for (const authority of rules.centralApproval.authorities)
    await repo.insertApproval(tx, { cooperationId, authority, tenantId: null, purpose: 'PLAN', submittedAt: now, dueAt: due, decision: 'PENDING' });
};

type DecisionArgs = { row: repo.CooperationRow; approvals: repo.ApprovalRow[]; body: ActionBody; now: Date; recordedBy: string };

/**
 * A party's DPRD decides. The round moves on only when every party's DPRD approved; one refusal
 * ends the plan (or the amendment), a request to revise sends the draft back to its drafters.
 */
const recordDprd = async (tx: Db, { row, approvals, tenantId, body, now, rules, today, recordedBy }: DecisionArgs & { tenantId: string; rules: Rules; today: string }) => {
  const mine = approvals.find((a) => a.authority === 'DPRD' && a.tenantId === tenantId && a.decision === 'PENDING')!;
  await repo.decideApproval(tx, mine.id, {
    decision: body.decision!,
    decidedAt: body.decidedAt!,
    decisionNote: body.reason ?? null,
    decisionDocumentId: body.decisionDocumentId ?? null,
    recordedBy,
  });
  const others = approvals.filter((a) => a.authority === 'DPRD' && a.decision === 'PENDING' && a.id !== mine.id);
  const kind = row.kind as Kind;
  const facts = { kind, amendmentPending: row.pendingAmendment !== null, centralApprovalRequired: row.centralApprovalRequired };
  const data = { decision: body.decision, decidedAt: body.decidedAt, dprdOf: tenantId };
  if (body.decision === 'APPROVED') {
    if (others.length > 0) return { to: row.state as State, data: { ...data, waitingFor: others.length } };
    const to = stateAfterDprdApproval(facts);
    if (to === 'MENUNGGU_PERSETUJUAN_PUSAT') await requestCentral(tx, row.id, rules, kind, now, today);
    const patch: Partial<repo.CooperationRow> = facts.amendmentPending ? { pendingAmendment: { ...row.pendingAmendment, dprdApproved: true } } : {};

    return { to, data, patch };
  }
  await withdrawPending(tx, others, now);
  if (body.decision === 'REJECTED')
    return facts.amendmentPending ? { to: 'BERLAKU' as State, data: { ...data, amendmentDropped: true }, patch: { pendingAmendment: null } } : { to: 'DITOLAK' as State, data };

  return { to: stateAfterDprdRevision(facts), data };
};

/** Mendagri's approval and Kemlu's confirmation letter (PP 28/2018 Art. 31–33): both are needed before the MoU is drafted for signing. */
const recordCentral = async (tx: Db, { row, approvals, body, now, lang, recordedBy }: DecisionArgs & { lang: Lang }) => {
  const mine = approvals.find((a) => a.authority === body.authority && a.decision === 'PENDING');
  if (!mine) throw refuse('record_central_decision', 'approval_not_pending', lang);
  await repo.decideApproval(tx, mine.id, {
    decision: body.decision!,
    decidedAt: body.decidedAt!,
    decisionNote: body.reason ?? null,
    decisionDocumentId: body.decisionDocumentId ?? null,
    recordedBy,
  });
  const others = approvals.filter((a) => a.authority !== 'DPRD' && a.decision === 'PENDING' && a.id !== mine.id);
  const data = { authority: body.authority, decision: body.decision, decidedAt: body.decidedAt };
  if (body.decision === 'APPROVED') return { to: (others.length ? row.state : 'PENYUSUNAN_PKS') as State, data };
  await withdrawPending(tx, others, now);

  return { to: (body.decision === 'REJECTED' ? 'DITOLAK' : 'RENCANA_KERJA_SAMA') as State, data };
};

/** An extension re-runs the full procedure (ksd-domain.md §2.2 step 9): a new proposal linked to this one. */
const extend = async (tx: Db, { clock, audit, actor, row }: { clock: Clock; audit: AuditContext; actor: Actor; row: repo.CooperationRow }) => {
  const [parties, funding] = await Promise.all([repo.listParties(tx, row.id), repo.listFunding(tx, row.id)]);

  return createCooperationInTx({
    db: tx,
    tx,
    clock,
    audit,
    actor,
    input: {
      kind: row.kind as Kind,
      ksddCategory: row.ksddCategory as 'WAJIB' | 'SUKARELA' | null,
      regime: 'KSD_GENERIC',
      initiator: 'DAERAH',
      title: row.title,
      objek: row.objek,
      ruangLingkup: row.ruangLingkup,
      objectCategory: row.objectCategory as ObjectCategory,
      urusanCodes: row.urusanCodes,
      issueIds: row.issueIds,
      locationCodes: row.locationCodes,
      burdensCommunity: row.burdensCommunity,
      planReference: row.planReference,
      planException: row.planException as 'DARURAT' | 'PSN' | 'TUGAS_PEMBANTUAN' | null,
      startDate: null,
      endDate: null,
      funding: funding.map((f) => ({ source: f.source as 'APBD', partyOrgId: f.partyOrgId, year: f.year, amount: f.amount, budgeted: false })),
      parties: parties.map((p) => ({
        orgId: p.orgId,
        leadOpdId: p.leadOpdId,
        otherOpdIds: p.otherOpdIds,
        signatoryName: p.signatoryName,
        signatoryPosition: p.signatoryPosition,
      })),
      parentId: row.id,
      potentialId: row.potentialId,
    },
  });
};
