import { boolean, customType, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OptionalPublicField, PublicCooperation } from '../../../contracts/portal.js';

/** Mirrors server/migrations/0028_portal.sql. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const PUBLICATION_STATUSES = ['PUBLISHED', 'WITHDRAWN'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const RELEASE_TAGS = ['publication', 'update', 'withdrawal'] as const;
export type ReleaseTag = (typeof RELEASE_TAGS)[number];
export type Visibility = Record<OptionalPublicField, boolean>;

export const portalPublication = pgTable('portal_publication', {
  cooperationId: uuid('cooperation_id').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  status: text('status', { enum: PUBLICATION_STATUSES }).notNull(),
  visibility: jsonb('visibility').$type<Visibility>().notNull(),
  publicDocumentIds: uuid('public_document_ids').array().notNull(),
  firstPublishedAt: ts('first_published_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  rowVersion: integer('row_version').notNull(),
});

export const portalRelease = pgTable('portal_release', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull(),
  ocid: text('ocid').notNull(),
  sequence: integer('sequence').notNull(),
  tag: text('tag', { enum: RELEASE_TAGS }).notNull(),
  releasedAt: ts('released_at').notNull(),
  snapshot: jsonb('snapshot').$type<PublicCooperation>(),
  snapshotHash: text('snapshot_hash').notNull(),
});

export const portalEntry = pgTable('portal_entry', {
  cooperationId: uuid('cooperation_id').primaryKey(),
  releaseId: uuid('release_id').notNull(),
  sequence: integer('sequence').notNull(),
  ocid: text('ocid').notNull(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  kind: text('kind').notNull(),
  state: text('state').notNull(),
  urusanCodes: text('urusan_codes').array().notNull(),
  regionCodes: text('region_codes').array().notNull(),
  regionKeys: text('region_keys').array().notNull(),
  partyNames: text('party_names').array().notNull(),
  startDate: day('start_date'),
  endDate: day('end_date'),
  inactive: boolean('inactive').notNull(),
  releasedAt: ts('released_at').notNull(),
  searchText: text('search_text').notNull(),
  search: tsvector('search').notNull(),
});

export type PublicationRow = typeof portalPublication.$inferSelect;
export type ReleaseRow = typeof portalRelease.$inferSelect;
export type EntryRow = typeof portalEntry.$inferSelect;
