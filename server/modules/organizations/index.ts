export { registerOrganizationRoutes } from './organizations.routes.js';
export { createOrganization, getOrganization, getOrganizationSummary, hasOrganizations, listOrganizations, updateOrganization } from './organizations.usecases.js';
export { listTenants } from './tenants.usecases.js';
export { canReadTenant, canWriteTenant, type TenantRef } from './organizations.policy.js';
export { LEGAL_FORMS, type OrganizationCreateInput, type OrganizationUpdateInput } from './organizations.schemas.js';
export { ORGANIZATION_TYPES, type OrganizationType } from './organizations.tables.js';
/** Exported for read-only joins on tenancy (id, type, tenant_id, region_code) by identity's session lookup. */
export { organization as organizationTable } from './organizations.tables.js';
