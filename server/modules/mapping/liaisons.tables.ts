import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors server/migrations/0020_mapping_tkksd.sql. */
export const liaison = pgTable('liaison', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  opdId: uuid('opd_id').notNull(),
  userId: uuid('user_id'),
  personName: text('person_name').notNull(),
  personTitle: text('person_title'),
  decreeNumber: text('decree_number').notNull(),
  decreeDate: date('decree_date', { mode: 'string' }).notNull(),
  decreeFileId: uuid('decree_file_id'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  roleAssignmentId: uuid('role_assignment_id'),
  endedReason: text('ended_reason'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export type LiaisonRow = typeof liaison.$inferSelect;
