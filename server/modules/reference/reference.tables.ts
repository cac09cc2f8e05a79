import { boolean, date, doublePrecision, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const regionDataset = pgTable('region_dataset', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(),
  sourceDecree: text('source_decree').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  checksum: text('checksum').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const REGION_LEVELS = ['PROVINSI', 'KABUPATEN', 'KOTA', 'KECAMATAN', 'DESA'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const region = pgTable('region', {
  code: text('code').primaryKey(),
  level: text('level', { enum: REGION_LEVELS }).notNull(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  provinceCode: text('province_code').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  sourceDecree: text('source_decree').notNull(),
  datasetId: integer('dataset_id'),
  successorCodes: text('successor_codes').array().notNull(),
  lon: doublePrecision('lon'),
  lat: doublePrecision('lat'),
});

export const regionChildrenLoaded = pgTable('region_children_loaded', {
  parentCode: text('parent_code').primaryKey(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const URUSAN_GROUPS = ['WAJIB_PD', 'WAJIB_NON_PD', 'PILIHAN', 'PENUNJANG'] as const;

export const urusan = pgTable('urusan', {
  code: text('code').primaryKey(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  group: text('urusan_group', { enum: URUSAN_GROUPS }).notNull(),
  parentCode: text('parent_code'),
  sort: integer('sort').notNull(),
});

export const strategicIssue = pgTable('strategic_issue', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull(),
  sort: integer('sort').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
