import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../audit/index.js';
import * as access from './tkksd.access.js';
import { failOn, type ReadDeps, type WriteDeps } from './tkksd.access.js';
import { tkksdErrors, type FieldProblem } from './tkksd.errors.js';
import { checkHandOver, moveOpenItems } from './tkksd.handover.js';
import { byPosition, currentPeriod, isActiveOn, isWithin, ketuaConflict, overlappingPeriod, POSITION_ROLES, spansOverlap, warningCount, liaisonCoverage, type Span } from './tkksd.models.js';
import * as repo from './tkksd.repository.js';
import * as liaisonRepo from './liaisons.repository.js';
import type { EndInput, HandOverInput, HandOverResultDto, MemberCreateInput, MemberDto, PeriodCreateInput, PeriodDto, TeamDto } from './tkksd.schemas.js';
import type { MemberRow, PeriodRow } from './tkksd.tables.js';

const presentMember = (m: repo.MemberView, day: string): MemberDto => ({
  id: m.id,
  periodId: m.periodId,
  position: m.position,
  personName: m.personName,
  personTitle: m.personTitle,
  hasAccount: m.userId !== null,
  userId: m.userId,
  org: { id: m.orgId, name: m.orgName },
  validFrom: m.validFrom,
  validTo: m.validTo,
  active: isActiveOn(m, day),
  endedReason: m.endedReason,
});

const presentPeriod = (p: PeriodRow, members: readonly repo.MemberView[], day: string): PeriodDto => ({
  id: p.id,
  title: p.title,
  decreeNumber: p.decreeNumber,
  decreeDate: p.decreeDate,
  decreeFileId: p.decreeFileId,
  validFrom: p.validFrom,
  validTo: p.validTo,
  current: isActiveOn(p, day),
  members: members
    .filter((m) => m.periodId === p.id)
    .sort(byPosition)
    .map((m) => presentMember(m, day)),
});

const loadPeriod = async (db: Db, tenantId: string, id: string, day: string) => {
  const p = await repo.findPeriod(db, tenantId, id);
  if (!p) throw tkksdErrors.periodNotFound();

  return presentPeriod(p, await repo.membersOf(db, [p.id]), day);
};

/** The reader's pemda team: the current period, every period with its members, and the liaison warning count. */
export const getTeam = async ({ db, clock, actor }: ReadDeps): Promise<TeamDto> => {
  const tenantId = access.teamTenant(actor);
  const day = access.today(clock);
  const [periods, units, liaisons, minimum] = await Promise.all([repo.listPeriods(db, tenantId), repo.tenantUnits(db, tenantId), liaisonRepo.listLiaisons(db, tenantId), access.minLiaisons(db, tenantId, day)]);
  const members = await repo.membersOf(db, periods.map((p) => p.id));
  const presented = periods.map((p) => presentPeriod(p, members, day));
  const tenant = units.find((u) => u.id === tenantId);

  return {
    tenant: { id: tenantId, name: tenant?.name ?? '' },
    today: day,
    current: presented.find((p) => p.id === currentPeriod(periods, day)?.id) ?? null,
    periods: presented,
    units,
    minLiaisonsPerOpd: minimum,
    liaisonWarnings: warningCount(liaisonCoverage(units.filter((u) => u.type === 'OPD'), liaisons, minimum, day)),
    canManage: access.canManageTeam(actor, tenantId),
  };
};

export const getPeriod = async ({ db, clock, actor, periodId }: ReadDeps & { periodId: string }) => loadPeriod(db, access.teamTenant(actor), periodId, access.today(clock));

const audit = (deps: WriteDeps, tx: Db, tenantId: string, action: string, entityType: string, entityId: string, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action, entityType, entityId, tenantId, diff } });

/** Records a decree period. Periods of one pemda may not share a day (409 tkksd.period_overlap). */
export const createPeriod = (deps: WriteDeps & { input: PeriodCreateInput }) =>
  deps.db.transaction(async (tx) => {
    const tenantId = access.managedTenant(deps.actor);
    const { input } = deps;
    const span: Span = { validFrom: input.validFrom, validTo: input.validTo ?? null };
    const problems: FieldProblem[] = [];
    access.checkSpan(span, problems);
    const decreeFileId = await access.checkDecreeFile({ ...deps, db: tx }, tenantId, input.decreeFileId, problems);
    failOn(problems, deps.lang);
    await repo.lockTeam(tx, tenantId);
    const clash = overlappingPeriod(await repo.listPeriods(tx, tenantId), span);
    if (clash) throw tkksdErrors.periodOverlap({ decree: clash.decreeNumber, from: clash.validFrom, to: clash.validTo ?? '…' });
    const row = await repo.insertPeriod(tx, { tenantId, title: input.title, decreeNumber: input.decreeNumber, decreeDate: input.decreeDate, decreeFileId, ...span, createdBy: deps.actor.userId, createdAt: deps.clock.now() });
    await audit(deps, tx, tenantId, 'tkksd.period.create', 'tkksd_period', row.id, { title: row.title, decreeNumber: row.decreeNumber, decreeDate: row.decreeDate, decreeFileId, ...span });

    return presentPeriod(row, [], access.today(deps.clock));
  });

type NewMember = Pick<MemberRow, 'position' | 'userId' | 'personName' | 'personTitle' | 'orgId'> & Span;

