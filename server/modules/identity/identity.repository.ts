import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import { appUser, loginAttempt, recoveryCode, roleAssignment, userInvitation, userSession } from './identity.tables.js';

// Identity reads the organisation table only to resolve tenancy of users and roles; it never writes it.

export const findUserByEmail = async (db: Db, email: string) =>
  (await db.select().from(appUser).where(sql`lower(${appUser.email}) = ${email.toLowerCase()}`))[0];

export const findUserById = async (db: Db, id: string) => (await db.select().from(appUser).where(eq(appUser.id, id)))[0];

export const insertUser = async (db: Db, row: typeof appUser.$inferInsert) => (await db.insert(appUser).values(row).returning())[0]!;

export const updateUser = async (db: Db, id: string, patch: Partial<typeof appUser.$inferInsert>) =>
  (await db.update(appUser).set(patch).where(eq(appUser.id, id)).returning())[0];

export const insertSession = async (db: Db, row: typeof userSession.$inferInsert) => (await db.insert(userSession).values(row).returning())[0]!;

type RoleJson = Omit<RoleOfUser, 'revokedAt' | 'createdAt'> & { revokedAt: string | null; createdAt: string };

/**
 * The live session, its user, the user's organisation and all the user's role assignments in one
 * round trip: every authenticated request starts here, and on the embedded database each query
 * costs a turn of the single thread that serves everyone.
 */
export const findLiveSessionWithRoles = async (db: Db, tokenHash: string, now: Date) => {
  const row = (
    await db
      .select({
        sessionId: userSession.id,
        csrfToken: userSession.csrfToken,
        lastSeenAt: userSession.lastSeenAt,
        expiresAt: userSession.expiresAt,
        userId: appUser.id,
        email: appUser.email,
        name: appUser.name,
        status: appUser.status,
        orgId: appUser.orgId,
        tenantId: organization.tenantId,
        totpEnabledAt: appUser.totpEnabledAt,
        roles: sql<RoleJson[]>`(
          SELECT coalesce(json_agg(json_build_object(
            'id', ra.id, 'role', ra.role, 'orgId', ra.org_id, 'orgName', ro.name, 'orgType', ro.type, 'orgRegionCode', ro.region_code,
            'tenantId', ro.tenant_id, 'validFrom', ra.valid_from, 'validTo', ra.valid_to, 'decreeRef', ra.decree_ref,
            'revokedAt', ra.revoked_at, 'createdAt', ra.created_at) ORDER BY ra.valid_from), '[]'::json)
          FROM role_assignment ra JOIN organization ro ON ro.id = ra.org_id WHERE ra.user_id = ${appUser.id})`,
      })
      .from(userSession)
      .innerJoin(appUser, eq(appUser.id, userSession.userId))
      .innerJoin(organization, eq(organization.id, appUser.orgId))
      .where(and(eq(userSession.tokenHash, tokenHash), isNull(userSession.revokedAt), gt(userSession.expiresAt, now)))
  )[0];
  if (!row) return undefined;
  const json = (typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles) as RoleJson[];
  const roles: RoleOfUser[] = json.map((r) => ({ ...r, revokedAt: r.revokedAt === null ? null : new Date(r.revokedAt), createdAt: new Date(r.createdAt) }));

  return { ...row, roles };
};

export const touchSession = async (db: Db, id: string, now: Date) => {
  await db.update(userSession).set({ lastSeenAt: now }).where(eq(userSession.id, id));
};

export const revokeSession = async (db: Db, id: string, now: Date) => {
  await db.update(userSession).set({ revokedAt: now }).where(and(eq(userSession.id, id), isNull(userSession.revokedAt)));
};

export const revokeUserSessions = async (db: Db, userId: string, now: Date, exceptSessionId?: string) => {
  const rows = await db
    .update(userSession)
    .set({ revokedAt: now })
    .where(
      and(
        eq(userSession.userId, userId),
        isNull(userSession.revokedAt),
        exceptSessionId ? sql`${userSession.id} <> ${exceptSessionId}` : undefined,
      ),
    )
    .returning({ id: userSession.id });

  return rows.length;
};

