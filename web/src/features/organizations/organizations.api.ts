import { api, unwrap, type Schemas } from '../../lib/api';

export type Organization = Schemas['Organization'];
export type OrganizationDetail = Schemas['OrganizationDetail'];
export type OrganizationCreate = Schemas['OrganizationCreate'];
export type OrganizationUpdate = Schemas['OrganizationUpdate'];
export type OrganizationType = Organization['type'];
export type LegalForm = NonNullable<OrganizationCreate['legalForm']>;

export const ORGANIZATION_TYPES: OrganizationType[] = ['PEMDA', 'OPD', 'UNIT', 'DPRD', 'PIHAK_KETIGA', 'FOREIGN_LOCAL_GOV', 'FOREIGN_INSTITUTION', 'KL_PUSAT', 'GWPP', 'KEMENDAGRI_UNIT'];
export const LEGAL_FORMS: LegalForm[] = ['PT', 'CV', 'FIRMA', 'KOPERASI', 'BUMN', 'BUMD', 'PTN', 'PTS', 'YAYASAN', 'PERKUMPULAN', 'ORMAS', 'PERORANGAN', 'LAINNYA'];

/** Which fields a type takes, mirroring the server's rules so the form only asks what applies. */
export const fieldsForType = (type: OrganizationType) => ({
  region: type === 'PEMDA' || type === 'GWPP',
  parent: type === 'OPD' || type === 'UNIT' || type === 'DPRD',
  partner: type === 'PIHAK_KETIGA' || type === 'FOREIGN_LOCAL_GOV' || type === 'FOREIGN_INSTITUTION',
  country: type === 'FOREIGN_LOCAL_GOV' || type === 'FOREIGN_INSTITUTION',
});

export type OrganizationQuery = { q?: string | undefined; type?: OrganizationType | undefined; tenantId?: string | undefined; limit: number; offset: number };

export const fetchOrganizations = (query: OrganizationQuery) =>
  unwrap(
    api.GET('/api/organizations', {
      params: {
        query: {
          ...(query.q ? { q: query.q } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.tenantId ? { tenantId: query.tenantId } : {}),
          limit: query.limit,
          offset: query.offset,
        },
      },
    }),
  );

export const fetchOrganization = (id: string) => unwrap(api.GET('/api/organizations/{id}', { params: { path: { id } } }));

export const createOrganization = (body: OrganizationCreate) => unwrap(api.POST('/api/organizations', { body }));

export const updateOrganization = (id: string, body: OrganizationUpdate) => unwrap(api.PATCH('/api/organizations/{id}', { params: { path: { id } }, body }));

export const fetchTenants = () => unwrap(api.GET('/api/tenants'));

export const tenantsQuery = { queryKey: ['tenants'] as const, queryFn: fetchTenants, staleTime: 5 * 60_000 };
