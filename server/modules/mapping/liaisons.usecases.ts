import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../audit/index.js';
import * as access from './tkksd.access.js';
import { failOn, type ReadDeps, type WriteDeps } from './tkksd.access.js';
import { tkksdErrors, type FieldProblem } from './tkksd.errors.js';
import { checkHandOver, moveOpenItems } from './tkksd.handover.js';
import { isActiveOn, liaisonCoverage, warningCount, type Span } from './tkksd.models.js';
import * as repo from './liaisons.repository.js';
import { lockTeam, tenantUnits } from './tkksd.repository.js';
import type { LiaisonCreateInput, LiaisonDto, LiaisonListDto } from './liaisons.schemas.js';
import type { LiaisonRow } from './liaisons.tables.js';
import type { EndInput, HandOverInput, HandOverResultDto } from './tkksd.schemas.js';

const ROLE = 'PPKSD';

const present = (l: LiaisonRow, day: string): LiaisonDto => ({
  id: l.id,
  opdId: l.opdId,
  personName: l.personName,
  personTitle: l.personTitle,
  hasAccount: l.userId !== null,
  userId: l.userId,
  decreeNumber: l.decreeNumber,
  decreeDate: l.decreeDate,
  decreeFileId: l.decreeFileId,
  validFrom: l.validFrom,
  validTo: l.validTo,
  active: isActiveOn(l, day),
  endedReason: l.endedReason,
});

/** Every OPD of the reader's pemda with its liaisons, the number active today and a warning below the rule pack's minimum. */
export const listLiaisons = async ({ db, clock, actor }: ReadDeps): Promise<LiaisonListDto> => {
  const tenantId = access.teamTenant(actor);
  const day = access.today(clock);
  const [units, liaisons, minimum] = await Promise.all([tenantUnits(db, tenantId), repo.listLiaisons(db, tenantId), access.minLiaisons(db, tenantId, day)]);
  const coverage = liaisonCoverage(
    units.filter((u) => u.type === 'OPD').map((u) => ({ id: u.id, name: u.name })),
    liaisons,
    minimum,
    day,
  );

  return {
    today: day,
    minLiaisonsPerOpd: minimum,
    warnings: warningCount(coverage),
    opds: coverage.map((o) => ({ ...o, liaisons: liaisons.filter((l) => l.opdId === o.id).map((l) => present(l, day)) })),
    canManage: access.canManageTeam(actor, tenantId),
  };
};

const audit = (deps: WriteDeps, tx: Db, tenantId: string, action: string, id: string, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action, entityType: 'liaison', entityId: id, tenantId, diff } });

type NewLiaison = Pick<LiaisonRow, 'opdId' | 'userId' | 'personName' | 'personTitle' | 'decreeNumber' | 'decreeDate' | 'decreeFileId'> & Span;

/** Inserts the appointment with its PPKSD role in the OPD, so the liaison's permissions follow the decree. */
const appoint = async (deps: WriteDeps, tx: Db, tenantId: string, l: NewLiaison) => {
  const span = { validFrom: l.validFrom, validTo: l.validTo };
  const roleAssignmentId = await access.grantAppointmentRole(deps, tx, { userId: l.userId, role: ROLE, orgId: l.opdId, span, decreeRef: l.decreeNumber });
  const row = await repo.insertLiaison(tx, { ...l, tenantId, roleAssignmentId, createdBy: deps.actor.userId, createdAt: deps.clock.now() });
  await audit(deps, tx, tenantId, 'liaison.appoint', row.id, { opdId: row.opdId, userId: row.userId, personName: row.personName, decreeNumber: row.decreeNumber, decreeDate: row.decreeDate, ...span, roleAssignmentId });

  return row;
};

export const appointLiaison = (deps: WriteDeps & { input: LiaisonCreateInput }) =>
  deps.db.transaction(async (tx) => {
    const tenantId = access.managedTenant(deps.actor);
    const { input } = deps;
    const problems: FieldProblem[] = [];
    const person = await access.resolvePerson(tx, tenantId, input, problems);
    if (!(await tenantUnits(tx, tenantId)).some((u) => u.id === input.opdId && u.type === 'OPD')) problems.push({ path: 'opdId', code: 'org_not_in_tenant' });
    const span: Span = { validFrom: input.validFrom, validTo: input.validTo ?? null };
    access.checkSpan(span, problems);
    const decreeFileId = await access.checkDecreeFile({ ...deps, db: tx }, tenantId, input.decreeFileId, problems);
    failOn(problems, deps.lang);
    await lockTeam(tx, tenantId);
    const row = await appoint(deps, tx, tenantId, { opdId: input.opdId, ...person, decreeNumber: input.decreeNumber, decreeDate: input.decreeDate, decreeFileId, ...span });

    return present(row, access.today(deps.clock));
  });

const loadLiaison = async (tx: Db, tenantId: string, id: string) => {
  const l = await repo.findLiaison(tx, tenantId, id);
  if (!l) throw tkksdErrors.liaisonNotFound();

  return l;
};

export const endLiaison = (deps: WriteDeps & { liaisonId: string; input: EndInput }) =>
  deps.db.transaction(async (tx) => {
    const tenantId = access.managedTenant(deps.actor);
    await lockTeam(tx, tenantId);
    const l = await loadLiaison(tx, tenantId, deps.liaisonId);
    const problems: FieldProblem[] = [];
    access.checkEnd(l, deps.input.endDate, access.today(deps.clock), problems);
    failOn(problems, deps.lang);
    await repo.endLiaison(tx, l.id, deps.input.endDate, deps.input.reason ?? null);
    await access.endAppointmentRole(deps, tx, l.roleAssignmentId, deps.input.endDate);
    await audit(deps, tx, tenantId, 'liaison.end', l.id, { validTo: { before: l.validTo, after: deps.input.endDate }, reason: deps.input.reason ?? null });

    return present({ ...l, validTo: deps.input.endDate, endedReason: deps.input.reason ?? null }, access.today(deps.clock));
  });

/** A liaison leaves: the appointment ends, open items move to the successor, who may be appointed for the rest of the term under the same decree. */
export const handOverLiaison = (deps: WriteDeps & { liaisonId: string; input: HandOverInput }): Promise<HandOverResultDto> =>
  deps.db.transaction(async (tx) => {
    const tenantId = access.managedTenant(deps.actor);
    await lockTeam(tx, tenantId);
    const l = await loadLiaison(tx, tenantId, deps.liaisonId);
    const { input } = deps;
    const { successor, fromUserId, successorSpan } = await checkHandOver(deps, tx, tenantId, l, input, access.today(deps.clock));
    await repo.endLiaison(tx, l.id, input.endDate, input.reason ?? null);
    await access.endAppointmentRole(deps, tx, l.roleAssignmentId, input.endDate);
    const moved = await moveOpenItems(tx, tenantId, fromUserId, successor);
    const next = input.appointSuccessor
      ? await appoint(deps, tx, tenantId, { opdId: l.opdId, userId: successor.id, personName: successor.name, personTitle: l.personTitle, decreeNumber: l.decreeNumber, decreeDate: l.decreeDate, decreeFileId: l.decreeFileId, ...successorSpan })
      : null;
    await audit(deps, tx, tenantId, 'liaison.handover', l.id, {
      endDate: input.endDate,
      reason: input.reason ?? null,
      successorUserId: successor.id,
      successorLiaisonId: next?.id ?? null,
      moved: moved.counts,
      movedIds: moved.ids,
    });

    return { endedId: l.id, successor: { id: successor.id, name: successor.name }, successorAppointmentId: next?.id ?? null, moved: moved.counts };
  });
