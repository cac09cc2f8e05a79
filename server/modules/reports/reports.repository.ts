import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizationTable as org } from '../organizations/index.js';
import { periodicReport as report, type ReportPeriod, type ReportRow, type ReportStatus } from './reports.tables.js';

/** The only SQL of periodic reports. Organisations are read through organizations' exported table (read-only). */

export type TenantRef = { id: string; name: string; regionCode: string };

const pemda = and(eq(org.type, 'PEMDA'), sql`${org.tenantId} = ${org.id}`, sql`${org.regionCode} IS NOT NULL`);
const tenantColumns = { id: org.id, name: org.name, regionCode: sql<string>`${org.regionCode}` };

/** A pemda tenant (kab/kota or province) by id. */
export const findTenant = async (db: Db, id: string): Promise<TenantRef | undefined> => (await db.select(tenantColumns).from(org).where(and(pemda, eq(org.id, id))).limit(1))[0];

/** The province pemda of a two-digit code. */
export const findProvinceTenant = async (db: Db, code: string): Promise<TenantRef | undefined> =>
  (await db.select(tenantColumns).from(org).where(and(pemda, eq(org.regionCode, code))).limit(1))[0];

/** The province and its kabupaten/kota tenants, province first, then by region code. */
export const tenantsOfProvinces = (db: Db, codes: readonly string[]): Promise<TenantRef[]> =>
  codes.length === 0
    ? Promise.resolve([])
    : db
        .select(tenantColumns)
        .from(org)
        .where(and(pemda, eq(org.active, true), sql`left(${org.regionCode}, 2) = ANY(${sql`ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]`})`, sql`${org.regionCode} ~ '^[0-9]{2}(\\.[0-9]{2})?$'`))
        .orderBy(asc(sql`length(${org.regionCode})`), asc(org.regionCode));

/** Every active pemda tenant: provinces and kabupaten/kota (the national view). */
export const allTenants = (db: Db): Promise<TenantRef[]> =>
  db
    .select(tenantColumns)
    .from(org)
    .where(and(pemda, eq(org.active, true), sql`${org.regionCode} ~ '^[0-9]{2}(\\.[0-9]{2})?$'`))
    .orderBy(asc(sql`left(${org.regionCode}, 2)`), asc(sql`length(${org.regionCode})`), asc(org.regionCode));

/** Organisations of a type (GWPP of a province, Kemendagri units): whose people review reports. */
export const orgIdsOfType = async (db: Db, type: 'GWPP' | 'KEMENDAGRI_UNIT', regionCode?: string): Promise<string[]> =>
  (await db.select({ id: org.id }).from(org).where(and(eq(org.type, type), regionCode ? eq(org.regionCode, regionCode) : undefined))).map((r) => r.id);

export type ReportWithTenant = { report: ReportRow; tenant: TenantRef };

const withTenant = (db: Db) => db.select({ report, tenant: tenantColumns }).from(report).innerJoin(org, eq(org.id, report.tenantId));

export const findReport = async (db: Db, id: string, lock = false): Promise<ReportWithTenant | undefined> => {
  const q = withTenant(db).where(eq(report.id, id)).limit(1);

  return (await (lock ? q.for('update', { of: report }) : q))[0];
};

export const findReportForPeriod = async (db: Db, tenantId: string, year: number, period: ReportPeriod): Promise<ReportRow | undefined> =>
  (await db.select().from(report).where(and(eq(report.tenantId, tenantId), eq(report.year, year), eq(report.period, period))).limit(1))[0];

/** Who may see what (ADR 0019), as SQL: own tenants; the GWPP's province reports and its kab/kota's once sent; Kemendagri everything sent. */
export type ReportVisibility = { tenantIds: readonly string[]; provinceCodes: readonly string[]; readAll: boolean };

const visible = (v: ReportVisibility): SQL => {
  const sent = ne(report.status, 'DRAFT');
  const parts: (SQL | undefined)[] = [];
  if (v.tenantIds.length) parts.push(inArray(report.tenantId, [...v.tenantIds]));
  if (v.provinceCodes.length) {
    const codes = sql`ARRAY[${sql.join(v.provinceCodes.map((c) => sql`${c}`), sql`, `)}]::text[]`;
    parts.push(and(eq(report.level, 'PEMDA'), sent, sql`left(${org.regionCode}, 2) = ANY(${codes})`));
    parts.push(and(eq(report.level, 'PROVINCE'), sql`${org.regionCode} = ANY(${codes})`));
  }
  if (v.readAll) parts.push(sent);

  return parts.length ? or(...parts)! : sql`false`;
};

export const listReports = (db: Db, v: ReportVisibility, filter: { year?: number | undefined; period?: ReportPeriod | undefined; status?: ReportStatus | undefined }): Promise<ReportWithTenant[]> =>
  withTenant(db)
    .where(
      and(
        visible(v),
        filter.year !== undefined ? eq(report.year, filter.year) : undefined,
        filter.period ? eq(report.period, filter.period) : undefined,
        filter.status ? eq(report.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(report.periodEnd), asc(report.level), asc(org.regionCode))
    .limit(1000);

/** The reports of these tenants for one period (compliance, and the province's per-region table). */
export const reportsForPeriod = async (db: Db, tenantIds: readonly string[], year: number, period: ReportPeriod): Promise<ReportRow[]> =>
  tenantIds.length === 0 ? [] : db.select().from(report).where(and(inArray(report.tenantId, [...tenantIds]), eq(report.year, year), eq(report.period, period)));

/** Reports of the given periods for every tenant, for the due-report reminder. */
export const reportsForPeriods = async (db: Db, periods: readonly { year: number; period: ReportPeriod }[]): Promise<Pick<ReportRow, 'tenantId' | 'year' | 'period' | 'status'>[]> =>
  periods.length === 0
    ? []
    : db
        .select({ tenantId: report.tenantId, year: report.year, period: report.period, status: report.status })
        .from(report)
        .where(or(...periods.map((p) => and(eq(report.year, p.year), eq(report.period, p.period)))));

export const insertReport = async (db: Db, row: typeof report.$inferInsert): Promise<ReportRow> => (await db.insert(report).values(row).returning())[0]!;

/** Applies a change only at the expected version; undefined when someone else changed it first. */
export const updateReport = async (db: Db, id: string, expectedVersion: number, patch: Partial<typeof report.$inferInsert>): Promise<ReportRow | undefined> =>
  (
    await db
      .update(report)
      .set({ ...patch, rowVersion: sql`${report.rowVersion} + 1` })
      .where(and(eq(report.id, id), eq(report.rowVersion, expectedVersion)))
      .returning()
  )[0];
