import type { VisibilityScope } from '../../platform/http/context.js';

/**
 * Whose outgoing mail an actor may read: a platform admin all of it (including mail that belongs
 * to no tenant), anyone else only their own tenants' mail. `undefined` means no restriction.
 */
export const outboxTenantFilter = (scope: VisibilityScope): readonly string[] | undefined =>
  scope.platformAdmin ? undefined : scope.tenantIds;
