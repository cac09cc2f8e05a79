import type { VisibilityScope } from '../../platform/http/context.js';

/**
 * Which tenants' audit rows an actor may read, narrowed by the tenant they asked for.
 * `undefined` means no tenant restriction (a platform admin, who also sees rows without a
 * tenant); an empty list means nothing. Asking for another tenant yields nothing rather than an
 * error, so the answer does not reveal whether that tenant has rows.
 */
export const auditTenantFilter = (scope: VisibilityScope, requestedTenantId?: string): readonly string[] | undefined => {
  if (scope.platformAdmin) return requestedTenantId ? [requestedTenantId] : undefined;
  if (requestedTenantId) return scope.tenantIds.includes(requestedTenantId) ? [requestedTenantId] : [];

  return scope.tenantIds;
};
