import { api, unwrap, type Schemas } from '../../lib/api';

export type Potential = Schemas['MappingPotential'];
export type PotentialList = Schemas['MappingPotentialList'];
export type PotentialFilters = { year?: number; kind?: Potential['kind']; status?: Potential['status']; urusan?: string; region?: string; q?: string; offset?: number };
export type Overview = Schemas['MappingOverview'];

export const PAGE_SIZE = 25;
export const potentialsKey = (f: PotentialFilters) => ['mapping', 'potentials', f] as const;
export const overviewKey = (year: number, province: string) => ['mapping', 'overview', year, province] as const;

export const fetchPotentials = (f: PotentialFilters) => unwrap(api.GET('/api/mapping/potentials', { params: { query: { ...f, limit: PAGE_SIZE, offset: f.offset ?? 0 } } }));
export const updatePotential = (id: string, body: Schemas['MappingPotentialUpdate']) => unwrap(api.PATCH('/api/mapping/potentials/{id}', { params: { path: { id } }, body }));
export const proposeFromPotential = (id: string, body: Schemas['MappingPotentialProposal']) => unwrap(api.POST('/api/mapping/potentials/{id}/proposal', { params: { path: { id } }, body }));
export const fetchOverview = (year: number, province: string) => unwrap(api.GET('/api/mapping/overview', { params: { query: { year, ...(province ? { province } : {}) } } }));
