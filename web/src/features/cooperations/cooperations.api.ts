import type { paths } from '../../../../contracts/api';
import { api, ApiError, toApiError, unwrap, type Schemas } from '../../lib/api';

export type Cooperation = Schemas['Cooperation'];
export type CooperationSummary = Schemas['CooperationSummary'];
export type CooperationCreate = Schemas['CooperationCreate'];
export type CooperationUpdate = Schemas['CooperationUpdate'];
export type ActionInput = Schemas['CooperationActionInput'];
export type ActionOption = Schemas['CooperationActionOption'];
export type ActionName = ActionOption['name'];
export type Blocker = Schemas['ActionBlocker'];
export type TimelineItem = Schemas['CooperationTimeline']['items'][number];
export type SavedFilter = Schemas['SavedFilter'];
export type Kind = Cooperation['kind'];
export type State = Cooperation['state'];

export {
  DISPUTE_STAGES,
  FUNDING_SOURCES,
  KINDS,
  OBJECT_CATEGORIES,
  PLAN_EXCEPTIONS,
  REGIMES,
  STATES,
  TERMINATION_GROUNDS,
} from '../../../../contracts/cooperations';
export const DECISIONS = ['APPROVED', 'REJECTED', 'REVISE'] as const;
export const CENTRAL_AUTHORITIES = ['MENDAGRI', 'KEMLU'] as const;

/** Which organisation types may stand opposite the initiating pemda, per kind (PP 28/2018 Art. 1, 14, 46). */
export const COUNTERPART_TYPES: Record<Kind, string[]> = {
  KSDD: ['PEMDA'],
  KSDPK: ['PIHAK_KETIGA'],
  KSDPL: ['FOREIGN_LOCAL_GOV'],
  KSDLL: ['FOREIGN_INSTITUTION'],
  SINERGI: ['KL_PUSAT'],
};

/** The register's filters, named as the API names them; they live in the address so a view can be shared. */
export const FILTER_KEYS = ['q', 'kind', 'state', 'urusan', 'issue', 'region', 'partner', 'opd', 'year', 'expiringWithinDays', 'overdue', 'dormant', 'sort'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type RegisterFilters = Partial<Record<FilterKey, string>>;

/** Reads the filters from a query string, dropping empty and unknown keys. */
export const filtersFromSearch = (search: URLSearchParams): RegisterFilters => {
  const out: RegisterFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim();
    if (value) out[key] = value;
  }

  return out;
};

/** The query string for a set of filters, in a stable key order. */
export const searchFromFilters = (filters: RegisterFilters): URLSearchParams => {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }

  return params;
};

/** A saved filter's stored query, kept to the known keys (anything else was never ours to apply). */
export const filtersFromSaved = (query: Record<string, unknown>): RegisterFilters => {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = query[key];
    if (typeof v === 'string' || typeof v === 'number') params.set(key, String(v));
  }

  return filtersFromSearch(params);
};

type ListQuery = paths['/api/cooperations']['get']['parameters']['query'];

const toListQuery = (filters: RegisterFilters): NonNullable<ListQuery> => {
  const { year, expiringWithinDays, overdue, dormant, sort, ...rest } = filters;

  return {
    ...rest,
    ...(year ? { year: Number(year) } : {}),
    ...(expiringWithinDays ? { expiringWithinDays: Number(expiringWithinDays) } : {}),
    ...(overdue === 'true' ? { overdue: 'true' as const } : {}),
    ...(dormant === 'true' ? { dormant: 'true' as const } : {}),
    ...(sort === 'updated' || sort === 'title' || sort === 'endDate' || sort === 'relevance' ? { sort } : {}),
  };
};

export const PAGE_SIZE = 25;

