import type { VisibilityScope } from '../../platform/http/context.js';
import type { OrganizationType } from './organizations.tables.js';

/** The tenancy facts of a record's owner: which pemda it belongs to and where that pemda is. */
export type TenantRef = { tenantId: string | null; regionCode: string | null };

/**
 * Read access: a tenant's own people; a province's GWPP reviewers for the kabupaten/kota of that
 * province; Kemendagri and platform admins everywhere. Records without a tenant (partners,
 * central bodies) are shared registry entries every signed-in user may read.
 */
export const canReadTenant = (scope: VisibilityScope, ref: TenantRef): boolean => {
  if (scope.readAll || ref.tenantId === null) return true;
  if (scope.tenantIds.includes(ref.tenantId)) return true;

  return ref.regionCode !== null && ref.regionCode.length > 2 && scope.oversightProvinceCodes.includes(ref.regionCode.slice(0, 2));
};

/** Write access: only inside one's own tenants (oversight is read-only), or a platform admin. */
export const canWriteTenant = (scope: VisibilityScope, tenantId: string | null): boolean =>
  scope.platformAdmin || (tenantId !== null && scope.tenantIds.includes(tenantId));

/** Units that belong to one pemda (Permendagri SOTK: perangkat daerah, bagian/UPT, the DPRD secretariat). */
export const TENANT_UNIT_TYPES: readonly OrganizationType[] = ['OPD', 'UNIT', 'DPRD'];

/** Counterparties a pemda registers itself (PP 28/2018: pihak ketiga, foreign local governments and institutions). */
export const PARTNER_TYPES: readonly OrganizationType[] = ['PIHAK_KETIGA', 'FOREIGN_LOCAL_GOV', 'FOREIGN_INSTITUTION'];

export const isTenantUnit = (type: OrganizationType) => TENANT_UNIT_TYPES.includes(type);
export const isPartner = (type: OrganizationType) => PARTNER_TYPES.includes(type);

/** The scope of the system itself (seed, first start): acts as a platform admin. */
export const SYSTEM_SCOPE: VisibilityScope = { platformAdmin: true, tenantIds: [], oversightProvinceCodes: [], readAll: true, orgIds: [] };

/**
 * Whether an organisation is visible. Besides the tenant rule, every pemda's own record is visible
 * to all (a pemda must be able to pick another pemda as its KSDD partner), but another pemda's
 * OPD, units and DPRD are not. `tenantRegionCode` is the region of the record's pemda.
 */
export const canReadOrganization = (scope: VisibilityScope, org: { type: OrganizationType; tenantId: string | null }, tenantRegionCode: string | null) =>
  org.type === 'PEMDA' || canReadTenant(scope, { tenantId: org.tenantId, regionCode: tenantRegionCode });

export type WriteDecision = 'allowed' | 'type_not_allowed' | 'tenant_forbidden' | 'platform_admin_only';

/**
 * Creating: a platform admin creates anything; a tenant admin creates units inside their own pemda
 * and registers partners in the shared registry. Pemda, GWPP, K/L and Kemendagri units are set up
 * by the platform admin only. `tenantId` is the pemda the new unit will belong to.
 */
export const decideCreate = (scope: VisibilityScope, type: OrganizationType, tenantId: string | null): WriteDecision => {
  if (scope.platformAdmin) return 'allowed';
  if (isPartner(type)) return 'allowed';
  if (!isTenantUnit(type)) return 'type_not_allowed';

  return canWriteTenant(scope, tenantId) ? 'allowed' : 'tenant_forbidden';
};

/**
 * Changing: a tenant admin edits their own pemda's records and corrects shared partner entries
 * (name, identifiers, website). Deactivating or moving a shared entry, or deactivating a pemda,
 * affects every tenant and is left to the platform admin.
 */
export const decideUpdate = (
  scope: VisibilityScope,
  org: { type: OrganizationType; tenantId: string | null },
  changes: { active?: boolean | undefined; parentId?: string | null | undefined },
): WriteDecision => {
  if (scope.platformAdmin) return 'allowed';
  const movesOrRetires = changes.active !== undefined || changes.parentId !== undefined;
  if (org.tenantId === null) {
    if (!isPartner(org.type)) return 'platform_admin_only';

    return movesOrRetires ? 'platform_admin_only' : 'allowed';
  }
  if (!canWriteTenant(scope, org.tenantId)) return 'tenant_forbidden';
  if (org.type === 'PEMDA' && changes.active !== undefined) return 'platform_admin_only';

  return 'allowed';
};

/** A tenant as the actor sees it: work in it (write), or oversee it (read). Undefined when out of reach. */
export const tenantAccess = (scope: VisibilityScope, tenant: { id: string; regionCode: string | null }): 'write' | 'read' | undefined => {
  if (canWriteTenant(scope, tenant.id)) return 'write';

  return canReadTenant(scope, { tenantId: tenant.id, regionCode: tenant.regionCode }) ? 'read' : undefined;
};
