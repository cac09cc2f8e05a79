import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, commonErrors } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { AuditContext } from '../audit/index.js';
import { jakartaDay, rulesForTenant } from '../cooperations/index.js';
import { getFile } from '../files/index.js';
import { endRoleAssignment, findUser, grantRole, ROLE_PERMISSIONS } from '../identity/index.js';
import { fieldErrors, tkksdErrors, type FieldProblem } from './tkksd.errors.js';
import { endProblem, isValidSpan, type Span } from './tkksd.models.js';

/**
 * What the TKKSD and liaison use cases share: whose team it is (the reader's own pemda), who may
 * change it, the people and files an appointment names, and the identity role it carries.
 */
export type ReadDeps = { db: Db; clock: Clock; actor: Actor };
export type WriteDeps = ReadDeps & { audit: AuditContext; lang: Lang };

const PERMISSIONS = ROLE_PERMISSIONS as Record<string, readonly string[] | undefined>;

/** The pemda whose team the reader sees: their own. Partners and central units have none (403). */
export const teamTenant = (actor: Actor) => {
  if (!actor.tenantId || !actor.scope.tenantIds.includes(actor.tenantId)) throw tkksdErrors.noTenant();

  return actor.tenantId;
};

/** Whether the actor holds tkksd.manage through a role in that pemda (not merely somewhere). */
export const canManageTeam = (actor: Actor, tenantId: string) => actor.roles.some((r) => r.tenantId === tenantId && PERMISSIONS[r.role]?.includes('tkksd.manage'));

export const managedTenant = (actor: Actor) => {
  const tenantId = teamTenant(actor);
  if (!canManageTeam(actor, tenantId)) throw commonErrors.forbidden();

  return tenantId;
};

export const today = (clock: Clock) => jakartaDay(clock.now());

export const minLiaisons = async (db: Db, tenantId: string, onDate: string) => (await rulesForTenant({ db, tenantId, onDate })).minLiaisonsPerOpd;

/** An active user of the pemda, or a field problem at `path`. */
export const tenantUser = async (db: Db, tenantId: string, userId: string, path: string, problems: FieldProblem[]) => {
  const user = await findUser(db, userId);
  if (user && user.tenantId === tenantId && user.status === 'ACTIVE') return user;
  problems.push({ path, code: 'user_not_in_tenant' });

  return null;
};

export type PersonInput = { userId?: string | null | undefined; personName?: string | null | undefined; personTitle?: string | null | undefined };

/** The person an appointment names: a user of the pemda (their name copied), or a name and jabatan only. */
export const resolvePerson = async (db: Db, tenantId: string, input: PersonInput, problems: FieldProblem[]) => {
  const personTitle = input.personTitle || null;
  if (input.userId) {
    const user = await tenantUser(db, tenantId, input.userId, 'userId', problems);

    return { userId: user?.id ?? null, personName: user?.name ?? '', personTitle };
  }
  if (!input.personName) problems.push({ path: 'personName', code: 'person_required' });

  return { userId: null, personName: input.personName ?? '', personTitle };
};

/** A decree file must be one the reader can see and that belongs to the pemda. */
export const checkDecreeFile = async (deps: ReadDeps, tenantId: string, fileId: string | null | undefined, problems: FieldProblem[]) => {
  if (!fileId) return null;
  const file = await getFile({ db: deps.db, actor: deps.actor, id: fileId }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  });
  if (!file || file.tenantId !== tenantId) problems.push({ path: 'decreeFileId', code: 'file_not_found' });

  return file?.id ?? null;
};

export const checkSpan = (span: Span, problems: FieldProblem[]) => {
  if (!isValidSpan(span)) problems.push({ path: 'validTo', code: 'period_invalid' });
};

export const failOn = (problems: readonly FieldProblem[], lang: Lang) => {
  if (problems.length) throw fieldErrors(problems, lang);
};

/** An appointment may end between its first and last day, once; a term already over is refused. */
export const checkEnd = (s: Span, endDate: string, onDay: string, problems: FieldProblem[]) => {
  if (s.validTo !== null && s.validTo < onDay) throw tkksdErrors.alreadyEnded({ date: s.validTo });
  const problem = endProblem(s, endDate);
  if (problem) problems.push({ path: 'endDate', code: problem });
};

type RoleGrant = { userId: string | null; role: string; orgId: string; span: Span; decreeRef: string };

/**
 * The identity role of an appointment, granted in the caller's transaction with the decree as its
 * reference, so the person's permissions start and end with the decree. Nobody without an account
 * gets one; null when no new assignment was made. The system grants it: keeping the team is tkksd.manage, not role.manage.
 */
export const grantAppointmentRole = async (deps: WriteDeps, tx: Db, g: RoleGrant) => {
  if (!g.userId) return null;
  try {
    const assignment = await grantRole({
      db: tx,
      clock: deps.clock,
      audit: deps.audit,
      actor: null,
      input: { userId: g.userId, role: g.role, orgId: g.orgId, validFrom: g.span.validFrom, validTo: g.span.validTo, decreeRef: g.decreeRef },
    });

    return assignment.id;
  } catch (err) {
    // Someone who already holds the role there (granted by hand before the team was recorded) keeps
    // that assignment; it stays with user management and is not ended with this appointment.
    if (err instanceof AppError && err.code === 'identity.role_already_held') return null;
    throw err;
  }
};

/** Ends the role with the appointment; one an administrator already revoked stays revoked. */
export const endAppointmentRole = async (deps: WriteDeps, tx: Db, assignmentId: string | null, endDate: string) => {
  if (!assignmentId) return;
  try {
    await endRoleAssignment({ db: tx, clock: deps.clock, audit: deps.audit, actor: null, id: assignmentId, input: { validTo: endDate } });
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'identity.role_assignment_revoked')) throw err;
  }
};
