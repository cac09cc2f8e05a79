import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { identityErrors } from './identity.errors.js';
import {
  canAdministerRole,
  canReadUser,
  isAssignmentActive,
  isRole,
  isValidPeriod,
  periodsOverlap,
  PLATFORM_GRANTED_ROLES,
  ROLE_ORG_TYPES,
  ROLE_PERMISSIONS,
  ROLES,
  todayInJakarta,
  TWO_FACTOR_ROLES,
  type Authority,
} from './identity.policy.js';
import * as repo from './identity.repository.js';
import * as users from './users.repository.js';
import { visibleUser } from './users.usecases.js';

/**
 * Role assignments with validity periods (an SK appoints someone from one date to another).
 * Nothing is deleted: an assignment is ended (validTo) or revoked (a mistake), and stays listed.
 */
type Deps = { db: Db; clock: Clock; audit: AuditContext };

const withActive = <A extends { validFrom: string; validTo: string | null; revokedAt: Date | null }>(a: A, today: string) => ({
  ...a,
  active: isAssignmentActive(a, today),
});

const assignmentView = async (db: Db, id: string, now: Date) => {
  const { holderOrgId: _o, holderTenantId: _t, holderTenantRegionCode: _r, ...a } = (await users.findAssignmentView(db, id))!;

  return withActive(a, todayInJakarta(now));
};

/** An assignment the actor may change: its holder must be visible, and the role theirs to administer. */
const administrableAssignment = async (db: Db, actor: Authority | null, id: string) => {
  const a = await users.findAssignmentView(db, id);
  if (!a || (actor && !canReadUser(actor.scope, { orgId: a.holderOrgId, tenantId: a.holderTenantId, tenantRegionCode: a.holderTenantRegionCode })))
    throw identityErrors.roleAssignmentNotFound();
  if (actor && !canAdministerRole(actor, a.role, a.tenantId)) throw identityErrors.cannotGrantRole({ role: a.role });
  if (a.revokedAt) throw identityErrors.roleAssignmentRevoked();

  return a;
};

/** Every assignment of a user the actor may see, including ended and revoked ones. */
export const listUserRoles = async ({ db, clock, actor, userId }: { db: Db; clock: Clock; actor: Actor; userId: string }) => {
  await visibleUser(db, actor, userId);
  const today = todayInJakarta(clock.now());

  return (await users.listAssignmentsOfUser(db, userId)).map((a) => withActive(a, today));
};

export type GrantRoleInput = {
  userId: string;
  role: string;
  orgId: string;
  validFrom: string;
  validTo?: string | null | undefined;
  decreeRef?: string | null | undefined;
};

/**
 * Gives a user a role in an organisation for a period. The role must fit the organisation type;
 * a tenant's role manager grants only inside their own tenants and never a cross-tenant role, and
 * a foreign or missing organisation gets that same refusal. One role may not be held twice in the
 * same organisation for overlapping periods.
 */
export const grantRole = async ({ db, clock, audit, actor, input }: Deps & { actor: Actor | null; input: GrantRoleInput }) =>
  db.transaction(async (tx) => {
    const holder = await visibleUser(tx, actor, input.userId);
    if (!isRole(input.role)) throw identityErrors.unknownRole({ role: input.role });
    const org = await users.findOrgTenancy(tx, input.orgId);
    if (actor && !canAdministerRole(actor, input.role, org?.tenantId ?? null)) throw identityErrors.cannotGrantRole({ role: input.role });
    if (!org) throw identityErrors.orgNotAllowed();
    if (!ROLE_ORG_TYPES[input.role].includes(org.type)) throw identityErrors.roleNotAllowedInOrg({ role: input.role, orgType: org.type });
    const period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
    if (!isValidPeriod(period.validFrom, period.validTo)) throw identityErrors.rolePeriodInvalid({ validFrom: period.validFrom });
    const held = await users.listAssignmentsOfUser(tx, holder.id);
    if (held.some((a) => a.role === input.role && a.orgId === org.id && a.revokedAt === null && periodsOverlap(a, period)))
      throw identityErrors.roleAlreadyHeld({ role: input.role });
    const now = clock.now();
    const row = await repo.insertRoleAssignment(tx, {
      userId: holder.id,
      role: input.role,
      orgId: org.id,
      ...period,
      decreeRef: input.decreeRef ?? null,
      createdBy: actor?.userId ?? null,
      createdAt: now,
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: {
        action: 'role.grant',
        entityType: 'role_assignment',
        entityId: row.id,
        tenantId: org.tenantId,
        diff: changeSet(null, { userId: holder.id, role: row.role, orgId: row.orgId, validFrom: row.validFrom, validTo: row.validTo, decreeRef: row.decreeRef }),
      },
    });

    return assignmentView(tx, row.id, now);
  });

/** Sets the last day of an assignment (end of term, transfer); it stays in the history. */
export const endRoleAssignment = async ({ db, clock, audit, actor, id, input }: Deps & { actor: Actor | null; id: string; input: { validTo: string } }) =>
  db.transaction(async (tx) => {
    const before = await administrableAssignment(tx, actor, id);
    if (!isValidPeriod(before.validFrom, input.validTo)) throw identityErrors.rolePeriodInvalid({ validFrom: before.validFrom });
    await repo.updateRoleAssignment(tx, id, { validTo: input.validTo });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'role.end', entityType: 'role_assignment', entityId: id, tenantId: before.tenantId, diff: changeSet({ validTo: before.validTo }, { validTo: input.validTo }) },
    });

    return assignmentView(tx, id, clock.now());
  });

/** Withdraws an assignment made in error: it stops counting at once, whatever its dates. */
export const revokeRoleAssignment = async ({ db, clock, audit, actor, id }: Deps & { actor: Actor | null; id: string }) =>
  db.transaction(async (tx) => {
    const before = await administrableAssignment(tx, actor, id);
    const now = clock.now();
    await repo.updateRoleAssignment(tx, id, { revokedAt: now });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'role.revoke', entityType: 'role_assignment', entityId: id, tenantId: before.tenantId, diff: { role: before.role, userId: before.userId, orgId: before.orgId } },
    });

    return assignmentView(tx, id, now);
  });

/** The roles for forms: what each allows, where it may be held, and whether this actor may grant it. */
export const roleCatalogue = ({ actor }: { actor: Actor }) =>
  ROLES.map((code) => ({
    code,
    permissions: [...ROLE_PERMISSIONS[code]],
    allowedOrgTypes: [...ROLE_ORG_TYPES[code]],
    requiresTwoFactor: TWO_FACTOR_ROLES.includes(code),
    grantable: actor.scope.platformAdmin || (actor.permissions.has('role.manage') && !PLATFORM_GRANTED_ROLES.includes(code)),
  }));