/** Adds a member inside a locked team: one ketua at a time, one position per person, the role granted with the decree. */
const addMember = async (deps: WriteDeps, tx: Db, tenantId: string, period: PeriodRow, m: NewMember) => {
  const others = await repo.membersOf(tx, [period.id]);
  if (ketuaConflict(others, m)) throw tkksdErrors.ketuaTaken();
  if (m.userId && others.some((o) => o.userId === m.userId && spansOverlap(o, m))) failOn([{ path: 'userId', code: 'already_member' }], deps.lang);
  const span = { validFrom: m.validFrom, validTo: m.validTo };
  const roleAssignmentId = await access.grantAppointmentRole(deps, tx, { userId: m.userId, role: POSITION_ROLES[m.position], orgId: tenantId, span, decreeRef: period.decreeNumber });
  const row = await repo.insertMember(tx, { ...m, periodId: period.id, tenantId, roleAssignmentId, createdAt: deps.clock.now() });
  await audit(deps, tx, tenantId, 'tkksd.member.add', 'tkksd_member', row.id, { periodId: period.id, position: row.position, userId: row.userId, personName: row.personName, orgId: row.orgId, ...span, roleAssignmentId });

  return row;
};

const memberView = async (tx: Db, row: MemberRow, day: string) => presentMember((await repo.membersOf(tx, [row.periodId])).find((m) => m.id === row.id)!, day);

export const createMember = (deps: WriteDeps & { periodId: string; input: MemberCreateInput }) =>
  deps.db.transaction(async (tx) => {
    const tenantId = access.managedTenant(deps.actor);
    const { input } = deps;
    const period = await repo.findPeriod(tx, tenantId, deps.periodId);
    if (!period) throw tkksdErrors.periodNotFound();
    const problems: FieldProblem[] = [];
    const person = await access.resolvePerson(tx, tenantId, input, problems);
    if (!(await repo.tenantUnits(tx, tenantId)).some((u) => u.id === input.orgId)) problems.push({ path: 'orgId', code: 'org_not_in_tenant' });
    const span: Span = { validFrom: input.validFrom ?? period.validFrom, validTo: input.validTo === undefined ? period.validTo : input.validTo };
    access.checkSpan(span, problems);
    if (problems.length === 0 && !isWithin(span, period)) problems.push({ path: 'validFrom', code: 'outside_period' });
    failOn(problems, deps.lang);
    await repo.lockTeam(tx, tenantId);
    const row = await addMember(deps, tx, tenantId, period, { position: input.position, ...person, orgId: input.orgId, ...span });

    return memberView(tx, row, access.today(deps.clock));
  });

const loadMember = async (tx: Db, tenantId: string, id: string) => {
  const m = await repo.findMember(tx, tenantId, id);
  if (!m) throw tkksdErrors.memberNotFound();

  return m;
};

/** Ends a member's term (and the role that came with it) on a date; the record stays in the period. */
export const endMember = (deps: WriteDeps & { memberId: string; input: EndInput }) =>
  deps.db.transaction(async (tx) => {
    const tenantId = access.managedTenant(deps.actor);
    await repo.lockTeam(tx, tenantId);
    const m = await loadMember(tx, tenantId, deps.memberId);
    const problems: FieldProblem[] = [];
    access.checkEnd(m, deps.input.endDate, access.today(deps.clock), problems);
    failOn(problems, deps.lang);
    await repo.endMember(tx, m.id, deps.input.endDate, deps.input.reason ?? null);
    await access.endAppointmentRole(deps, tx, m.roleAssignmentId, deps.input.endDate);
    await audit(deps, tx, tenantId, 'tkksd.member.end', 'tkksd_member', m.id, { validTo: { before: m.validTo, after: deps.input.endDate }, reason: deps.input.reason ?? null });

    return memberView(tx, { ...m, validTo: deps.input.endDate }, access.today(deps.clock));
  });

/** A member leaves: their term ends, their open items move to the successor, who may take the same position. */
export const handOverMember = (deps: WriteDeps & { memberId: string; input: HandOverInput }): Promise<HandOverResultDto> =>
  deps.db.transaction(async (tx) => {
    const tenantId = access.managedTenant(deps.actor);
    await repo.lockTeam(tx, tenantId);
    const m = await loadMember(tx, tenantId, deps.memberId);
    const { input } = deps;
    const { successor, fromUserId, successorSpan } = await checkHandOver(deps, tx, tenantId, m, input, access.today(deps.clock));
    await repo.endMember(tx, m.id, input.endDate, input.reason ?? null);
    await access.endAppointmentRole(deps, tx, m.roleAssignmentId, input.endDate);
    const moved = await moveOpenItems(tx, tenantId, fromUserId, successor);
    const period = (await repo.findPeriod(tx, tenantId, m.periodId))!;
    const next = input.appointSuccessor
      ? await addMember(deps, tx, tenantId, period, { position: m.position, userId: successor.id, personName: successor.name, personTitle: m.personTitle, orgId: m.orgId, ...successorSpan })
      : null;
    await audit(deps, tx, tenantId, 'tkksd.member.handover', 'tkksd_member', m.id, {
      endDate: input.endDate,
      reason: input.reason ?? null,
      successorUserId: successor.id,
      successorMemberId: next?.id ?? null,
      moved: moved.counts,
      movedIds: moved.ids,
    });

    return { endedId: m.id, successor: { id: successor.id, name: successor.name }, successorAppointmentId: next?.id ?? null, moved: moved.counts };
  });
