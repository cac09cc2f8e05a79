import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { sendEmail } from '../notifications/index.js';
import { identityErrors } from './identity.errors.js';
import { hashPassword } from './identity.passwords.js';
import * as repo from './identity.repository.js';
import { newToken, sha256 } from './identity.tokens.js';
import { assertPasswordRules } from './users.usecases.js';

/** Seven days: long enough for a partner's contact to find the mail, short enough to go stale. */
export const INVITATION_DAYS = 7;

const jakartaDay = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export type InviteInput = { email: string; name: string; orgId: string; role: string; locale: 'id' | 'en'; invitedBy: string | null; about: string };

/**
 * Invites a person to work in an organisation with one role: creates their account without a
 * password (or reuses theirs in the same organisation), grants the role from today and e-mails a
 * one-time link to set a password. The CALLER has already decided that the inviter may do this
 * (e.g. a cooperation's secretariat inviting the contact of a party partner). Runs in `tx`.
 */
export const inviteUser = async ({ tx, clock, audit, publicUrl, input }: { tx: Db; clock: Clock; audit: AuditContext; publicUrl: string; input: InviteInput }) => {
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  let user = await repo.findUserByEmail(tx, email);
  if (user && user.orgId !== input.orgId) throw identityErrors.inviteeElsewhere({ email });
  const created = !user;
  if (!user) {
    user = await repo.insertUser(tx, {
      email,
      name: input.name.trim(),
      orgId: input.orgId,
      passwordHash: null,
      status: 'ACTIVE',
      locale: input.locale,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit({ tx, clock, context: audit, entry: { action: 'user.invite', entityType: 'user', entityId: user.id, tenantId: null, diff: changeSet(null, { email, name: user.name, orgId: input.orgId }) } });
  }
  const today = jakartaDay(now);
  if (!(await repo.hasUnrevokedRole(tx, user.id, input.role, input.orgId))) {
    await repo.insertRoleAssignment(tx, { userId: user.id, role: input.role, orgId: input.orgId, validFrom: today, validTo: null, decreeRef: null, createdBy: input.invitedBy, createdAt: now });
    await recordAudit({ tx, clock, context: audit, entry: { action: 'role.grant', entityType: 'user', entityId: user.id, tenantId: null, diff: { role: input.role, orgId: input.orgId, validFrom: today } } });
  }
  // An account that already has a password just gets the new access; no link is needed.
  if (user.passwordHash) return { userId: user.id, created, linkSent: false };
  const token = newToken();
  await repo.insertInvitation(tx, { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000), createdBy: input.invitedBy, createdAt: now });
  const link = `${publicUrl.replace(/\/$/, '')}/app/undangan#${token}`;
  const id = input.locale === 'en'
    ? { subject: 'Invitation to Jejaring', text: `You have been invited to Jejaring to work on: ${input.about}.\n\nSet your password within ${INVITATION_DAYS} days:\n${link}` }
    : { subject: 'Undangan ke Jejaring', text: `Anda diundang ke Jejaring untuk: ${input.about}.\n\nBuat kata sandi Anda dalam ${INVITATION_DAYS} hari:\n${link}` };
  await sendEmail({ db: tx, clock, message: { to: email, subject: id.subject, text: id.text, tenantId: null } });

  return { userId: user.id, created, linkSent: true };
};

const liveInvitation = async (db: Db, token: string, now: Date) => {
  const row = await repo.findInvitationByHash(db, sha256(token));
  if (!row || row.usedAt || row.expiresAt < now) throw identityErrors.invitationInvalid();
  const user = await repo.findUserById(db, row.userId);
  if (!user || user.status !== 'ACTIVE') throw identityErrors.invitationInvalid();

  return { row, user };
};

/** Who the link is for, so the page can greet them (only the name and address they were invited with). */
export const inspectInvitation = async ({ db, clock, token }: { db: Db; clock: Clock; token: string }) => {
  const { user } = await liveInvitation(db, token, clock.now());

  return { email: user.email, name: user.name };
};

/** Sets the invitee's password and spends the link; they then sign in as anyone else does. */
export const acceptInvitation = async ({ db, clock, audit, lang, input }: { db: Db; clock: Clock; audit: AuditContext; lang: Lang; input: { token: string; password: string } }) => {
  const now = clock.now();
  const preview = await liveInvitation(db, input.token, now);
  assertPasswordRules(input.password, preview.user.email, 'password', lang);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const { row, user } = await liveInvitation(tx, input.token, now);
    if (!(await repo.spendInvitation(tx, row.id, now))) throw identityErrors.invitationInvalid();
    await repo.updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, updatedAt: now });
    await recordAudit({ tx, clock, context: { ...audit, actorUserId: user.id, actorName: user.name }, entry: { action: 'user.invitation_accepted', entityType: 'user', entityId: user.id, tenantId: null } });
  });
};
