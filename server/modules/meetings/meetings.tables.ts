import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors server/migrations/0021_meetings.sql. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const MEETING_TYPES = ['FORUM_MITRA', 'SOSIALISASI', 'RAKOR_OPD', 'RAPAT_PLENO_TKKSD', 'PEMBAHASAN', 'PENANDATANGANAN', 'MONEV'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_STATUSES = ['DRAFT', 'INVITED', 'HELD', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_MODES = ['LURING', 'DARING', 'HYBRID'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const ATTENDANCE = ['PRESENT', 'ABSENT', 'EXCUSED'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ACTION_STATUSES = ['OPEN', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type AgendaItem = { title: string; notes: string | null };

export const meeting = pgTable('meeting', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull(),
  type: text('type', { enum: MEETING_TYPES }).notNull(),
  title: text('title').notNull(),
  status: text('status', { enum: MEETING_STATUSES }).notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  timeZone: text('time_zone').notNull(),
  mode: text('mode', { enum: MEETING_MODES }).notNull(),
  place: text('place'),
  onlineUrl: text('online_url'),
  agenda: jsonb('agenda').$type<AgendaItem[]>().notNull(),
  cooperationId: uuid('cooperation_id'),
  mappingCycleId: uuid('mapping_cycle_id'),
  minutes: text('minutes'),
  decisions: jsonb('decisions').$type<string[]>().notNull(),
  minutesFinalisedAt: ts('minutes_finalised_at'),
  minutesFinalisedByName: text('minutes_finalised_by_name'),
  sequence: integer('sequence').notNull(),
  cancelReason: text('cancel_reason'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const meetingInvitee = pgTable('meeting_invitee', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  userId: uuid('user_id'),
  name: text('name').notNull(),
  email: text('email'),
  organisation: text('organisation'),
  walkIn: boolean('walk_in').notNull(),
  attendance: text('attendance', { enum: ATTENDANCE }),
  invitedAt: ts('invited_at'),
  createdAt: ts('created_at').notNull(),
});

export const meetingAction = pgTable('meeting_action', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  tenantId: uuid('tenant_id').notNull(),
  title: text('title').notNull(),
  ownerId: uuid('owner_id').notNull(),
  ownerName: text('owner_name').notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  status: text('status', { enum: ACTION_STATUSES }).notNull(),
  doneAt: ts('done_at'),
  createdAt: ts('created_at').notNull(),
});

export const meetingActionReminder = pgTable(
  'meeting_action_reminder',
  {
    actionId: uuid('action_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['DUE_SOON', 'OVERDUE'] }).notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.dueDate, t.status] })],
);

export type MeetingRow = typeof meeting.$inferSelect;
export type InviteeRow = typeof meetingInvitee.$inferSelect;
export type ActionRow = typeof meetingAction.$inferSelect;
