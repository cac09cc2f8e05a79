import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { State } from '../../../contracts/cooperations.js';
import { recordAudit } from '../audit/index.js';
import { cooperationStates, createCooperationInTx } from '../cooperations/index.js';
import type { Answers } from './answers.models.js';
import type { AnswerRow } from './answers.tables.js';
import { cycleErrors, fieldErrors } from './cycles.errors.js';
import * as policy from './cycles.policy.js';
import * as cycleRepo from './cycles.repository.js';
import type { CycleRow } from './cycles.tables.js';
import { potentialErrors } from './potentials.errors.js';
import * as m from './potentials.models.js';
import * as repo from './potentials.repository.js';
import type { PotentialDto, PotentialListDto, PotentialListQuery, PotentialProposalInput, PotentialUpdateInput } from './potentials.schemas.js';
import type { Deps } from './questionnaires.usecases.js';
import type { Definition } from './questionnaires.models.js';

type States = Awaited<ReturnType<typeof cooperationStates>>;

const present = (actor: Actor, p: repo.PotentialFact, states: States): PotentialDto => {
  const manage = policy.canManage(actor, p.tenantId);

  return {
    id: p.id,
    cycleId: p.cycleId,
    cycleYear: p.cycleYear,
    orgId: p.orgId,
    orgName: p.orgName,
    kind: p.kind,
    title: p.title,
    description: p.description,
    urusanCodes: p.urusanCodes,
    issueIds: p.issueIds,
    locationCodes: p.locationCodes,
    candidatePartners: p.candidatePartners,
    expectedBenefit: p.expectedBenefit,
    costEstimateIdr: p.costEstimateIdr,
    status: p.status,
    statusReason: p.statusReason,
    cooperations: p.cooperationIds.flatMap((id) => states.filter((s) => s.id === id)).map((c) => ({ ...c, state: c.state as State })),
    canManage: manage,
    canPropose: manage && m.mayPropose(p.status),
    rowVersion: p.rowVersion,
  };
};

const presentOne = async (db: Db, actor: Actor, p: repo.PotentialFact) => present(actor, p, await cooperationStates(db, p.cooperationIds));

/** An item the actor may read: its pemda's people and overseers; 404 otherwise, never revealing another pemda's. */
const loadVisible = async (db: Db, actor: Actor, id: string, lock = false) => {
  const p = await repo.findPotential(db, id, lock);
  const tenant = p ? await cycleRepo.tenantFact(db, p.tenantId) : undefined;
  if (!p || !tenant || !policy.canRead(actor, { tenantId: tenant.id, regionCode: tenant.regionCode })) throw potentialErrors.notFound();

  return p;
};

const loadManaged = async (db: Db, actor: Actor, id: string, expectedVersion: number) => {
  const p = await loadVisible(db, actor, id, true);
  if (!policy.canManage(actor, p.tenantId)) throw cycleErrors.manageForbidden();
  if (p.rowVersion !== expectedVersion) throw potentialErrors.stale();

  return p;
};

/**
 * Puts an accepted answer's items in the register, inside the acceptance's transaction. Items
 * still DIUSULKAN from an earlier acceptance of the same answer are replaced; items the TKKSD
 * already acted on stay and are not added twice (same section and title).
 */
export const registerAcceptedAnswer = async ({ tx, clock, audit, cycle, answer, definition }: Pick<Deps, 'clock' | 'audit'> & { tx: Db; cycle: CycleRow; answer: AnswerRow; definition: Definition }) => {
  const replaced = await repo.deleteProposedOfAnswer(tx, answer.id);
  const kept = await repo.keptOfAnswer(tx, answer.id);
  const items = m.itemsToInsert(m.extractItems(definition, answer.answers as Answers), kept);
  const now = clock.now();
  const inserted = await repo.insertPotentials(
    tx,
    items.map((i) => ({ ...i, sourceTitle: i.title, id: randomUUID(), tenantId: cycle.tenantId, cycleId: cycle.id, answerId: answer.id, orgId: answer.orgId, status: 'DIUSULKAN' as const, statusReason: null, cooperationIds: [], rowVersion: 1, createdAt: now, updatedAt: now })),
  );
  await recordAudit({
    tx,
    clock,
    context: audit,
    entry: { action: 'mapping.potential.extract', entityType: 'mapping_answer', entityId: answer.id, tenantId: cycle.tenantId, diff: { cycleId: cycle.id, orgId: answer.orgId, replaced, inserted: inserted.map((r) => r.id), kept: kept.length } },
  });

  return inserted.length;
};

