import { boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Organisation types (ksd-domain.md §8.2); UNIT is any other unit of a pemda (bagian, UPT). */
export const ORGANIZATION_TYPES = [
  'PEMDA',
  'OPD',
  'UNIT',
  'DPRD',
  'PIHAK_KETIGA',
  'FOREIGN_LOCAL_GOV',
  'FOREIGN_INSTITUTION',
  'KL_PUSAT',
  'GWPP',
  'KEMENDAGRI_UNIT',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const organization = pgTable('organization', {
  id: uuid('id').primaryKey().defaultRandom(),
  type: text('type', { enum: ORGANIZATION_TYPES }).notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  regionCode: text('region_code'),
  parentId: uuid('parent_id'),
  tenantId: uuid('tenant_id'),
  legalForm: text('legal_form'),
  countryCode: text('country_code'),
  registryIds: jsonb('registry_ids').$type<Record<string, string>>().notNull(),
  website: text('website'),
  active: boolean('active').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