export const listLiveSessions = async (db: Db, userId: string, now: Date) =>
  db
    .select({ id: userSession.id, createdAt: userSession.createdAt, lastSeenAt: userSession.lastSeenAt, expiresAt: userSession.expiresAt, ip: userSession.ip, userAgent: userSession.userAgent })
    .from(userSession)
    .where(and(eq(userSession.userId, userId), isNull(userSession.revokedAt), gt(userSession.expiresAt, now)))
    .orderBy(desc(userSession.lastSeenAt));

/** Every role assignment of a user with the tenancy facts of its organisation. */
export const rolesOfUser = async (db: Db, userId: string) =>
  db
    .select({
      id: roleAssignment.id,
      role: roleAssignment.role,
      orgId: roleAssignment.orgId,
      orgName: organization.name,
      orgType: organization.type,
      orgRegionCode: organization.regionCode,
      tenantId: organization.tenantId,
      validFrom: roleAssignment.validFrom,
      validTo: roleAssignment.validTo,
      decreeRef: roleAssignment.decreeRef,
      revokedAt: roleAssignment.revokedAt,
      createdAt: roleAssignment.createdAt,
    })
    .from(roleAssignment)
    .innerJoin(organization, eq(organization.id, roleAssignment.orgId))
    .where(eq(roleAssignment.userId, userId))
    .orderBy(roleAssignment.validFrom);

export type RoleOfUser = Awaited<ReturnType<typeof rolesOfUser>>[number];

export const insertRoleAssignment = async (db: Db, row: typeof roleAssignment.$inferInsert) =>
  (await db.insert(roleAssignment).values(row).returning())[0]!;

export const findRoleAssignment = async (db: Db, id: string) => (await db.select().from(roleAssignment).where(eq(roleAssignment.id, id)))[0];

export const updateRoleAssignment = async (db: Db, id: string, patch: Partial<typeof roleAssignment.$inferInsert>) =>
  (await db.update(roleAssignment).set(patch).where(eq(roleAssignment.id, id)).returning())[0];

export const recordLoginAttempt = async (db: Db, row: typeof loginAttempt.$inferInsert) => {
  await db.insert(loginAttempt).values(row);
};

export const countAttemptsFromIp = async (db: Db, ip: string, since: Date) =>
  (
    await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(loginAttempt)
      .where(and(eq(loginAttempt.ip, ip), gt(loginAttempt.at, since), eq(loginAttempt.succeeded, false)))
  )[0]?.n ?? 0;

/** The latest attempts for an address, newest first: enough to count failures since the last success. */
export const recentAttemptsForEmail = async (db: Db, emailLower: string, since: Date, limit: number) =>
  db
    .select({ at: loginAttempt.at, succeeded: loginAttempt.succeeded })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.emailLower, emailLower), gt(loginAttempt.at, since)))
    .orderBy(desc(loginAttempt.at))
    .limit(limit);

export const replaceRecoveryCodes = async (db: Db, userId: string, hashes: string[]) => {
  await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  if (hashes.length) await db.insert(recoveryCode).values(hashes.map((codeHash) => ({ userId, codeHash })));
};

export const unusedRecoveryCodes = async (db: Db, userId: string) =>
  db.select().from(recoveryCode).where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));

export const markRecoveryCodeUsed = async (db: Db, id: string, now: Date) => {
  const rows = await db
    .update(recoveryCode)
    .set({ usedAt: now })
    .where(and(eq(recoveryCode.id, id), isNull(recoveryCode.usedAt)))
    .returning({ id: recoveryCode.id });

  return rows.length === 1;
};

export const hasUnrevokedRole = async (db: Db, userId: string, role: string, orgId: string) =>
  (
    await db
      .select({ id: roleAssignment.id })
      .from(roleAssignment)
      .where(and(eq(roleAssignment.userId, userId), eq(roleAssignment.role, role), eq(roleAssignment.orgId, orgId), isNull(roleAssignment.revokedAt)))
  ).length > 0;

export const insertInvitation = async (db: Db, row: typeof userInvitation.$inferInsert) => {
  await db.insert(userInvitation).values(row);
};

export const findInvitationByHash = async (db: Db, tokenHash: string) => (await db.select().from(userInvitation).where(eq(userInvitation.tokenHash, tokenHash)))[0];

/** Marks the invitation used unless someone else just did; true when this call spent it. */
export const spendInvitation = async (db: Db, id: string, now: Date) =>
  (await db.update(userInvitation).set({ usedAt: now }).where(and(eq(userInvitation.id, id), isNull(userInvitation.usedAt))).returning({ id: userInvitation.id })).length === 1;
