import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type TemplateSection = { clause: string | null; heading: string; text: string };

export const documentTemplate = pgTable('document_template', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id'),
  type: text('type').notNull(),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  sections: jsonb('sections').$type<TemplateSection[]>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
