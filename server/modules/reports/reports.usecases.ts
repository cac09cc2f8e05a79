import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { Actor } from '../../platform/http/context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { cooperationsOfTenants, jakartaDay, registerFiguresFor, rulesForTenant, rulesResolver } from '../cooperations/index.js';
import { openGeneratedFile, storeGeneratedFile } from '../files/index.js';
import { findRoleHolders } from '../identity/index.js';
import { indicatorAchievementFor, workPlanBudgetFor } from '../monev/index.js';
import { notify, type Notice } from '../notifications/index.js';
import { renderReportPdf } from './exports.pdf.js';
import { renderReportXlsx } from './exports.xlsx.js';
import { longDate, longDateParam } from '../../platform/i18n/i18n.js';
import { dueDateOf, EXPIRING_MONTHS, periodAllowed, periodBounds, periodLabel, provinceOf, daysBetween, type ReportFigures, type RegionRow } from './figures.models.js';
import { invalidReportFields, reportErrors } from './reports.errors.js';
import * as policy from './reports.policy.js';
import * as repo from './reports.repository.js';
import type { ReportCreateInput, ReportDto } from './reports.schemas.js';
import { REPORT_PERIODS, type ReportPeriod, type ReportRow, type ReportStatus } from './reports.tables.js';

