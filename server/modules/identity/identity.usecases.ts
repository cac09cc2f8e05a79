import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { getOrganizationSummary } from '../organizations/index.js';
import { identityErrors } from './identity.errors.js';
import { burnVerification, verifyPassword } from './identity.passwords.js';
import { isAssignmentActive, lockedUntil, LOCKOUT, permissionsOf, requiresTwoFactor, scopeOf, todayInJakarta } from './identity.policy.js';
import * as repo from './identity.repository.js';
import { newToken, normalizeRecoveryCode, sha256, verifyTotp } from './identity.tokens.js';

export type SessionSettings = { ttlHours: number; idleMinutes: number };

type LoginInput = { email: string; password: string; totp?: string | undefined; ip: string; userAgent: string | undefined };

/** Refuses when the client address or the e-mail address is over its failure budget. */
const enforceThrottle = async (db: Db, now: Date, emailLower: string, ip: string) => {
  const ipFailures = await repo.countAttemptsFromIp(db, ip, new Date(now.getTime() - LOCKOUT.ipWindowMinutes * 60_000));
  if (ipFailures >= LOCKOUT.ipMaxFailures) throw identityErrors.rateLimited({}, { retryAfterSeconds: LOCKOUT.ipWindowMinutes * 60 });
  const attempts = await repo.recentAttemptsForEmail(db, emailLower, new Date(now.getTime() - LOCKOUT.windowHours * 3600_000), 64);
  const until = lockedUntil(attempts);
  if (until && until > now) {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    throw identityErrors.lockedOut({ minutes: Math.ceil(seconds / 60) }, { retryAfterSeconds: seconds });
  }
};

/** A TOTP code, or one unused recovery code (spent on use). */
const checkSecondFactor = async (db: Db, user: { id: string; totpSecret: string | null }, code: string, now: Date) => {
  if (user.totpSecret && verifyTotp(user.totpSecret, code.trim(), now)) return 'totp' as const;
  const digest = sha256(normalizeRecoveryCode(code));
  const match = (await repo.unusedRecoveryCodes(db, user.id)).find((r) => r.codeHash === digest);
  if (match && (await repo.markRecoveryCodeUsed(db, match.id, now))) return 'recovery_code' as const;

  return undefined;
};

/**
 * Signs a person in with e-mail, password and (when enrolled) a second factor. Every attempt is
 * recorded for throttling; unknown addresses take as long and answer the same as wrong passwords.
 */
export const login = async ({ db, clock, session, input, audit }: { db: Db; clock: Clock; session: SessionSettings; input: LoginInput; audit: AuditContext }) => {
  const now = clock.now();
  const emailLower = input.email.trim().toLowerCase();
  await enforceThrottle(db, now, emailLower, input.ip);
  const user = await repo.findUserByEmail(db, emailLower);
  const fail = async (error: typeof identityErrors.invalidCredentials) => {
    await repo.recordLoginAttempt(db, { emailLower, ip: input.ip, succeeded: false, at: now });

    return error();
  };
  if (!user?.passwordHash) {
    await burnVerification(input.password);
    throw await fail(identityErrors.invalidCredentials);
  }
  if (!(await verifyPassword(user.passwordHash, input.password)) || user.status !== 'ACTIVE') throw await fail(identityErrors.invalidCredentials);

  let secondFactor: 'totp' | 'recovery_code' | undefined;
  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.totp) throw identityErrors.totpRequired();
    secondFactor = await checkSecondFactor(db, user, input.totp, now);
    if (!secondFactor) throw await fail(identityErrors.totpInvalid);
  }

  const token = newToken();
  const csrfToken = newToken();
  const created = await db.transaction(async (tx) => {
    await repo.recordLoginAttempt(tx, { emailLower, ip: input.ip, succeeded: true, at: now });
    const row = await repo.insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + session.ttlHours * 3600_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.updateUser(tx, user.id, { lastLoginAt: now });
    await recordAudit({
      tx,
      clock,
      context: { ...audit, actorUserId: user.id, actorOrgId: user.orgId, actorName: user.name },
      entry: { action: 'auth.login', entityType: 'user', entityId: user.id, diff: { sessionId: row.id, secondFactor: secondFactor ?? null } },
    });

    return row;
  });

  return { token, csrfToken, sessionId: created.id, expiresAt: created.expiresAt, userId: user.id };
};

