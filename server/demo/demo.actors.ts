import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { AuditContext } from '../modules/audit/index.js';
import { ROLE_PERMISSIONS, type Role } from '../modules/identity/index.js';
import type { Actor } from '../platform/http/context.js';

/** What the seed knows about each organisation it created. */
export type SeededOrganization = { id: string; tenantId: string | null; type: string; regionCode: string | null };

/** A seeded demo account with its one role. */
export type SeededUser = { id: string; email: string; name: string; role: Role; orgKey: string };

/**
 * The actor a demo user is when signed in, built from their role assignment the way the session
 * resolver builds it (identity: resolveSession with scopeOf): working roles give the tenant, GWPP
 * reviewers oversee their province, Kemendagri viewers read everything. The demo register is
 * created by these actors through the real use cases, so its timeline names real demo people.
 */
export const demoActor = (user: SeededUser, orgs: ReadonlyMap<string, SeededOrganization>): { actor: Actor; audit: AuditContext } => {
  const org = orgs.get(user.orgKey);
  if (!org) throw new Error(`demo user ${user.email} names an unknown organisation ${user.orgKey}`);
  const working = user.role !== 'GWPP_REVIEWER' && user.role !== 'KEMENDAGRI_VIEWER' && org.tenantId !== null;
  const actor: Actor = {
    userId: user.id,
    sessionId: '',
    email: user.email,
    name: user.name,
    orgId: org.id,
    tenantId: org.tenantId,
    roles: [{ role: user.role, orgId: org.id, tenantId: org.tenantId }],
    permissions: new Set(ROLE_PERMISSIONS[user.role]),
    scope: {
      platformAdmin: user.role === 'PLATFORM_ADMIN',
      tenantIds: working ? [org.tenantId!] : [],
      oversightProvinceCodes: user.role === 'GWPP_REVIEWER' && org.regionCode ? [org.regionCode.slice(0, 2)] : [],
      readAll: user.role === 'PLATFORM_ADMIN' || user.role === 'KEMENDAGRI_VIEWER',
      orgIds: [org.id],
    },
    csrfToken: '',
    restricted: false,
    viaCookie: false,
  };

  return { actor, audit: { actorUserId: user.id, actorOrgId: org.id, actorName: user.name, requestId: 'demo-seed', ip: null } };
};

/** What every demo seeding step receives: the seeding transaction, the clock and what was seeded before it. */
export type DemoSeedDeps = {
  tx: Db;
  clock: Clock;
  orgs: ReadonlyMap<string, SeededOrganization>;
  users: ReadonlyMap<string, SeededUser>;
};
