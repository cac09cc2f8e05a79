import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Definition } from './questionnaires.models.js';

/** Mirrors server/migrations/0022_mapping_cycle.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const mappingQuestionnaire = pgTable('mapping_questionnaire', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  familyId: uuid('family_id').notNull(),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  definition: jsonb('definition').$type<Definition>().notNull(),
  isDefault: boolean('is_default').notNull(),
  createdBy: uuid('created_by'),
  rowVersion: integer('row_version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export type QuestionnaireRow = typeof mappingQuestionnaire.$inferSelect;