/** Resolves a session cookie to the actor, or null when it is unknown, revoked, expired or idle too long. */
export const resolveSession = async ({ db, clock, session, token }: { db: Db; clock: Clock; session: SessionSettings; token: string }): Promise<Actor | null> => {
  const now = clock.now();
  const found = await repo.findLiveSessionWithRoles(db, sha256(token), now);
  if (!found || found.status !== 'ACTIVE') return null;
  if (now.getTime() - found.lastSeenAt.getTime() > session.idleMinutes * 60_000) {
    await repo.revokeSession(db, found.sessionId, now);

    return null;
  }
  // Write the last-seen time at most once a minute, not on every request.
  if (now.getTime() - found.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, found.sessionId, now);
  const today = todayInJakarta(now);
  const active = found.roles.filter((r) => isAssignmentActive(r, today));
  const restricted = requiresTwoFactor(active) && !found.totpEnabledAt;
  const actor: Actor = {
    userId: found.userId,
    sessionId: found.sessionId,
    email: found.email,
    name: found.name,
    orgId: found.orgId,
    tenantId: found.tenantId,
    roles: active.map((r) => ({ role: r.role, orgId: r.orgId, tenantId: r.tenantId })),
    permissions: restricted ? new Set() : permissionsOf(active),
    scope: scopeOf(active),
    csrfToken: found.csrfToken,
    viaCookie: true,
    restricted,
  };
  resolvedRoles.set(actor, active);

  return actor;
};

/**
 * The active role rows read while resolving a request's session, kept for that request only (the
 * actor object lives as long as the request), so /api/me does not read them a second time.
 */
const resolvedRoles = new WeakMap<Actor, Awaited<ReturnType<typeof repo.rolesOfUser>>>();

export const logout = async ({ db, clock, actor, audit }: { db: Db; clock: Clock; actor: Actor; audit: AuditContext }) =>
  db.transaction(async (tx) => {
    await repo.revokeSession(tx, actor.sessionId, clock.now());
    await recordAudit({ tx, clock, context: audit, entry: { action: 'auth.logout', entityType: 'user', entityId: actor.userId, diff: { sessionId: actor.sessionId } } });
  });

/** Signs the user out everywhere (all sessions, including this one). */
export const logoutEverywhere = async ({ db, clock, actor, audit }: { db: Db; clock: Clock; actor: Actor; audit: AuditContext }) =>
  db.transaction(async (tx) => {
    const revoked = await repo.revokeUserSessions(tx, actor.userId, clock.now());
    await recordAudit({ tx, clock, context: audit, entry: { action: 'auth.logout_all', entityType: 'user', entityId: actor.userId, diff: { revoked } } });

    return { revoked };
  });

export const listSessions = async ({ db, clock, actor }: { db: Db; clock: Clock; actor: Actor }) =>
  (await repo.listLiveSessions(db, actor.userId, clock.now())).map((s) => ({ ...s, current: s.id === actor.sessionId }));

/** The signed-in user's profile with organisation and active roles, for /api/me. */
export const describeMe = async ({ db, clock, actor }: { db: Db; clock: Clock; actor: Actor }) => {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw identityErrors.userNotFound();
  const today = todayInJakarta(clock.now());
  const roles = resolvedRoles.get(actor) ?? (await repo.rolesOfUser(db, actor.userId)).filter((r) => isAssignmentActive(r, today));
  const organization = await getOrganizationSummary({ db, id: user.orgId });

  return { user, roles, organization };
};

export type MeDescription = Awaited<ReturnType<typeof describeMe>>;
