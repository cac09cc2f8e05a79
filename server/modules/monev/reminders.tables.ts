import { boolean, date, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Mirrors server/migrations/0018_monev_reminders.sql. */
export const monevDormancyStep = pgTable(
  'monev_dormancy_step',
  {
    cooperationId: uuid('cooperation_id').notNull(),
    episodeStart: date('episode_start', { mode: 'string' }).notNull(),
    step: smallint('step').notNull(),
    role: text('role').notNull(),
    notifiedAt: ts('notified_at').notNull(),
    skipped: boolean('skipped').notNull(),
    recipients: integer('recipients').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cooperationId, t.episodeStart, t.step] })],
);

export const REMINDER_ITEM_KINDS = ['MILESTONE', 'OBLIGATION', 'UPDATE', 'EVALUATION'] as const;
export type ReminderItemKind = (typeof REMINDER_ITEM_KINDS)[number];
export type ReminderStatus = 'DUE_SOON' | 'OVERDUE';

export const monevReminderSent = pgTable(
  'monev_reminder_sent',
  {
    cooperationId: uuid('cooperation_id').notNull(),
    itemKind: text('item_kind', { enum: REMINDER_ITEM_KINDS }).notNull(),
    itemKey: text('item_key').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['DUE_SOON', 'OVERDUE'] }).notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cooperationId, t.itemKind, t.itemKey, t.dueDate, t.status] })],
);
