import { z } from '@hono/zod-openapi';
import { RECIPIENTS, REPORT_LEVELS, REPORT_PERIODS, REPORT_STATUSES } from './reports.tables.js';

const year = z.number().int().min(2000).max(2100).openapi({ example: 2025 });
const version = z.number().int().positive().openapi({ description: 'The rowVersion the action is based on; a newer one answers 409' });

export const ReportIdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const ReportListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ param: { name: 'year', in: 'query' } }),
  period: z.enum(REPORT_PERIODS).optional().openapi({ param: { name: 'period', in: 'query' } }),
  status: z.enum(REPORT_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }),
});

export const ComplianceQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'query' }, example: 2025 }),
  period: z.enum(REPORT_PERIODS).openapi({ param: { name: 'period', in: 'query' } }),
});

export const ReportCreateSchema = z
  .strictObject({
    year,
    period: z.enum(REPORT_PERIODS),
    organizationId: z.uuid().optional().openapi({ description: 'The reporting pemda; defaults to your own (a GWPP reviewer names the province)' }),
  })
  .openapi('ReportCreate');
export type ReportCreateInput = z.infer<typeof ReportCreateSchema>;

export const ReportVersionSchema = z.strictObject({ expectedVersion: version }).openapi('ReportVersion');
export const ReportReturnSchema = z
  .strictObject({ expectedVersion: version, comment: z.string().trim().max(4000).openapi({ description: 'Why the report goes back; required' }) })
  .openapi('ReportReturn');

const Count = z.object({ key: z.string(), count: z.number().int() });
const MovementsShape = { cooperations: z.number().int(), inForce: z.number().int(), signed: z.number().int(), ended: z.number().int(), expiring: z.number().int(), dormant: z.number().int() };
const MoneyShape = { activities: z.number().int(), budget: z.string(), realisation: z.string() };

export const FiguresSchema = z
  .object({
    organization: z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() }),
    level: z.enum(REPORT_LEVELS),
    year: z.number().int(),
    period: z.enum(REPORT_PERIODS),
    periodStart: z.string(),
    periodEnd: z.string(),
    asOf: z.string(),
    totals: z.object(MovementsShape),
    byKind: z.array(Count),
    byState: z.array(Count),
    byUrusan: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
    money: z.object(MoneyShape).openapi({ description: 'Budget and realisation (IDR, exact decimal strings) of work plan activities running in the period' }),
    indicators: z.object({ total: z.number().int(), measured: z.number().int(), achieved: z.number().int() }),
    expiring: z.array(z.object({ code: z.string(), title: z.string(), endDate: z.string() })),
    dormant: z.array(z.object({ code: z.string(), title: z.string(), monthsQuiet: z.number().int() })),
    regions: z.array(
      z.object({
        tenantId: z.uuid(),
        name: z.string(),
        regionCode: z.string(),
        ...MovementsShape,
        ...MoneyShape,
        reportStatus: z.enum(REPORT_STATUSES).nullable(),
      }),
    ),
  })
  .openapi('ReportFigures');

export const ReportSchema = z
  .object({
    id: z.uuid(),
    organization: z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() }),
    level: z.enum(REPORT_LEVELS),
    recipient: z.enum(RECIPIENTS),
    year: z.number().int(),
    period: z.enum(REPORT_PERIODS),
    periodStart: z.string(),
    periodEnd: z.string(),
    dueDate: z.string(),
    status: z.enum(REPORT_STATUSES),
    generatedAt: z.string(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    rowVersion: z.number().int(),
    locked: z.boolean().openapi({ description: 'Accepted: a locked snapshot' }),
    can: z.object({ regenerate: z.boolean(), submit: z.boolean(), review: z.boolean() }),
  })
  .openapi('PeriodicReport');
export type ReportDto = z.infer<typeof ReportSchema>;

export const ReportDetailSchema = ReportSchema.extend({ figures: FiguresSchema }).openapi('PeriodicReportDetail');
export const ReportListSchema = z.object({ items: z.array(ReportSchema) }).openapi('PeriodicReportList');

export const ComplianceSchema = z
  .object({
    year: z.number().int(),
    period: z.enum(REPORT_PERIODS),
    items: z.array(
      z.object({
        tenantId: z.uuid(),
        name: z.string(),
        regionCode: z.string(),
        level: z.enum(REPORT_LEVELS),
        status: z.enum(REPORT_STATUSES).nullable().openapi({ description: 'null: no report at all for the period' }),
        reported: z.boolean().openapi({ description: 'Submitted (or accepted) to the oversight organisation' }),
        reportId: z.uuid().nullable().openapi({ description: 'Only when the caller may open that report' }),
      }),
    ),
    missing: z.number().int().openapi({ description: 'How many have not reported' }),
  })
  .openapi('ReportCompliance');

export const DownloadSchema = z.string().openapi({ format: 'binary' });