type Deps = { db: Db; clock: Clock; audit: AuditContext; actor: Actor; lang: Lang; files: FileStore; publicUrl: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF_TYPE = 'application/pdf';

const present = (actor: Actor, { report: r, tenant }: repo.ReportWithTenant): ReportDto => {
  const facts = { tenantId: r.tenantId, regionCode: tenant.regionCode, level: r.level, status: r.status };

  return {
    id: r.id,
    organization: tenant,
    level: r.level,
    recipient: r.recipient,
    year: r.year,
    period: r.period,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    dueDate: r.dueDate,
    status: r.status,
    generatedAt: r.generatedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewComment: r.reviewComment,
    rowVersion: r.rowVersion,
    locked: r.status === 'ACCEPTED',
    can: {
      regenerate: policy.isRegenerable(r.status) && policy.canCompile(actor, { id: r.tenantId, regionCode: tenant.regionCode }),
      submit: policy.isSubmittable(r.status) && policy.canCompile(actor, { id: r.tenantId, regionCode: tenant.regionCode }),
      review: r.status === 'SUBMITTED' && policy.canReview(actor, facts),
    },
  };
};

/** A report the actor may see, else 404 (existence is not revealed). */
const loadVisible = async (db: Db, actor: Actor, id: string, lock = false) => {
  const found = await repo.findReport(db, id, lock);
  if (!found || !policy.canSee(actor, { tenantId: found.report.tenantId, regionCode: found.tenant.regionCode, level: found.report.level, status: found.report.status })) throw reportErrors.notFound();

  return found;
};

/**
 * The figures of a pemda (or a province with all its kab/kota) for a period: a fixed handful of
 * GROUP BY queries whatever the number of cooperations (the ≤ 5 s budget of a province report).
 */
export const computeFigures = async ({ db, tenant, year, period, today }: { db: Db; tenant: repo.TenantRef; year: number; period: ReportPeriod; today: string }): Promise<ReportFigures> => {
  const level = policy.levelOf(tenant.regionCode);
  const { start, end } = periodBounds(year, period);
  const rules = await rulesForTenant({ db, tenantId: tenant.id, onDate: today });
  const members = level === 'PROVINCE' ? await repo.tenantsOfProvinces(db, [tenant.regionCode]) : [tenant];
  const tenantIds = [...new Set([tenant.id, ...members.map((m) => m.id)])];
  const pairs = cooperationsOfTenants(tenantIds, end);
  const [register, money, indicators, ownReports] = await Promise.all([
    registerFiguresFor(db, { tenantIds, periodStart: start, periodEnd: end, today, dormantAfterMonths: rules.dormantAfterMonths, expiringMonths: EXPIRING_MONTHS }),
    workPlanBudgetFor(db, { pairs, periodStart: start, periodEnd: end }),
    indicatorAchievementFor(db, { pairs, periodEnd: end }),
    level === 'PROVINCE' ? repo.reportsForPeriod(db, tenantIds, year, period) : Promise.resolve([]),
  ]);
  const empty = { cooperations: 0, inForce: 0, signed: 0, ended: 0, expiring: 0, dormant: 0 };
  const regions: RegionRow[] = members
    .filter((m) => m.id !== tenant.id)
    .map((m) => {
      const moves = register.perTenant.find((p) => p.tenantId === m.id) ?? { tenantId: m.id, ...empty };
      const cash = money.perTenant.find((p) => p.tenantId === m.id) ?? { activities: 0, budget: '0.00', realisation: '0.00' };

      return {
        ...moves,
        activities: cash.activities,
        budget: cash.budget,
        realisation: cash.realisation,
        tenantId: m.id,
        name: m.name,
        regionCode: m.regionCode,
        reportStatus: ownReports.find((r) => r.tenantId === m.id)?.status ?? null,
      };
    });

  return {
    organization: tenant,
    level,
    year,
    period,
    periodStart: start,
    periodEnd: end,
    asOf: today,
    totals: register.totals,
    byKind: register.byKind,
    byState: register.byState,
    byUrusan: register.byUrusan,
    money: money.total,
    indicators,
    expiring: register.expiringList,
    dormant: register.dormantList,
    regions,
  };
};

const fileBase = (f: ReportFigures) => `Laporan-KSD_${f.organization.regionCode}_${f.year}_${f.period}`;

/** Renders both files and stores them; returns their stored-file ids. */
/** Renders both files; slow (charts, PDF layout), so it runs before the transaction, never inside it. */
const render = async (f: ReportFigures) => {
  const [xlsx, pdf] = await Promise.all([renderReportXlsx(f), renderReportPdf(f)]);

  return { xlsx, pdf };
};

const storeRendered = async (deps: Deps, tx: Db, f: ReportFigures, bytes: { xlsx: Uint8Array; pdf: Uint8Array }) => {
  const common = { db: tx, files: deps.files, tenantId: f.organization.id, orgId: deps.actor.orgId, createdBy: deps.actor.userId, createdAt: deps.clock.now() };
  const x = await storeGeneratedFile({ ...common, bytes: bytes.xlsx, fileName: `${fileBase(f)}.xlsx`, mediaType: XLSX_TYPE });
  const p = await storeGeneratedFile({ ...common, bytes: bytes.pdf, fileName: `${fileBase(f)}.pdf`, mediaType: PDF_TYPE });

  return { xlsxFileId: x.id, pdfFileId: p.id };
};

const auditReport = (deps: Deps, tx: Db, action: string, r: ReportRow, diff: Record<string, unknown>) =>
  recordAudit({ tx, clock: deps.clock, context: deps.audit, entry: { action: `report.${action}`, entityType: 'periodic_report', entityId: r.id, tenantId: r.tenantId, diff } });

const summaryOf = (f: ReportFigures) => ({ totals: f.totals, money: f.money, indicators: f.indicators, asOf: f.asOf });

/** The pemda a new report is for: named, or the caller's own tenant, or the province a GWPP oversees. */
const targetTenant = async (deps: Deps, input: ReportCreateInput) => {
  const { db, actor } = deps;
  const id = input.organizationId ?? actor.tenantId;
  const tenant = id
    ? await repo.findTenant(db, id)
    : actor.scope.oversightProvinceCodes.length === 1
      ? await repo.findProvinceTenant(db, actor.scope.oversightProvinceCodes[0]!)
      : undefined;
  if (!tenant || !policy.canCompile(actor, tenant)) throw invalidReportFields([{ path: 'organizationId', code: 'organization_unknown' }], deps.lang);

  return tenant;
};

/** Generates a new report for a period that has ended, one per pemda and period. */
export const generateReport = async (deps: Deps & { input: ReportCreateInput }) => {
  const { db, clock, actor, input } = deps;
  const today = jakartaDay(clock.now());
  const tenant = await targetTenant(deps, input);
  const { end } = periodBounds(input.year, input.period);
  const rules = await rulesForTenant({ db, tenantId: tenant.id, onDate: today });
  const problems = [];
  if (!periodAllowed(input.period, rules.reporting.periods)) problems.push({ path: 'period', code: 'period_not_in_rules' });
  else if (end >= today) problems.push({ path: input.period === 'YEARLY' ? 'year' : 'period', code: 'period_not_ended', params: { end: longDate(end, deps.lang) } });
  if (problems.length) throw invalidReportFields(problems, deps.lang);

  if (await repo.findReportForPeriod(db, tenant.id, input.year, input.period)) throw reportErrors.exists();
  // Figures and files are made outside the transaction: on the embedded database a transaction
  // holds the one connection, and rendering must not stall every other request meanwhile.
  const figures = await computeFigures({ db, tenant, year: input.year, period: input.period, today });
  const bytes = await render(figures);

  return db.transaction(async (tx) => {
    // One report per pemda and period even when two people press the button at once.
    await tx.execute(sqlLock(`periodic_report:${tenant.id}:${input.year}:${input.period}`));
    if (await repo.findReportForPeriod(tx, tenant.id, input.year, input.period)) throw reportErrors.exists();
    const files = await storeRendered(deps, tx, figures, bytes);
    const now = clock.now();
    const level = policy.levelOf(tenant.regionCode);
    const row = await repo.insertReport(tx, {
      tenantId: tenant.id,
      level,
      recipient: level === 'PEMDA' ? 'GUBERNUR' : 'MENDAGRI',
      year: input.year,
      period: input.period,
      periodStart: figures.periodStart,
      periodEnd: figures.periodEnd,
      dueDate: dueDateOf(figures.periodEnd, rules.reporting.dueDaysAfterPeriodEnd),
      status: 'DRAFT',
      figures,
      ...files,
      generatedBy: actor.userId,
      generatedAt: now,
      rowVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await auditReport(deps, tx, 'generate', row, { year: row.year, period: row.period, level, ...summaryOf(figures), ...files });

    return { ...present(actor, { report: row, tenant }), figures };
  });
};

const sqlLock = (key: string) => sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`;

/** The transition guard shared by every change: visible, allowed, right status, right version. */
const changeReport = async <T>(deps: Deps, id: string, expectedVersion: number, run: (tx: Db, found: repo.ReportWithTenant) => Promise<T>) =>
  deps.db.transaction(async (tx) => {
    const found = await loadVisible(tx, deps.actor, id, true);
    if (found.report.rowVersion !== expectedVersion) throw reportErrors.stale();

    return run(tx, found);
  });

const lockedError = (r: ReportRow) => reportErrors.locked({ reviewedAt: r.reviewedAt ? longDateParam(jakartaDay(r.reviewedAt)) : '' });

/** Recomputes a DRAFT or RETURNED report; an accepted one is locked (409). The old snapshot's summary stays in the audit row. */
export const regenerateReport = async (deps: Deps & { id: string; expectedVersion: number }) => {
  const guard = ({ report: r, tenant }: repo.ReportWithTenant) => {
    if (!policy.canCompile(deps.actor, tenant)) throw reportErrors.forbidden();
    if (r.status === 'ACCEPTED') throw lockedError(r);
    if (!policy.isRegenerable(r.status)) throw reportErrors.wrongStatus({ status: r.status });
  };
  // Checked and rendered first, outside the transaction (see generateReport); checked again inside it.
  const seen = await loadVisible(deps.db, deps.actor, deps.id, false);
  if (seen.report.rowVersion !== deps.expectedVersion) throw reportErrors.stale();
  guard(seen);
  const figures = await computeFigures({ db: deps.db, tenant: seen.tenant, year: seen.report.year, period: seen.report.period, today: jakartaDay(deps.clock.now()) });
  const bytes = await render(figures);

  return changeReport(deps, deps.id, deps.expectedVersion, async (tx, found) => {
    guard(found);
    const { report: r, tenant } = found;
    const files = await storeRendered(deps, tx, figures, bytes);
    const now = deps.clock.now();
    const after = await repo.updateReport(tx, r.id, r.rowVersion, { figures, ...files, generatedBy: deps.actor.userId, generatedAt: now, updatedAt: now });
    if (!after) throw reportErrors.stale();
    await auditReport(deps, tx, 'regenerate', after, { ...changeSet(summaryOf(r.figures), summaryOf(figures)), previousFiles: { xlsxFileId: r.xlsxFileId, pdfFileId: r.pdfFileId }, ...files });

    return { ...present(deps.actor, { report: after, tenant }), figures };
  });
};

const NOTICES: Record<'submitted' | 'accepted' | 'returned', Pick<Notice, 'title' | 'body'>> = {
  submitted: {
    title: { id: 'Laporan berkala {org} diajukan', en: 'Periodic report of {org} submitted' },
    body: { id: 'Laporan {period} dari {org} menunggu tinjauan Anda.', en: 'The {period} report of {org} awaits your review.' },
  },
  accepted: {
    title: { id: 'Laporan berkala {period} diterima', en: 'Periodic report {period} accepted' },
    body: { id: 'Laporan {period} {org} telah diterima dan kini terkunci.', en: 'The {period} report of {org} was accepted and is now locked.' },
  },
  returned: {
    title: { id: 'Laporan berkala {period} dikembalikan', en: 'Periodic report {period} returned' },
    body: { id: 'Laporan {period} {org} dikembalikan: {comment}', en: 'The {period} report of {org} was returned: {comment}' },
  },
};

const tell = async (deps: Deps, tx: Db, kind: keyof typeof NOTICES, r: ReportRow, tenant: repo.TenantRef, recipients: Awaited<ReturnType<typeof findRoleHolders>>) =>
  notify({
    db: tx,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    recipients,
    notice: {
      ...NOTICES[kind],
      kind: `report.${kind}`,
      params: { org: tenant.name, period: periodLabel(r.year, r.period), comment: r.reviewComment ?? '' },
      link: `/app/laporan-berkala/${r.id}`,
      tenantId: r.tenantId,
      email: false,
    },
  });

/** Sends a DRAFT or RETURNED report to the oversight organisation and tells its reviewers. */
export const submitReport = (deps: Deps & { id: string; expectedVersion: number }) =>
  changeReport(deps, deps.id, deps.expectedVersion, async (tx, { report: r, tenant }) => {
    if (!policy.canCompile(deps.actor, tenant)) throw reportErrors.forbidden();
    if (r.status === 'ACCEPTED') throw lockedError(r);
    if (!policy.isSubmittable(r.status)) throw reportErrors.wrongStatus({ status: r.status });
    const now = deps.clock.now();
    const after = (await repo.updateReport(tx, r.id, r.rowVersion, { status: 'SUBMITTED', submittedBy: deps.actor.userId, submittedAt: now, updatedAt: now }))!;
    await auditReport(deps, tx, 'submit', after, { status: { before: r.status, after: after.status } });
    const today = jakartaDay(now);
    const reviewers =
      r.level === 'PEMDA'
        ? await findRoleHolders({ db: tx, onDate: today, orgIds: await repo.orgIdsOfType(tx, 'GWPP', provinceOf(tenant.regionCode)), roles: ['GWPP_REVIEWER'] })
        : await findRoleHolders({ db: tx, onDate: today, orgIds: await repo.orgIdsOfType(tx, 'KEMENDAGRI_UNIT'), roles: ['KEMENDAGRI_VIEWER'] });
    await tell(deps, tx, 'submitted', after, tenant, reviewers);

    return present(deps.actor, { report: after, tenant });
  });

const review = (deps: Deps & { id: string; expectedVersion: number }, outcome: 'ACCEPTED' | 'RETURNED', comment: string | null) =>
  changeReport(deps, deps.id, deps.expectedVersion, async (tx, { report: r, tenant }) => {
    if (!policy.canReview(deps.actor, { regionCode: tenant.regionCode, level: r.level })) throw reportErrors.forbidden();
    if (r.status === 'ACCEPTED') throw lockedError(r);
    if (r.status !== 'SUBMITTED') throw reportErrors.wrongStatus({ status: r.status });
    const now = deps.clock.now();
    const after = (await repo.updateReport(tx, r.id, r.rowVersion, { status: outcome, reviewedBy: deps.actor.userId, reviewedAt: now, reviewComment: comment, updatedAt: now }))!;
    await auditReport(deps, tx, outcome === 'ACCEPTED' ? 'accept' : 'return', after, { status: { before: r.status, after: outcome }, comment });
    const today = jakartaDay(now);
    const submitter = r.submittedBy
      ? await findRoleHolders({ db: tx, onDate: today, tenantIds: [r.tenantId], orgIds: await repo.orgIdsOfType(tx, 'GWPP', provinceOf(tenant.regionCode)), userIds: [r.submittedBy] })
      : [];
    await tell(deps, tx, outcome === 'ACCEPTED' ? 'accepted' : 'returned', after, tenant, submitter);

    return present(deps.actor, { report: after, tenant });
  });

/** The oversight organisation accepts: the report becomes a locked snapshot. */
export const acceptReport = (deps: Deps & { id: string; expectedVersion: number }) => review(deps, 'ACCEPTED', null);

/** The oversight organisation returns the report with a reason; the pemda regenerates and resubmits. */
export const returnReport = (deps: Deps & { id: string; expectedVersion: number; comment: string }) => {
  if (!deps.comment.trim()) throw invalidReportFields([{ path: 'comment', code: 'comment_required' }], deps.lang);

  return review(deps, 'RETURNED', deps.comment.trim());
};

export const listReports = async ({ db, actor, filter }: { db: Db; actor: Actor; filter: { year?: number | undefined; period?: ReportPeriod | undefined; status?: ReportStatus | undefined } }) => {
  const compileTenants = actor.roles.filter((r) => r.tenantId !== null).map((r) => r.tenantId!);
  const rows = await repo.listReports(db, { tenantIds: [...new Set([...actor.scope.tenantIds, ...compileTenants])], provinceCodes: actor.scope.oversightProvinceCodes, readAll: actor.scope.readAll }, filter);

  return { items: rows.map((r) => present(actor, r)) };
};

export const getReport = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  const found = await loadVisible(db, actor, id);

  return { ...present(actor, found), figures: found.report.figures };
};

/** The stored XLSX or PDF of a report the actor may see. */
export const downloadReport = async ({ db, actor, files, id, format }: { db: Db; actor: Actor; files: FileStore; id: string; format: 'xlsx' | 'pdf' }) => {
  const { report: r } = await loadVisible(db, actor, id);
  const fileId = format === 'xlsx' ? r.xlsxFileId : r.pdfFileId;
  if (!fileId) throw reportErrors.notFound();

  return openGeneratedFile({ db, files, id: fileId });
};

const SENT: readonly ReportStatus[] = ['SUBMITTED', 'ACCEPTED'];

/** Who has and has not reported for a period: the GWPP over its province, Kemendagri over every province and kab/kota. */
export const reportCompliance = async ({ db, actor, year, period }: { db: Db; actor: Actor; year: number; period: ReportPeriod }) => {
  const scope = policy.complianceScope(actor);
  if (!scope) throw reportErrors.forbidden();
  const tenants = scope.all ? await repo.allTenants(db) : await repo.tenantsOfProvinces(db, scope.provinceCodes);
  const reports = await repo.reportsForPeriod(db, tenants.map((t) => t.id), year, period);
  const items = tenants.map((t) => {
    const r = reports.find((x) => x.tenantId === t.id);
    const level = policy.levelOf(t.regionCode);
    const visible = r && policy.canSee(actor, { tenantId: t.id, regionCode: t.regionCode, level, status: r.status });

    return { tenantId: t.id, name: t.name, regionCode: t.regionCode, level, status: r?.status ?? null, reported: !!r && SENT.includes(r.status), reportId: visible ? r.id : null };
  });

  return { year, period, items, missing: items.filter((i) => !i.reported).length };
};

export type DueReport = { year: number; period: ReportPeriod; dueDate: string; daysLeft: number; status: ReportStatus | null };
export type TenantDueReports = { tenant: repo.TenantRef & { level: 'PEMDA' | 'PROVINCE' }; reports: DueReport[] };

/**
 * For a reminder job: per pemda tenant, the reports of this year and last whose due date is at
 * most the rule pack's longest reminder lead away (or already past) and that were not yet
 * submitted. A RETURNED report counts as not submitted.
 */
export const dueReports = async ({ db, today }: { db: Db; today: string }): Promise<TenantDueReports[]> => {
  const year = Number(today.slice(0, 4));
  const periods = [year - 1, year].flatMap((y) => REPORT_PERIODS.map((period) => ({ year: y, period, ...periodBounds(y, period) }))).filter((p) => p.end < today);
  const tenants = await repo.allTenants(db);
  const [rulesOf, existing] = await Promise.all([rulesResolver({ db, tenantIds: tenants.map((t) => t.id), onDate: today }), repo.reportsForPeriods(db, periods)]);
  const out: TenantDueReports[] = [];
  for (const tenant of tenants) {
    const { reporting } = rulesOf(tenant.id);
    const lead = Math.max(0, ...reporting.reminderDaysBefore);
    const reports = periods.flatMap((p): DueReport[] => {
      if (!periodAllowed(p.period, reporting.periods)) return [];
      const dueDate = dueDateOf(p.end, reporting.dueDaysAfterPeriodEnd);
      const daysLeft = daysBetween(today, dueDate);
      const status = existing.find((r) => r.tenantId === tenant.id && r.year === p.year && r.period === p.period)?.status ?? null;
      if (daysLeft > lead || (status !== null && SENT.includes(status))) return [];

      return [{ year: p.year, period: p.period, dueDate, daysLeft, status }];
    });
    if (reports.length) out.push({ tenant: { ...tenant, level: policy.levelOf(tenant.regionCode) }, reports });
  }

  return out;
};
