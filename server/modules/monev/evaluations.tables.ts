import { boolean, date, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Rubric } from './evaluations.models.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Mirrors server/migrations/0013_monev_evaluations.sql. */
export const monevRubric = pgTable('monev_rubric', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  version: integer('version').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  rubric: jsonb('rubric').$type<Rubric>().notNull(),
  note: text('note').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

export const monevEvaluation = pgTable('monev_evaluation', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  period: text('period').notNull(),
  isFinal: boolean('is_final').notNull(),
  status: text('status').$type<'OPEN' | 'FINAL'>().notNull(),
  rubricVersion: integer('rubric_version'),
  rubric: jsonb('rubric').$type<Rubric>().notNull(),
  score: numeric('score', { precision: 3, scale: 2 }),
  findings: text('findings'),
  recommendation: text('recommendation').$type<'LANJUT' | 'PERBAIKI' | 'HENTIKAN'>(),
  openedBy: uuid('opened_by'),
  openedAt: ts('opened_at').notNull(),
  finalisedBy: uuid('finalised_by'),
  finalisedAt: ts('finalised_at'),
});

export type Evidence = { fileId: string; fileName: string };

export const monevRating = pgTable(
  'monev_rating',
  {
    evaluationId: uuid('evaluation_id').notNull(),
    criterion: text('criterion').notNull(),
    raterUserId: uuid('rater_user_id').notNull(),
    raterName: text('rater_name').notNull(),
    raterRole: text('rater_role').$type<'OPD' | 'MITRA' | 'TKKSD' | 'SEKRETARIAT'>().notNull(),
    raterOrgId: uuid('rater_org_id').notNull(),
    score: smallint('score').notNull(),
    note: text('note').notNull(),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.raterUserId, t.criterion] })],
);
