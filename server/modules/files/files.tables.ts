import { bigint, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const storedFile = pgTable('stored_file', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  fileName: text('file_name').notNull(),
  tenantId: uuid('tenant_id'),
  orgId: uuid('org_id').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
