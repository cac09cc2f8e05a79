import type { VisibilityScope } from '../../platform/http/context.js';

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
