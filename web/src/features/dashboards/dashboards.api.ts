import { api, unwrap, type Schemas } from '../../lib/api';

export type Dashboard = Schemas['Dashboard'];
export type DashboardLevel = Dashboard['scope']['level'];
export type Bucket = Dashboard['byKind'][number];

export type ScopeChoice = { level: DashboardLevel; region?: string | undefined };

export const dashboardKey = (c: ScopeChoice | null) => ['dashboard', c?.level ?? 'natural', c?.region ?? ''] as const;

/** The dashboard of a scope; without one, the caller's natural scope. */
export const fetchDashboard = (c: ScopeChoice | null) =>
  unwrap(api.GET('/api/dashboard', { params: { query: c ? { scope: c.level, ...(c.region ? { region: c.region } : {}) } : {} } }));
