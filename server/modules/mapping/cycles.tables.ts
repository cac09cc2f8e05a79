import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STAGES, type ScheduleItem } from './cycles.models.js';

/** Mirrors server/migrations/0022_mapping_cycle.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const mappingCycle = pgTable('mapping_cycle', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  year: integer('year').notNull(),
  stage: text('stage', { enum: STAGES }).notNull(),
  questionnaireId: uuid('questionnaire_id').notNull(),
  answerDeadline: date('answer_deadline', { mode: 'string' }).notNull(),
  schedule: jsonb('schedule').$type<ScheduleItem[]>().notNull(),
  decreeNumber: text('decree_number'),
  decreeDate: date('decree_date', { mode: 'string' }),
  createdBy: uuid('created_by'),
  rowVersion: integer('row_version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const mappingCycleParticipant = pgTable(
  'mapping_cycle_participant',
  {
    cycleId: uuid('cycle_id').notNull(),
    orgId: uuid('org_id').notNull(),
    deadline: date('deadline', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.orgId] })],
);

export type CycleRow = typeof mappingCycle.$inferSelect;
export type ParticipantRow = typeof mappingCycleParticipant.$inferSelect;