export const fetchCooperations = (filters: RegisterFilters, cursor: string | undefined) =>
  unwrap(api.GET('/api/cooperations', { params: { query: { ...toListQuery(filters), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }));

/** Where the spreadsheet of the current filters downloads from (same-origin GET with the session cookie). */
export const exportHref = (filters: RegisterFilters, format: 'xlsx' | 'csv') => {
  const { sort: _sort, ...rest } = filters;
  const params = searchFromFilters(rest);
  params.set('format', format);

  return `/api/cooperations/export?${params.toString()}`;
};

export const fetchCooperation = (id: string) => unwrap(api.GET('/api/cooperations/{id}', { params: { path: { id } } }));

export const createCooperation = (body: CooperationCreate) => unwrap(api.POST('/api/cooperations', { body }));

export const updateCooperation = (id: string, body: CooperationUpdate) => unwrap(api.PATCH('/api/cooperations/{id}', { params: { path: { id } }, body }));

/** A refused action: the problem's `blockers` say which rule stopped it, so the dialog can list them. */
export class ActionRefusedError extends ApiError {
  readonly blockers: Blocker[];

  constructor(base: ApiError, blockers: Blocker[]) {
    super({ status: base.status, code: base.code, detail: base.detail, fieldErrors: base.fieldErrors, retryAfterSeconds: base.retryAfterSeconds });
    this.blockers = blockers;
  }
}

const blockersOf = (body: unknown): Blocker[] => {
  if (typeof body !== 'object' || body === null || !('blockers' in body) || !Array.isArray(body.blockers)) return [];

  return body.blockers.filter((b): b is Blocker => typeof b === 'object' && b !== null && typeof (b as Blocker).message === 'string');
};

export const performAction = async (id: string, action: ActionName, body: ActionInput) => {
  const result = await api.POST('/api/cooperations/{id}/actions/{action}', { params: { path: { id, action } }, body }).catch(() => {
    throw new ApiError({ status: 0, code: 'network.unreachable', detail: '' });
  });
  if (!result.response.ok) {
    const error = toApiError(result.response, result.error);
    const blockers = blockersOf(result.error);
    throw blockers.length > 0 ? new ActionRefusedError(error, blockers) : error;
  }

  return result.data as Schemas['CooperationActionResult'];
};

export const fetchTimeline = (id: string) => unwrap(api.GET('/api/cooperations/{id}/timeline', { params: { path: { id } } }));

export const fetchParticipants = (id: string) => unwrap(api.GET('/api/cooperations/{id}/participants', { params: { path: { id } } }));

export const addComment = (id: string, body: Schemas['CommentInput']) => unwrap(api.POST('/api/cooperations/{id}/comments', { params: { path: { id } }, body }));

export const fetchSavedFilters = () => unwrap(api.GET('/api/saved-filters'));

export const saveFilter = (name: string, filters: RegisterFilters) => unwrap(api.POST('/api/saved-filters', { body: { name, query: { ...filters } } }));

export const deleteSavedFilter = (id: string) => unwrap(api.DELETE('/api/saved-filters/{id}', { params: { path: { id } } }));

export const fetchRulePack = (tenantId: string | null) => unwrap(api.GET('/api/rule-packs', { params: { query: tenantId ? { tenantId } : {} } }));

export const publishRulePack = (body: Schemas['RulePackPublish']) => unwrap(api.POST('/api/rule-packs', { body }));

export const fetchOrganizationsOfType = (type: string, extra: { q?: string; tenantId?: string } = {}) =>
  unwrap(api.GET('/api/organizations', { params: { query: { type, limit: 200, offset: 0, ...(extra.q ? { q: extra.q } : {}), ...(extra.tenantId ? { tenantId: extra.tenantId } : {}) } } }));

export const fetchUrusan = () => unwrap(api.GET('/api/urusan'));

export const fetchIssues = () => unwrap(api.GET('/api/strategic-issues', { params: { query: {} } }));

export const searchRegions = (q: string) => unwrap(api.GET('/api/regions', { params: { query: { q, limit: 20 } } }));

export const urusanQuery = { queryKey: ['urusan'] as const, queryFn: fetchUrusan, staleTime: 10 * 60_000 };
export const issuesQuery = { queryKey: ['strategic-issues'] as const, queryFn: fetchIssues, staleTime: 10 * 60_000 };
