import type { ActorRole, VisibilityScope } from '../../platform/http/context.js';
import { canReadTenant, canWriteTenant } from '../organizations/index.js';

/**
 * Roles (ksd-domain.md §8.2, plus the two administrator roles) and what each may do. Permissions
 * are coarse capabilities; which records an actor sees is decided separately by the scope.
 */
export const ROLES = [
  'PLATFORM_ADMIN',
  'TENANT_ADMIN',
  'KSD_SECRETARIAT_ADMIN',
  'KEPALA_DAERAH',
  'SEKDA',
  'TKKSD_KETUA',
  'TKKSD_SEKRETARIS',
  'TKKSD_ANGGOTA',
  'TKKSD_LOKUS',
  'PPKSD',
  'OPD_HEAD',
  'OPD_STAFF',
  'DPRD_SECRETARIAT',
  'PARTNER_USER',
  'GWPP_REVIEWER',
  'KEMENDAGRI_VIEWER',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'role.manage',
  'audit.read',
  'outbox.read',
  'jobs.read',
  'reference.manage',
  'files.upload',
  'files.read',
  'cooperation.read',
  'cooperation.write',
  // Periodic reports (ADR 0019): compiling and submitting one, and accepting or returning one.
  'report.submit',
  'report.review',
  // Approving or returning progress updates (the secretariat).
  'update.review',
  // The dashboards of a pemda, a province or the nation: people of a pemda, GWPP and Kemendagri, not partners.
  'dashboard.read',
  // Reading a pemda's TKKSD and OPD liaisons (its own people), and keeping them (secretariat, tenant admin).
  'tkksd.read',
  'tkksd.manage',
  // Preparing meetings and forums of a pemda: invitations, attendance, minutes, follow-up actions.
  'meeting.manage',
  // Pemetaan Potensi: reading a pemda's mapping cycle; running it (cycle, questionnaire, review); answering for one's OPD.
  'mapping.read',
  'mapping.manage',
  'mapping.answer',
  // Which pemda of a province or the nation completed their mapping (GWPP, Kemendagri): a menu entry; the data itself is dashboard.read.
  'mapping.overview',
  // Publishing a cooperation on the public portal, choosing what is public, withdrawing it (the owning pemda's secretariat).
  'portal.publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const WORKER: Permission[] = ['org.read', 'user.read', 'files.upload', 'files.read', 'cooperation.read', 'cooperation.write', 'dashboard.read', 'tkksd.read', 'mapping.read'];
const VIEWER: Permission[] = ['org.read', 'user.read', 'files.read', 'cooperation.read', 'dashboard.read', 'mapping.read'];
/** The TKKSD chair and secretary and the secretariat run the mapping; the OPD's liaison and head answer it. */
const MAPPING_MANAGER: Permission[] = [...WORKER, 'mapping.manage'];
const MAPPING_ANSWERER: Permission[] = [...WORKER, 'mapping.answer'];
/** A pemda's own work, never the platform operator's: approving its updates, keeping its TKKSD and meetings, running or answering its mapping. */
const PEMDA_ONLY: readonly Permission[] = ['update.review', 'portal.publish', 'tkksd.read', 'tkksd.manage', 'meeting.manage', 'mapping.manage', 'mapping.answer'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  PLATFORM_ADMIN: PERMISSIONS.filter((p) => !PEMDA_ONLY.includes(p)),
  TENANT_ADMIN: ['org.read', 'org.manage', 'user.read', 'user.manage', 'role.manage', 'audit.read', 'outbox.read', 'files.upload', 'files.read', 'cooperation.read', 'dashboard.read', 'tkksd.read', 'tkksd.manage'],
  KSD_SECRETARIAT_ADMIN: [...MAPPING_MANAGER, 'audit.read', 'report.submit', 'update.review', 'tkksd.manage', 'meeting.manage', 'portal.publish'],
  // They sign, send requests to the DPRD and end cooperations (rule pack actionRoles decide which).
  KEPALA_DAERAH: [...VIEWER, 'cooperation.write', 'tkksd.read'],
  SEKDA: [...VIEWER, 'cooperation.write', 'tkksd.read'],
  TKKSD_KETUA: [...MAPPING_MANAGER, 'meeting.manage'],
  TKKSD_SEKRETARIS: [...MAPPING_MANAGER, 'meeting.manage'],
  TKKSD_ANGGOTA: WORKER,
  TKKSD_LOKUS: WORKER,
  PPKSD: MAPPING_ANSWERER,
  OPD_HEAD: MAPPING_ANSWERER,
  OPD_STAFF: WORKER,
  DPRD_SECRETARIAT: WORKER,
  PARTNER_USER: ['org.read', 'files.upload', 'files.read', 'cooperation.read', 'cooperation.write'],
  // The Gubernur as Wakil Pemerintah Pusat reviews its kab/kota's reports and submits the province's own.
  GWPP_REVIEWER: [...VIEWER, 'report.submit', 'report.review', 'mapping.overview'],
  // Kemendagri reviews province reports; still read-only on everything else.
  KEMENDAGRI_VIEWER: [...VIEWER, 'report.review', 'mapping.overview'],
};

/** Which organisation types a role may be held in; assigning elsewhere is refused. */
export const ROLE_ORG_TYPES: Record<Role, readonly string[]> = {
  PLATFORM_ADMIN: ['KEMENDAGRI_UNIT', 'PEMDA', 'GWPP'],
  TENANT_ADMIN: ['PEMDA', 'OPD', 'UNIT'],
  KSD_SECRETARIAT_ADMIN: ['PEMDA', 'UNIT', 'OPD'],
  KEPALA_DAERAH: ['PEMDA'],
  SEKDA: ['PEMDA', 'UNIT'],
  TKKSD_KETUA: ['PEMDA', 'UNIT', 'OPD'],
  TKKSD_SEKRETARIS: ['PEMDA', 'UNIT', 'OPD'],
  TKKSD_ANGGOTA: ['PEMDA', 'UNIT', 'OPD'],
  TKKSD_LOKUS: ['OPD', 'UNIT'],
  PPKSD: ['OPD', 'UNIT'],
  OPD_HEAD: ['OPD', 'UNIT'],
  OPD_STAFF: ['OPD', 'UNIT'],
  DPRD_SECRETARIAT: ['DPRD'],
  PARTNER_USER: ['PIHAK_KETIGA', 'FOREIGN_LOCAL_GOV', 'FOREIGN_INSTITUTION', 'KL_PUSAT', 'PEMDA'],
  GWPP_REVIEWER: ['GWPP'],
  KEMENDAGRI_VIEWER: ['KEMENDAGRI_UNIT'],
};

/** Roles whose holders must use two-factor sign-in. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'TENANT_ADMIN'];

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

/** A role counts on a day when it has started, has not ended and was not revoked. */
export const isAssignmentActive = (a: { validFrom: string; validTo: string | null; revokedAt: Date | null }, today: string) =>
  a.revokedAt === null && a.validFrom <= today && (a.validTo === null || a.validTo >= today);

export const permissionsOf = (roles: readonly { role: string }[]): Set<string> =>
  new Set(roles.flatMap((r) => (isRole(r.role) ? ROLE_PERMISSIONS[r.role] : [])));

export type ScopedRole = ActorRole & { orgType: string; orgRegionCode: string | null };

/**
 * What an actor may see, from their active roles: the tenants of the organisations they work in,
 * the provinces they oversee as GWPP reviewers, everything read-only for Kemendagri.
 */
export const scopeOf = (roles: readonly ScopedRole[]): VisibilityScope => {
  const platformAdmin = roles.some((r) => r.role === 'PLATFORM_ADMIN');
  const oversight = roles.filter((r) => r.role === 'GWPP_REVIEWER' && r.orgRegionCode).map((r) => r.orgRegionCode!.slice(0, 2));
  const working = roles.filter((r) => r.role !== 'GWPP_REVIEWER' && r.role !== 'KEMENDAGRI_VIEWER' && r.tenantId);

  return {
    platformAdmin,
    tenantIds: [...new Set(working.map((r) => r.tenantId!))],
    oversightProvinceCodes: [...new Set(oversight)],
    readAll: platformAdmin || roles.some((r) => r.role === 'KEMENDAGRI_VIEWER'),
    orgIds: [...new Set(roles.map((r) => r.orgId))],
  };
};

export const requiresTwoFactor = (roles: readonly { role: string }[]) => roles.some((r) => (TWO_FACTOR_ROLES as readonly string[]).includes(r.role));

/** Today's date in WIB: role validity dates are calendar dates of the Indonesian civil service. */
export const todayInJakarta = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** Sign-in throttling: per e-mail lockout with doubling waits, and a ceiling per client address. */
export const LOCKOUT = {
  threshold: 5,
  baseMinutes: 1,
  maxMinutes: 60,
  windowHours: 24,
  ipWindowMinutes: 15,
  ipMaxFailures: 50,
} as const;

/**
 * When an address is locked until, given its attempts newest first: after `threshold` failures in
 * a row the wait is 1 minute, then doubles with each further failure, capped at an hour.
 */
export const lockedUntil = (attemptsNewestFirst: readonly { at: Date; succeeded: boolean }[]): Date | undefined => {
  const firstSuccess = attemptsNewestFirst.findIndex((a) => a.succeeded);
  const failures = firstSuccess === -1 ? attemptsNewestFirst.length : firstSuccess;
  if (failures < LOCKOUT.threshold) return undefined;
  const minutes = Math.min(LOCKOUT.baseMinutes * 2 ** (failures - LOCKOUT.threshold), LOCKOUT.maxMinutes);

  return new Date(attemptsNewestFirst[0]!.at.getTime() + minutes * 60_000);
};

/** Roles that reach beyond one tenant; only a platform admin hands them out or takes them away. */
export const PLATFORM_GRANTED_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'GWPP_REVIEWER', 'KEMENDAGRI_VIEWER'];