/** The register of the pemda(s) the actor works in, filtered and paged. */
export const listPotentials = async ({ db, actor, query }: Pick<Deps, 'db' | 'actor'> & { query: PotentialListQuery }): Promise<PotentialListDto> => {
  const { rows, total } = await repo.listPotentials(db, actor.scope.tenantIds, query);
  const states = await cooperationStates(db, [...new Set(rows.flatMap((r) => r.cooperationIds))]);

  return { items: rows.map((r) => present(actor, r, states)), total, limit: query.limit, offset: query.offset };
};

export const getPotential = async ({ db, actor, id }: Pick<Deps, 'db' | 'actor'> & { id: string }) => presentOne(db, actor, await loadVisible(db, actor, id));

const audit = (deps: Deps, tx: Db, p: repo.PotentialFact, action: string, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action: `mapping.potential.${action}`, entityType: 'mapping_potential', entityId: p.id, tenantId: p.tenantId, diff } });

/** The secretariat or TKKSD corrects an item or moves it (prioritised, adopted, cancelled) with a reason. */
export const updatePotential = (deps: Deps & { lang: Lang; id: string; input: PotentialUpdateInput }) =>
  deps.db.transaction(async (tx) => {
    const { input } = deps;
    const before = await loadManaged(tx, deps.actor, deps.id, input.expectedVersion);
    const statusChange = input.status !== undefined && input.status !== before.status;
    if (statusChange && !m.maySetStatus(before.status)) throw potentialErrors.followedThrough();
    if (statusChange && !input.reason) throw fieldErrors([{ path: 'reason', code: 'required' }], deps.lang);
    const patch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(statusChange && { status: input.status, statusReason: input.reason! }),
    };
    const after = await repo.updatePotential(tx, before.id, before.rowVersion, { ...patch, updatedAt: deps.clock.now() });
    if (!after) throw potentialErrors.stale();
    const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, { before: before[k as keyof typeof before], after: after[k as keyof typeof after] }]));
    await audit(deps, tx, before, statusChange ? 'status' : 'update', { ...changed, reason: input.reason ?? null });

    return presentOne(tx, deps.actor, { ...before, ...after });
  });

/**
 * Follows a prioritised or adopted item through to a cooperation proposal (USULAN), pre-filled
 * from it: title, description as objek, urusan, issues and locations; the item's pemda is a party
 * with the item's OPD as lead OPD, the partners come from the request. One transaction: the
 * cooperation, its potential_id, the link and DITINDAKLANJUTI.
 */
export const proposeCooperation = (deps: Deps & { id: string; input: PotentialProposalInput }) =>
  deps.db.transaction(async (tx) => {
    const { input } = deps;
    const before = await loadManaged(tx, deps.actor, deps.id, input.expectedVersion);
    if (!m.mayPropose(before.status)) throw potentialErrors.notProposable({ status: before.status });
    const cooperationId = await createCooperationInTx({
      ...deps,
      tx,
      input: {
        kind: input.kind,
        ksddCategory: input.ksddCategory ?? null,
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: input.title ?? before.title,
        objek: before.description,
        ruangLingkup: [],
        objectCategory: input.objectCategory,
        urusanCodes: before.urusanCodes,
        issueIds: before.issueIds,
        locationCodes: before.locationCodes,
        burdensCommunity: false,
        funding: [],
        parties: [{ orgId: before.tenantId, leadOpdId: before.orgId }, ...input.partners.filter((p) => p.orgId !== before.tenantId)],
        potentialId: before.id,
      },
    });
    const after = (await repo.updatePotential(tx, before.id, before.rowVersion, { status: 'DITINDAKLANJUTI', cooperationIds: [...before.cooperationIds, cooperationId], updatedAt: deps.clock.now() }))!;
    await audit(deps, tx, before, 'propose', { cooperationId, status: { before: before.status, after: after.status } });

    return { potential: await presentOne(tx, deps.actor, { ...before, ...after }), cooperationId };
  });
