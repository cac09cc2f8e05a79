import { date, integer, numeric, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors server/migrations/0012_monev_workplan.sql; IDR amounts stay strings (numeric(18,2)). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const ACTIVITY_STATUSES = ['DIRENCANAKAN', 'BERJALAN', 'SELESAI', 'TERTUNDA', 'DIBATALKAN'] as const;
export const OBLIGATION_STATUSES = ['BELUM_JATUH_TEMPO', 'DIPENUHI', 'SEBAGIAN', 'TIDAK_DIPENUHI'] as const;
export const MILESTONE_STATUSES = ['TERJADWAL', 'TERCAPAI', 'TIDAK_TERCAPAI', 'TERCAPAI_SEBAGIAN'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const workPlanActivity = pgTable('work_plan_activity', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  agreementDocumentId: uuid('agreement_document_id'),
  name: text('name').notNull(),
  description: text('description').notNull(),
  responsibleOrgId: uuid('responsible_org_id').notNull(),
  responsibleOpdId: uuid('responsible_opd_id'),
  plannedStart: day('planned_start').notNull(),
  plannedEnd: day('planned_end').notNull(),
  budget: numeric('budget', { precision: 18, scale: 2 }).notNull(),
  realisation: numeric('realisation', { precision: 18, scale: 2 }).notNull(),
  outputs: text('outputs').array().notNull(),
  status: text('status', { enum: ACTIVITY_STATUSES }).notNull(),
  weight: numeric('weight', { precision: 9, scale: 3 }).notNull(),
  progress: smallint('progress').notNull().default(0),
  /** The approved progress update these figures come from (0016): progress and realisation are then locked. */
  figuresUpdateId: uuid('figures_update_id'),
  rowVersion: integer('row_version').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

export const workPlanObligation = pgTable('work_plan_obligation', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  partyOrgId: uuid('party_org_id').notNull(),
  description: text('description').notNull(),
  dueDate: day('due_date'),
  status: text('status', { enum: OBLIGATION_STATUSES }).notNull(),
  note: text('note').notNull(),
  fulfilledAt: ts('fulfilled_at'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

export const workPlanMilestone = pgTable('work_plan_milestone', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  activityId: uuid('activity_id'),
  name: text('name').notNull(),
  dueDate: day('due_date').notNull(),
  status: text('status', { enum: MILESTONE_STATUSES }).notNull(),
  note: text('note').notNull(),
  decidedAt: ts('decided_at'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

export type ActivityRow = typeof workPlanActivity.$inferSelect;
export type ObligationRow = typeof workPlanObligation.$inferSelect;
export type MilestoneRow = typeof workPlanMilestone.$inferSelect;
