import { bigint, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors server/migrations/0016_monev_updates.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const UPDATE_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'SUPERSEDED'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];
export const UPDATE_ACTIONS = ['SAVE', 'SUBMIT', 'RETURN', 'APPROVE', 'SUPERSEDE', 'REVISE'] as const;
export type UpdateAction = (typeof UPDATE_ACTIONS)[number];

export type ActivityLine = { activityId: string; progress: number; realisationIdr: string | null };
export type IndicatorLine = { indicatorId: string; periodKey: string; value: string };
export type UpdateEvidence = { fileId: string; fileName: string };

export const monevProgressUpdate = pgTable('monev_progress_update', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  seriesId: uuid('series_id').notNull(),
  revision: integer('revision').notNull(),
  supersedesId: uuid('supersedes_id'),
  status: text('status', { enum: UPDATE_STATUSES }).notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  narrative: text('narrative').notNull(),
  activityLines: jsonb('activity_lines').$type<ActivityLine[]>().notNull(),
  indicatorLines: jsonb('indicator_lines').$type<IndicatorLine[]>().notNull(),
  evidence: jsonb('evidence').$type<UpdateEvidence[]>().notNull(),
  reason: text('reason'),
  reviewComment: text('review_comment'),
  authorId: uuid('author_id').notNull(),
  authorName: text('author_name').notNull(),
  authorOrgId: uuid('author_org_id').notNull(),
  submittedAt: ts('submitted_at'),
  reviewedBy: uuid('reviewed_by'),
  reviewedByName: text('reviewed_by_name'),
  reviewedAt: ts('reviewed_at'),
  approvedAt: ts('approved_at'),
  rowVersion: integer('row_version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const monevProgressUpdateEvent = pgTable('monev_progress_update_event', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  updateId: uuid('update_id').notNull(),
  at: ts('at').notNull(),
  action: text('action', { enum: UPDATE_ACTIONS }).notNull(),
  status: text('status', { enum: UPDATE_STATUSES }).notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  comment: text('comment'),
});

export type UpdateRow = typeof monevProgressUpdate.$inferSelect;
export type UpdateEventRow = typeof monevProgressUpdateEvent.$inferSelect;
