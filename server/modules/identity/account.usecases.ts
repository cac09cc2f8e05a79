import QRCode from 'qrcode';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { identityErrors, wrongPasswordError } from './identity.errors.js';
import { hashPassword, verifyPassword } from './identity.passwords.js';
import { requiresTwoFactor } from './identity.policy.js';
import * as repo from './identity.repository.js';
import { newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, sha256, totpUri, verifyTotp } from './identity.tokens.js';
import { describeMe } from './identity.usecases.js';
import { assertPasswordRules } from './users.usecases.js';

/** The signed-in user's own account: two-factor enrolment, recovery codes, password and profile. */
type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor };

const loadSelf = async (db: Db, actor: Actor) => {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw identityErrors.userNotFound();

  return user;
};

/** Re-asks the password before changes that weaken or replace sign-in protection. */
const confirmPassword = async (user: { passwordHash: string | null }, password: string, field: string, lang: Lang) => {
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) throw wrongPasswordError(field, lang);
};

const hashRecoveryCodes = (codes: string[]) => codes.map((c) => sha256(normalizeRecoveryCode(c)));

const selfEntry = (actor: Actor, action: string, diff: Record<string, unknown> = {}) => ({ action, entityType: 'user', entityId: actor.userId, tenantId: actor.tenantId, diff });

/**
 * Starts authenticator enrolment: a new secret waits in totp_pending_secret until a code made
 * from it is confirmed, so an abandoned enrolment never locks anyone out.
 */
export const startTotpSetup = async ({ db, clock, audit, actor, issuer }: Deps & { issuer: string }) => {
  const secret = newTotpSecret();
  const user = await db.transaction(async (tx) => {
    const found = await loadSelf(tx, actor);
    if (found.totpEnabledAt) throw identityErrors.totpAlreadyEnabled();
    await repo.updateUser(tx, found.id, { totpPendingSecret: secret, updatedAt: clock.now() });
    await recordAudit({ tx, clock, context: audit, entry: selfEntry(actor, 'auth.totp_setup') });

    return found;
  });
  const otpauthUri = totpUri(secret, issuer, user.email);
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

  return { secret, otpauthUri, qrSvg };
};

/**
 * Confirms enrolment with a code from the pending secret and hands out ten recovery codes (only
 * their SHA-256 is kept). Other sessions of the user end: they were opened without the second factor.
 */
export const enableTotp = async ({ db, clock, audit, actor, input }: Deps & { input: { code: string } }) => {
  const recoveryCodes = newRecoveryCodes();

  return db.transaction(async (tx) => {
    const user = await loadSelf(tx, actor);
    if (user.totpEnabledAt) throw identityErrors.totpAlreadyEnabled();
    if (!user.totpPendingSecret) throw identityErrors.totpNotStarted();
    const now = clock.now();
    if (!verifyTotp(user.totpPendingSecret, input.code.trim(), now)) throw identityErrors.totpCodeInvalid();
    await repo.updateUser(tx, user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, updatedAt: now });
    await repo.replaceRecoveryCodes(tx, user.id, hashRecoveryCodes(recoveryCodes));
    const revokedSessions = await repo.revokeUserSessions(tx, user.id, now, actor.sessionId);
    await recordAudit({ tx, clock, context: audit, entry: selfEntry(actor, 'auth.totp_enable', { recoveryCodes: recoveryCodes.length, revokedSessions }) });

    return { recoveryCodes };
  });
};

/** Turns two-factor off after the password is confirmed; refused while a held role requires it. */
export const disableTotp = async ({ db, clock, audit, actor, input, lang }: Deps & { input: { password: string }; lang: Lang }) => {
  const user = await loadSelf(db, actor);
  if (!user.totpEnabledAt) throw identityErrors.totpNotEnabled();
  if (requiresTwoFactor(actor.roles)) throw identityErrors.totpRequiredByRole();
  await confirmPassword(user, input.password, 'password', lang);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, updatedAt: clock.now() });
    await repo.replaceRecoveryCodes(tx, user.id, []);
    await recordAudit({ tx, clock, context: audit, entry: selfEntry(actor, 'auth.totp_disable') });
  });
};

/** Replaces every recovery code (used or not) with ten new ones, after the password is confirmed. */
export const regenerateRecoveryCodes = async ({ db, clock, audit, actor, input, lang }: Deps & { input: { password: string }; lang: Lang }) => {
  const user = await loadSelf(db, actor);
  if (!user.totpEnabledAt) throw identityErrors.totpNotEnabled();
  await confirmPassword(user, input.password, 'password', lang);
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await repo.replaceRecoveryCodes(tx, user.id, hashRecoveryCodes(recoveryCodes));
    await recordAudit({ tx, clock, context: audit, entry: selfEntry(actor, 'auth.recovery_codes_regenerate', { recoveryCodes: recoveryCodes.length }) });
  });

  return { recoveryCodes };
};

/**
 * Changes the user's own password: the current one must be right and the new one must meet the
 * rules. Every other session ends, so a device that knew the old password is signed out.
 */
export const changePassword = async ({ db, clock, audit, actor, input, lang }: Deps & { input: { currentPassword: string; newPassword: string }; lang: Lang }) => {
  const user = await loadSelf(db, actor);
  await confirmPassword(user, input.currentPassword, 'currentPassword', lang);
  assertPasswordRules(input.newPassword, user.email, 'newPassword', lang);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const now = clock.now();
    await repo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, updatedAt: now });
    const revokedSessions = await repo.revokeUserSessions(tx, user.id, now, actor.sessionId);
    await recordAudit({ tx, clock, context: audit, entry: selfEntry(actor, 'auth.password_change', { revokedSessions }) });
  });
};

/** Updates the user's own display name and language; returns the refreshed /api/me content. */
export const updateMyProfile = async ({ db, clock, audit, actor, input }: Deps & { input: { name?: string | undefined; locale?: 'id' | 'en' | undefined } }) => {
  await db.transaction(async (tx) => {
    const before = await loadSelf(tx, actor);
    const after = await repo.updateUser(tx, before.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      updatedAt: clock.now(),
    });
    const pick = (u: { name: string; locale: string }) => ({ name: u.name, locale: u.locale });
    await recordAudit({ tx, clock, context: audit, entry: selfEntry(actor, 'user.update_profile', changeSet(pick(before), pick(after ?? before))) });
  });

  return describeMe({ db, clock, actor });
};
