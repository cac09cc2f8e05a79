import { date, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ReportFigures } from './figures.models.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const REPORT_LEVELS = ['PEMDA', 'PROVINCE'] as const;
export const RECIPIENTS = ['GUBERNUR', 'MENDAGRI'] as const;
export const REPORT_PERIODS = ['SEMESTER_1', 'SEMESTER_2', 'YEARLY'] as const;
export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Mirrors server/migrations/0017_reports.sql. */
export const periodicReport = pgTable(
  'periodic_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    level: text('level', { enum: REPORT_LEVELS }).notNull(),
    recipient: text('recipient', { enum: RECIPIENTS }).notNull(),
    year: integer('year').notNull(),
    period: text('period', { enum: REPORT_PERIODS }).notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    dueDate: day('due_date').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    figures: jsonb('figures').$type<ReportFigures>().notNull(),
    xlsxFileId: uuid('xlsx_file_id'),
    pdfFileId: uuid('pdf_file_id'),
    generatedBy: uuid('generated_by').notNull(),
    generatedAt: ts('generated_at').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: ts('submitted_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    reviewComment: text('review_comment'),
    rowVersion: integer('row_version').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [unique('periodic_report_one_per_period').on(t.tenantId, t.year, t.period)],
);

export type ReportRow = typeof periodicReport.$inferSelect;
