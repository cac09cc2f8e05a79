import { api, unwrap, type Schemas } from '../../lib/api';

export type Report = Schemas['PeriodicReport'];
export type ReportDetail = Schemas['PeriodicReportDetail'];
export type Figures = Schemas['ReportFigures'];
export type Compliance = Schemas['ReportCompliance'];
export type ReportStatus = Report['status'];
export type ReportPeriod = Report['period'];

export const REPORT_STATUSES: ReportStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'];
export const REPORT_PERIODS: ReportPeriod[] = ['SEMESTER_1', 'SEMESTER_2', 'YEARLY'];

export type ReportFilter = { year?: number | undefined; period?: ReportPeriod | undefined; status?: ReportStatus | undefined };

export const reportsKey = ['reports'] as const;
export const reportKey = (id: string) => ['reports', 'detail', id] as const;

/** Only the filters that are set go in the query (the server's schema is strict). */
const toQuery = (f: ReportFilter) => ({ ...(f.year ? { year: f.year } : {}), ...(f.period ? { period: f.period } : {}), ...(f.status ? { status: f.status } : {}) });

export const fetchReports = (filter: ReportFilter) => unwrap(api.GET('/api/reports', { params: { query: toQuery(filter) } }));
export const fetchReport = (id: string) => unwrap(api.GET('/api/reports/{id}', { params: { path: { id } } }));
export const fetchCompliance = (year: number, period: ReportPeriod) => unwrap(api.GET('/api/reports/compliance', { params: { query: { year, period } } }));

export const createReport = (body: Schemas['ReportCreate']) => unwrap(api.POST('/api/reports', { body }));
export const regenerateReport = (id: string, expectedVersion: number) => unwrap(api.POST('/api/reports/{id}/regenerate', { params: { path: { id } }, body: { expectedVersion } }));
export const submitReport = (id: string, expectedVersion: number) => unwrap(api.POST('/api/reports/{id}/submit', { params: { path: { id } }, body: { expectedVersion } }));
export const acceptReport = (id: string, expectedVersion: number) => unwrap(api.POST('/api/reports/{id}/accept', { params: { path: { id } }, body: { expectedVersion } }));
export const returnReport = (id: string, expectedVersion: number, comment: string) =>
  unwrap(api.POST('/api/reports/{id}/return', { params: { path: { id } }, body: { expectedVersion, comment } }));

/** Downloads go through the browser (a plain link): the server sends them as attachments. */
export const downloadHref = (id: string, format: 'xlsx' | 'pdf') => `/api/reports/${encodeURIComponent(id)}/${format}`;

/** The periods the rule pack in force allows ("SEMESTER" allows both semesters). */
export const periodsAllowed = (rules: Record<string, unknown> | undefined): ReportPeriod[] => {
  const reporting = rules?.reporting as { periods?: unknown } | undefined;
  const kinds = Array.isArray(reporting?.periods) ? (reporting.periods as unknown[]) : ['SEMESTER', 'YEARLY'];

  return REPORT_PERIODS.filter((p) => kinds.includes(p === 'YEARLY' ? 'YEARLY' : 'SEMESTER'));
};

/** The last day of a period, to tell which periods have ended (the server decides in the end). */
export const periodEnd = (year: number, period: ReportPeriod) => (period === 'SEMESTER_1' ? `${year}-06-30` : `${year}-12-31`);

/** Realisation as a share of budget, one decimal; null without budget. */
export const realisationPercent = (budget: string, realisation: string) => {
  const b = Number(budget);

  return b > 0 ? Math.round((Number(realisation) / b) * 1000) / 10 : null;
};

/** The rule pack in force for the user's pemda (national when none): which periods are reported. */
export const fetchRules = (tenantId: string | null) => unwrap(api.GET('/api/rule-packs', { params: { query: tenantId ? { tenantId } : {} } }));
