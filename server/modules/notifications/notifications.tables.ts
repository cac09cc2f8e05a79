import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file sent with a message (the .ics of a meeting invitation), its content as text. */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export const emailMessage = pgTable('email_message', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id'),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body'),
  // 0021_meetings.sql: null for mail without attachments.
  attachments: jsonb('attachments').$type<EmailAttachment[]>(),
  status: text('status', { enum: ['queued', 'sent', 'outbox', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull(),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
});

export const notification = pgTable('notification', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  tenantId: uuid('tenant_id'),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  // Set when the e-mail waits for the daily digest (0018_monev_reminders.sql).
  digestTo: text('digest_to'),
  digestLang: text('digest_lang'),
  digestGroup: text('digest_group'),
  digestedAt: timestamp('digested_at', { withTimezone: true, mode: 'date' }),
});
