import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const emailMessage = pgTable('email_message', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body'),
  status: text('status', { enum: ['queued', 'sent', 'outbox', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull(),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
});
