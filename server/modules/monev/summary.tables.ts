import { integer, numeric, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors server/migrations/0019_monev_summary.sql: what dashboards sum, one row per cooperation. */
export const monevSummary = pgTable('monev_summary', {
  cooperationId: uuid('cooperation_id').primaryKey(),
  activities: integer('activities').notNull(),
  budget: numeric('budget', { precision: 18, scale: 2 }).notNull(),
  realisation: numeric('realisation', { precision: 18, scale: 2 }).notNull(),
  indicators: integer('indicators').notNull(),
  indicatorsMeasured: integer('indicators_measured').notNull(),
  indicatorsAchieved: integer('indicators_achieved').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
