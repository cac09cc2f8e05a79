import { integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ITEM_KINDS } from './questionnaires.models.js';

/** Mirrors server/migrations/0025_mapping_potentials.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const POTENTIAL_STATUSES = ['DIUSULKAN', 'DIPRIORITASKAN', 'DITETAPKAN', 'DIBATALKAN', 'DITINDAKLANJUTI'] as const;
export type PotentialStatus = (typeof POTENTIAL_STATUSES)[number];

export const mappingPotential = pgTable('mapping_potential', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  cycleId: uuid('cycle_id').notNull(),
  answerId: uuid('answer_id').notNull(),
  orgId: uuid('org_id').notNull(),
  sectionId: text('section_id').notNull(),
  itemIndex: integer('item_index').notNull(),
  sourceTitle: text('source_title').notNull(),
  kind: text('kind', { enum: ITEM_KINDS }).notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  urusanCodes: text('urusan_codes').array().notNull(),
  issueIds: uuid('issue_ids').array().notNull(),
  locationCodes: text('location_codes').array().notNull(),
  candidatePartners: text('candidate_partners').notNull(),
  expectedBenefit: text('expected_benefit').notNull(),
  costEstimateIdr: numeric('cost_estimate_idr', { precision: 18, scale: 2 }),
  status: text('status', { enum: POTENTIAL_STATUSES }).notNull(),
  statusReason: text('status_reason'),
  cooperationIds: uuid('cooperation_ids').array().notNull(),
  rowVersion: integer('row_version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export type PotentialRow = typeof mappingPotential.$inferSelect;
export type PotentialInsert = typeof mappingPotential.$inferInsert;
