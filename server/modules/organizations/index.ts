export { getOrganizationSummary } from './organizations.usecases.js';
export { canReadTenant, canWriteTenant, type TenantRef } from './organizations.policy.js';
export { ORGANIZATION_TYPES, type OrganizationType } from './organizations.tables.js';
/** Exported for read-only joins on tenancy (id, type, tenant_id, region_code) by identity's session lookup. */
export { organization as organizationTable } from './organizations.tables.js';
