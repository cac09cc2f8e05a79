import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors server/migrations/0026_mapping_plenary.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const mappingScore = pgTable(
  'mapping_score',
  {
    potentialId: uuid('potential_id').notNull(),
    criterion: text('criterion').notNull(),
    score: integer('score').notNull(),
    scoredBy: uuid('scored_by'),
    scoredAt: ts('scored_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.potentialId, t.criterion] })],
);

/** What a decided plenary keeps, as the Berita Acara and the draft SK print it. */
export type PlenarySnapshot = {
  meeting: { id: string; title: string; startsAt: string; endsAt: string; timeZone: string; place: string | null; mode: string };
  scoring: { scale: { min: number; max: number }; criteria: { key: string; weight: number; label: { id: string; en: string } }[] };
  items: {
    potentialId: string;
    rank: number;
    total: number;
    priority: boolean;
    title: string;
    kind: string;
    orgName: string;
    urusanCodes: string[];
    costEstimateIdr: string | null;
    scores: Record<string, number>;
  }[];
  attendance: { name: string; organisation: string | null; attendance: string | null; walkIn: boolean }[];
  decisions: string[];
};

export const mappingPlenary = pgTable('mapping_plenary', {
  cycleId: uuid('cycle_id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  meetingId: uuid('meeting_id').notNull(),
  decidedAt: ts('decided_at').notNull(),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name').notNull(),
  notes: text('notes'),
  snapshot: jsonb('snapshot').$type<PlenarySnapshot>().notNull(),
  rowVersion: integer('row_version').notNull(),
});

export type PlenaryRow = typeof mappingPlenary.$inferSelect;
