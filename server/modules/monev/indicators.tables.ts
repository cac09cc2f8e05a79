import { boolean, integer, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const amount = (name: string) => numeric(name, { precision: 18, scale: 4 });

export const DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export const FREQUENCIES = ['MONTHLY', 'QUARTERLY', 'SEMESTER', 'YEARLY'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export type Frequency = (typeof FREQUENCIES)[number];

/** Mirrors server/migrations/0015_monev_indicators.sql. */
export const monevIndicator = pgTable('monev_indicator', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  activityId: uuid('activity_id'),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  baseline: amount('baseline').notNull(),
  target: amount('target').notNull(),
  direction: text('direction', { enum: DIRECTIONS }).notNull(),
  frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
  byRegion: boolean('by_region').notNull(),
  weight: numeric('weight', { precision: 9, scale: 3 }).notNull(),
  rowVersion: integer('row_version').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

export const monevIndicatorValue = pgTable(
  'monev_indicator_value',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id').notNull(),
    period: text('period').notNull(),
    regionCode: text('region_code'),
    target: amount('target'),
    actual: amount('actual').notNull(),
    note: text('note').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [unique().on(t.indicatorId, t.period, t.regionCode).nullsNotDistinct()],
);

export type IndicatorRow = typeof monevIndicator.$inferSelect;
export type IndicatorValueRow = typeof monevIndicatorValue.$inferSelect;
