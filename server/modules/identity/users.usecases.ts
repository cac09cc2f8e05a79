import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { commonErrors } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { identityErrors, weakPasswordError } from './identity.errors.js';
import { hashPassword, passwordProblem } from './identity.passwords.js';
import { canManageTenant, canReadUser, userVisibilityOf, type Authority } from './identity.policy.js';
import * as repo from './identity.repository.js';
import * as users from './users.repository.js';
import type { UserRow } from './users.repository.js';

/**
 * User administration. `actor: null` is the system itself (demo seed, CLI): it skips the
 * permission and tenant checks but still validates and audits like everyone else.
 */
type Deps = { db: Db; clock: Clock; audit: AuditContext };

/** What the audit trail keeps of a user: every attribute except credentials and secrets. */
const auditable = (u: UserRow) => ({ email: u.email, name: u.name, nip: u.nip, phone: u.phone, orgId: u.orgId, status: u.status, locale: u.locale });

/** A user the actor may read; anyone else's answers exactly like a user that does not exist. */
export const visibleUser = async (db: Db, actor: Authority | null, id: string) => {
  const user = await users.findUserRow(db, id);
  if (!user || (actor && !canReadUser(actor.scope, user))) throw identityErrors.userNotFound();

  return user;
};

/** A user the actor may change: people they only oversee (GWPP, Kemendagri) are read-only. */
const manageableUser = async (db: Db, actor: Authority | null, id: string) => {
  const user = await visibleUser(db, actor, id);
  if (actor && !canManageTenant(actor, 'user.manage', user.tenantId)) throw commonErrors.forbidden();

  return user;
};

/** An organisation the actor may place people in; a missing one and a foreign one answer the same. */
const placeableOrg = async (db: Db, actor: Authority | null, orgId: string) => {
  const org = await users.findOrgTenancy(db, orgId);
  if (!org || (actor && !canManageTenant(actor, 'user.manage', org.tenantId))) throw identityErrors.orgNotAllowed();

  return org;
};

/** Throws the rule a password breaks, reported on `field`. */
export const assertPasswordRules = (password: string, email: string, field: string, lang: Lang) => {
  const problem = passwordProblem(password, email);
  if (problem) throw weakPasswordError(problem, field, lang);
};

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: unknown; cause?: unknown } | null;

  return e !== null && typeof e === 'object' && (e.code === '23505' || (e.cause !== undefined && isUniqueViolation(e.cause)));
};

export const listUsers = async ({ db, actor, query }: { db: Db; actor: Actor; query: users.UserQuery }) =>
  users.searchUsers(db, userVisibilityOf(actor.scope), query);

export const getUser = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => visibleUser(db, actor, id);

export type CreateUserInput = {
  email: string;
  name: string;
  orgId: string;
  password: string;
  nip?: string | undefined;
  phone?: string | undefined;
  locale?: 'id' | 'en' | undefined;
};

/**
 * Creates an active user in an organisation the actor administers. E-mail addresses are unique
 * regardless of case and stored in lower case, as sign-in compares them.
 */
export const createUser = async ({ db, clock, audit, actor, input, lang = 'id' }: Deps & { actor: Actor | null; input: CreateUserInput; lang?: Lang }): Promise<UserRow> => {
  const email = input.email.trim().toLowerCase();
  assertPasswordRules(input.password, email, 'password', lang);
  // Hash before the transaction: argon2 takes tens of milliseconds and needs no lock.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const org = await placeableOrg(tx, actor, input.orgId);
      if (await repo.findUserByEmail(tx, email)) throw identityErrors.emailTaken({ email });
      const now = clock.now();
      const { id } = await repo.insertUser(tx, {
        email,
        name: input.name.trim(),
        nip: input.nip ?? null,
        phone: input.phone ?? null,
        orgId: org.id,
        passwordHash,
        status: 'ACTIVE',
        locale: input.locale ?? 'id',
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      const created = (await users.findUserRow(tx, id))!;
      await recordAudit({ tx, clock, context: audit, entry: { action: 'user.create', entityType: 'user', entityId: id, tenantId: org.tenantId, diff: changeSet(null, auditable(created)) } });

      return created;
    });
  } catch (err) {
    // Two simultaneous creations of one address: the unique index decides, the loser gets the same answer.
    if (isUniqueViolation(err)) throw identityErrors.emailTaken({ email });
    throw err;
  }
};