/** Who is asking: a signed-in actor's roles and scope. */
export type Authority = { roles: readonly ActorRole[]; scope: VisibilityScope };

/**
 * The tenants where the actor holds a role carrying the permission. A tenant admin of A who is also
 * plain staff in B manages users in A only, although their scope covers both.
 */
export const tenantsWithPermission = (roles: readonly ActorRole[], permission: Permission): string[] => [
  ...new Set(roles.filter((r) => r.tenantId !== null && isRole(r.role) && ROLE_PERMISSIONS[r.role].includes(permission)).map((r) => r.tenantId!)),
];

/** Write access to a tenant's people for one permission (user.manage, role.manage). */
export const canManageTenant = (actor: Authority, permission: Permission, tenantId: string | null) =>
  canWriteTenant({ ...actor.scope, tenantIds: tenantsWithPermission(actor.roles, permission) }, tenantId);

/** Where a user works: their organisation, its tenant and the region of that tenant. */
export type UserTenancy = { orgId: string; tenantId: string | null; tenantRegionCode: string | null };

/**
 * Reading a user: people of one's own tenants, of overseen tenants (GWPP, Kemendagri), or of one's
 * own tenant-less organisation (a partner's or central unit's colleagues). Unlike shared registry
 * records, people without a tenant are personal data and not visible to every tenant.
 */
