import { api, unwrap, type Schemas } from '../../lib/api';

export type Region = Schemas['Region'];
export type Urusan = Schemas['Urusan'];
export type RegionLevelFilter = 'provinsi' | 'kabkota' | 'kecamatan' | 'desa';

export type RegionQuery = { q?: string | undefined; level?: RegionLevelFilter | undefined; parent?: string | undefined; limit: number; offset: number };

export const fetchRegions = (query: RegionQuery) => {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as RegionQuery;

  return unwrap(api.GET('/api/regions', { params: { query: clean } }));
};

export const fetchRegion = (code: string) => unwrap(api.GET('/api/regions/{code}', { params: { path: { code } } }));

export const fetchUrusan = () => unwrap(api.GET('/api/urusan'));

/** The 38 provinces rarely change: one request serves every page that names a province. */
export const provincesQuery = {
  queryKey: ['regions', 'provinces'] as const,
  queryFn: () => fetchRegions({ level: 'provinsi', limit: 100, offset: 0 }),
  staleTime: Number.POSITIVE_INFINITY,
};
