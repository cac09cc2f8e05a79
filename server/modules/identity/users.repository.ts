import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as organization } from '../organizations/index.js';
import type { UserVisibility } from './identity.policy.js';
import { appUser, roleAssignment } from './identity.tables.js';

// The user's organisation and that organisation's tenant (the pemda), for scoping by region.
const tenantOrg = alias(organization, 'tenant_org');

/** The columns of a user an administrator may see: never the password hash or TOTP secrets. */
const userColumns = {
  id: appUser.id,
  email: appUser.email,
  name: appUser.name,
  nip: appUser.nip,
  phone: appUser.phone,
  orgId: appUser.orgId,
  orgName: organization.name,
  orgType: organization.type,
  tenantId: organization.tenantId,
  tenantRegionCode: tenantOrg.regionCode,
  status: appUser.status,
  locale: appUser.locale,
  totpEnabledAt: appUser.totpEnabledAt,
  lastLoginAt: appUser.lastLoginAt,
  passwordChangedAt: appUser.passwordChangedAt,
  createdAt: appUser.createdAt,
  updatedAt: appUser.updatedAt,
};

export type UserRow = {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  phone: string | null;
  orgId: string;
  orgName: string;
  orgType: string;
  tenantId: string | null;
  tenantRegionCode: string | null;
  status: 'ACTIVE' | 'DISABLED';
  locale: 'id' | 'en';
  totpEnabledAt: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const selectUsers = (db: Db) =>
  db
    .select(userColumns)
    .from(appUser)
    .innerJoin(organization, eq(organization.id, appUser.orgId))
    .leftJoin(tenantOrg, eq(tenantOrg.id, organization.tenantId));

const visibleTo = (v: UserVisibility): SQL | undefined => {
  if (v.all) return undefined;
  const parts: (SQL | undefined)[] = [];
  if (v.tenantIds.length) parts.push(inArray(organization.tenantId, [...v.tenantIds]));
  if (v.provinceCodes.length)
    parts.push(and(sql`length(${tenantOrg.regionCode}) > 2`, inArray(sql`substr(${tenantOrg.regionCode}, 1, 2)`, [...v.provinceCodes])));
  if (v.orgIds.length) parts.push(and(isNull(organization.tenantId), inArray(appUser.orgId, [...v.orgIds])));

  return parts.length ? or(...parts) : sql`false`;
};

export type UserQuery = { q?: string | undefined; orgId?: string | undefined; status?: 'ACTIVE' | 'DISABLED' | undefined; limit: number; offset: number };

/** One page of the users an actor may see, by name, with the total for paging. */
export const searchUsers = async (db: Db, visibility: UserVisibility, query: UserQuery): Promise<{ items: UserRow[]; total: number }> => {
  const pattern = query.q ? `%${query.q.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  const where = and(
    visibleTo(visibility),
    pattern ? or(ilike(appUser.name, pattern), ilike(appUser.email, pattern)) : undefined,
    query.orgId ? eq(appUser.orgId, query.orgId) : undefined,
    query.status ? eq(appUser.status, query.status) : undefined,
  );
  const items = await selectUsers(db).where(where).orderBy(asc(appUser.name), asc(appUser.id)).limit(query.limit).offset(query.offset);
  const total =
    (
      await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(appUser)
        .innerJoin(organization, eq(organization.id, appUser.orgId))
        .leftJoin(tenantOrg, eq(tenantOrg.id, organization.tenantId))
        .where(where)
    )[0]?.n ?? 0;

  return { items, total };
};

export const findUserRow = async (db: Db, id: string): Promise<UserRow | undefined> => (await selectUsers(db).where(eq(appUser.id, id)))[0];

/** An organisation's type and tenancy, to check where a user or role may be placed. */
export const findOrgTenancy = async (db: Db, id: string) =>
  (
    await db
      .select({ id: organization.id, type: organization.type, tenantId: organization.tenantId, tenantRegionCode: tenantOrg.regionCode })
      .from(organization)
      .leftJoin(tenantOrg, eq(tenantOrg.id, organization.tenantId))
      .where(eq(organization.id, id))
  )[0];

/** The columns of a role assignment as the administration screens show it, with its organisation. */
const assignmentColumns = {
  id: roleAssignment.id,
  userId: roleAssignment.userId,
  role: roleAssignment.role,
  orgId: roleAssignment.orgId,
  orgName: organization.name,
  orgType: organization.type,
  tenantId: organization.tenantId,
  validFrom: roleAssignment.validFrom,
  validTo: roleAssignment.validTo,
  decreeRef: roleAssignment.decreeRef,
  createdBy: roleAssignment.createdBy,
  createdAt: roleAssignment.createdAt,
  revokedAt: roleAssignment.revokedAt,
};

/** One role assignment with its organisation and with the tenancy of the user who holds it. */
export const findAssignmentView = async (db: Db, id: string) => {
  const holderOrg = alias(organization, 'holder_org');
  const holderTenant = alias(organization, 'holder_tenant');

  return (
    await db
      .select({
        ...assignmentColumns,
        holderOrgId: appUser.orgId,
        holderTenantId: holderOrg.tenantId,
        holderTenantRegionCode: holderTenant.regionCode,
      })
      .from(roleAssignment)
      .innerJoin(organization, eq(organization.id, roleAssignment.orgId))
      .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
      .innerJoin(holderOrg, eq(holderOrg.id, appUser.orgId))
      .leftJoin(holderTenant, eq(holderTenant.id, holderOrg.tenantId))
      .where(eq(roleAssignment.id, id))
  )[0];
};

/** Every assignment of a user, for the administration screen (ended and revoked ones included). */
export const listAssignmentsOfUser = async (db: Db, userId: string) =>
  db
    .select({
      ...assignmentColumns,
    })
    .from(roleAssignment)
    .innerJoin(organization, eq(organization.id, roleAssignment.orgId))
    .where(eq(roleAssignment.userId, userId))
    .orderBy(asc(roleAssignment.validFrom), asc(roleAssignment.createdAt));

export type AssignmentRow = Awaited<ReturnType<typeof listAssignmentsOfUser>>[number];

export type RoleHolderQuery = {
  onDate: string;
  /** Holders of a role in an organisation of these pemda (the pemda itself, its OPD and units). */
  tenantIds?: readonly string[];
  /** Holders of a role in exactly these organisations (an OPD, a partner). */
  orgIds?: readonly string[];
  roles?: readonly string[];
  userIds?: readonly string[];
};

/** Active users holding an active role that matches: the people a notice or mention may reach. */
export const findRoleHolders = async (db: Db, q: RoleHolderQuery) => {
  const where: (SQL | undefined)[] = [
    eq(appUser.status, 'ACTIVE'),
    isNull(roleAssignment.revokedAt),
    sql`${roleAssignment.validFrom} <= ${q.onDate}::date`,
    or(isNull(roleAssignment.validTo), sql`${roleAssignment.validTo} >= ${q.onDate}::date`),
  ];
  const scope: SQL[] = [];
  if (q.tenantIds?.length) scope.push(inArray(organization.tenantId, [...q.tenantIds]));
  if (q.orgIds?.length) scope.push(inArray(roleAssignment.orgId, [...q.orgIds]));
  where.push(scope.length ? or(...scope) : sql`false`);
  if (q.roles?.length) where.push(inArray(roleAssignment.role, [...q.roles]));
  if (q.userIds?.length) where.push(inArray(appUser.id, [...q.userIds]));
  const rows = await db
    .selectDistinct({
      id: appUser.id,
      name: appUser.name,
      email: appUser.email,
      locale: appUser.locale,
      orgId: appUser.orgId,
      orgName: organization.name,
      roleOrgId: roleAssignment.orgId,
      tenantId: organization.tenantId,
    })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .innerJoin(organization, eq(organization.id, roleAssignment.orgId))
    .where(and(...where))
    .orderBy(asc(appUser.name));
  const byUser = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byUser.has(r.id)) byUser.set(r.id, r);

  return [...byUser.values()];
};