export type UpdateUserInput = {
  name?: string | undefined;
  orgId?: string | undefined;
  status?: 'ACTIVE' | 'DISABLED' | undefined;
  nip?: string | null | undefined;
  phone?: string | null | undefined;
  locale?: 'id' | 'en' | undefined;
};

/**
 * Changes a user. Moving them is allowed only to an organisation the actor also administers;
 * disabling ends all their sessions at once, and nobody can disable themselves.
 */
export const updateUser = async ({ db, clock, audit, actor, id, input }: Deps & { actor: Actor; id: string; input: UpdateUserInput }) =>
  db.transaction(async (tx) => {
    const before = await manageableUser(tx, actor, id);
    if (input.orgId !== undefined && input.orgId !== before.orgId) await placeableOrg(tx, actor, input.orgId);
    if (input.status === 'DISABLED' && id === actor.userId) throw identityErrors.cannotDisableSelf();
    const now = clock.now();
    await repo.updateUser(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.orgId !== undefined ? { orgId: input.orgId } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.nip !== undefined ? { nip: input.nip } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      updatedAt: now,
    });
    const revokedSessions = input.status === 'DISABLED' ? await repo.revokeUserSessions(tx, id, now) : 0;
    const after = (await users.findUserRow(tx, id))!;
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'user.update', entityType: 'user', entityId: id, tenantId: after.tenantId, diff: { ...changeSet(auditable(before), auditable(after)), revokedSessions } },
    });

    return after;
  });

/**
 * Turns off a user's two-factor sign-in when they lost their authenticator (and their recovery
 * codes): the secret and the codes are deleted and every session ends, so at the next sign-in a
 * user whose role requires two-factor must enrol again. Nobody may do this to their own account.
 */
export const resetUserTwoFactor = async ({ db, clock, audit, actor, id }: Deps & { actor: Actor; id: string }) => {
  if (actor.userId === id) throw identityErrors.cannotResetOwnTwoFactor();
  const target = await manageableUser(db, actor, id);
  await db.transaction(async (tx) => {
    await manageableUser(tx, actor, id);
    const now = clock.now();
    await repo.updateUser(tx, id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, updatedAt: now });
    await repo.replaceRecoveryCodes(tx, id, []);
    const revokedSessions = await repo.revokeUserSessions(tx, id, now);
    await recordAudit({ tx, clock, context: audit, entry: { action: 'user.two_factor_reset', entityType: 'user', entityId: id, tenantId: target.tenantId, diff: { revokedSessions } } });
  });
};

/** Sets a new password for someone else (forgotten password) and signs them out everywhere. */
export const resetUserPassword = async ({ db, clock, audit, actor, id, input, lang }: Deps & { actor: Actor; id: string; input: { newPassword: string }; lang: Lang }) => {
  const target = await manageableUser(db, actor, id);
  assertPasswordRules(input.newPassword, target.email, 'newPassword', lang);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await manageableUser(tx, actor, id);
    const now = clock.now();
    await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: now, updatedAt: now });
    const revokedSessions = await repo.revokeUserSessions(tx, id, now);
    await recordAudit({ tx, clock, context: audit, entry: { action: 'user.password_reset', entityType: 'user', entityId: id, tenantId: target.tenantId, diff: { revokedSessions } } });
  });
};

/** People holding matching active roles today (for notices and mentions by other modules). */
export const findRoleHolders = async ({ db, ...q }: { db: Db } & users.RoleHolderQuery) => users.findRoleHolders(db, q);
