import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors server/migrations/0020_mapping_tkksd.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const POSITIONS = ['KETUA', 'WAKIL_KETUA', 'SEKRETARIS', 'ANGGOTA'] as const;
export type Position = (typeof POSITIONS)[number];

export const tkksdPeriod = pgTable('tkksd_period', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  title: text('title').notNull(),
  decreeNumber: text('decree_number').notNull(),
  decreeDate: day('decree_date').notNull(),
  decreeFileId: uuid('decree_file_id'),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

export const tkksdMember = pgTable('tkksd_member', {
  id: uuid('id').primaryKey().defaultRandom(),
  periodId: uuid('period_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  position: text('position', { enum: POSITIONS }).notNull(),
  userId: uuid('user_id'),
  personName: text('person_name').notNull(),
  personTitle: text('person_title'),
  orgId: uuid('org_id').notNull(),
  validFrom: day('valid_from').notNull(),
  validTo: day('valid_to'),
  roleAssignmentId: uuid('role_assignment_id'),
  endedReason: text('ended_reason'),
  createdAt: ts('created_at').notNull(),
});

export type PeriodRow = typeof tkksdPeriod.$inferSelect;
export type MemberRow = typeof tkksdMember.$inferSelect;
