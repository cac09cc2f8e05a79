import { bigint, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Answers } from './answers.models.js';

/** Mirrors server/migrations/0022_mapping_cycle.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ANSWER_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export const ANSWER_ACTIONS = ['SAVE', 'SUBMIT', 'RETURN', 'ACCEPT', 'REOPEN'] as const;
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];

export const mappingAnswer = pgTable('mapping_answer', {
  id: uuid('id').primaryKey().defaultRandom(),
  cycleId: uuid('cycle_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  orgId: uuid('org_id').notNull(),
  questionnaireId: uuid('questionnaire_id').notNull(),
  status: text('status', { enum: ANSWER_STATUSES }).notNull(),
  answers: jsonb('answers').$type<Answers>().notNull(),
  revision: integer('revision').notNull(),
  reviewComment: text('review_comment'),
  submittedAt: ts('submitted_at'),
  submittedByName: text('submitted_by_name'),
  reviewedAt: ts('reviewed_at'),
  reviewedByName: text('reviewed_by_name'),
  rowVersion: integer('row_version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const mappingAnswerEvent = pgTable('mapping_answer_event', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  answerId: uuid('answer_id').notNull(),
  at: ts('at').notNull(),
  action: text('action', { enum: ANSWER_ACTIONS }).notNull(),
  status: text('status', { enum: ANSWER_STATUSES }).notNull(),
  revision: integer('revision').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  comment: text('comment'),
  answers: jsonb('answers').$type<Answers>(),
});

export type AnswerRow = typeof mappingAnswer.$inferSelect;
export type AnswerEventRow = typeof mappingAnswerEvent.$inferSelect;