export const canReadUser = (scope: VisibilityScope, user: UserTenancy) =>
  user.tenantId === null ? scope.readAll || scope.orgIds.includes(user.orgId) : canReadTenant(scope, { tenantId: user.tenantId, regionCode: user.tenantRegionCode });

/** The same rule as canReadUser, as a filter the repository turns into SQL. */
export type UserVisibility =
  | { all: true }
  | { all: false; tenantIds: readonly string[]; provinceCodes: readonly string[]; orgIds: readonly string[] };

export const userVisibilityOf = (scope: VisibilityScope): UserVisibility =>
  scope.readAll ? { all: true } : { all: false, tenantIds: scope.tenantIds, provinceCodes: scope.oversightProvinceCodes, orgIds: scope.orgIds };

/**
 * Granting, ending or revoking a role held in an organisation of `tenantId`: a platform admin
 * anywhere; a role manager only inside their own tenants and never a cross-tenant role.
 */
export const canAdministerRole = (actor: Authority, role: string, tenantId: string | null) =>
  actor.scope.platformAdmin || (!(PLATFORM_GRANTED_ROLES as readonly string[]).includes(role) && canManageTenant(actor, 'role.manage', tenantId));

/** Whether a period (inclusive calendar dates) ends no earlier than it starts. */
export const isValidPeriod = (validFrom: string, validTo: string | null | undefined) => validTo === null || validTo === undefined || validTo >= validFrom;

/** Two inclusive periods share at least one day; an open end runs forever. */
export const periodsOverlap = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }) =>
  (a.validTo === null || a.validTo >= b.validFrom) && (b.validTo === null || b.validTo >= a.validFrom);
