import { z } from '@hono/zod-openapi';
import { ACTION_STATUSES, ATTENDANCE, MEETING_MODES, MEETING_STATUSES, MEETING_TYPES } from './meetings.tables.js';

const instant = z.iso.datetime({ offset: true }).openapi({ example: '2026-04-25T09:00:00+09:00', description: 'With its offset; stored in UTC' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const MeetingParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const ActionParamSchema = MeetingParamSchema.extend({ actionId: z.uuid().openapi({ param: { name: 'actionId', in: 'path' } }) });

const AgendaItemSchema = z.strictObject({ title: text(300), notes: z.string().trim().max(2000).nullable().default(null) });

const details = {
  type: z.enum(MEETING_TYPES),
  title: text(300),
  startsAt: instant,
  endsAt: instant,
  mode: z.enum(MEETING_MODES).openapi({ description: 'LURING in person, DARING online, HYBRID both' }),
  place: z.string().trim().max(300).nullable().default(null),
  onlineUrl: z.url({ protocol: /^https?$/ }).max(1000).nullable().default(null),
  agenda: z.array(AgendaItemSchema).max(50).default([]).openapi({ description: 'In order' }),
  cooperationId: z.uuid().nullable().default(null).openapi({ description: 'A cooperation the actor can see' }),
  mappingCycleId: z.uuid().nullable().default(null).openapi({ description: 'The mapping cycle the meeting belongs to (mapping module)' }),
};

export const MeetingCreateSchema = z.strictObject(details).openapi('MeetingCreate');
export type MeetingCreateInput = z.infer<typeof MeetingCreateSchema>;
export const MeetingUpdateSchema = z.strictObject(details).openapi('MeetingUpdate', { description: 'Replaces the details; once invited, a new time goes through reschedule' });
export type MeetingUpdateInput = z.infer<typeof MeetingUpdateSchema>;

export const InviteSchema = z
  .strictObject({
    userIds: z.array(z.uuid()).max(200).default([]).openapi({ description: 'People of the organising pemda' }),
    guests: z.array(z.strictObject({ name: text(200), email: z.email().max(254), organisation: z.string().trim().max(300).nullable().default(null) })).max(200).default([]),
  })
  .openapi('MeetingInvite', { description: 'Adds invitees and sends every not-yet-invited one an e-mail with the calendar entry' });
export type InviteInput = z.infer<typeof InviteSchema>;

export const RescheduleSchema = z.strictObject({ startsAt: instant, endsAt: instant }).openapi('MeetingReschedule');
export const CancelSchema = z.strictObject({ reason: text(2000) }).openapi('MeetingCancel');

export const AttendanceSchema = z
  .strictObject({
    marks: z.array(z.strictObject({ inviteeId: z.uuid(), attendance: z.enum(ATTENDANCE) })).max(400).default([]),
    walkIns: z.array(z.strictObject({ name: text(200), organisation: z.string().trim().max(300).nullable().default(null) })).max(200).default([]),
  })
  .openapi('MeetingAttendance');
export type AttendanceInput = z.infer<typeof AttendanceSchema>;

export const MinutesSchema = z.strictObject({ minutes: z.string().trim().max(50_000) }).openapi('MeetingMinutes');
export const DecisionsSchema = z.strictObject({ decisions: z.array(text(2000)).max(100) }).openapi('MeetingDecisions', { description: 'Numbered by position' });
export const ActionCreateSchema = z.strictObject({ title: text(500), ownerId: z.uuid(), dueDate: z.iso.date() }).openapi('MeetingActionCreate');
export type ActionCreateInput = z.infer<typeof ActionCreateSchema>;
export const ActionStatusSchema = z.strictObject({ status: z.enum(ACTION_STATUSES) }).openapi('MeetingActionStatus');

export const ListQuerySchema = z.strictObject({
  type: z.enum(MEETING_TYPES).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: z.iso.date().optional().openapi({ description: 'Meetings starting on or after this day, in the meeting’s own zone' }),
  to: z.iso.date().optional().openapi({ description: 'Meetings starting on or before this day, in the meeting’s own zone' }),
  cooperationId: z.uuid().optional(),
  mappingCycleId: z.uuid().optional().openapi({ description: 'Meetings of a mapping cycle (the TKKSD plenary and others)' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

const InviteeSchema = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  email: z.string().nullable().openapi({ description: 'Shown to the meeting’s managers only (personal data)' }),
  organisation: z.string().nullable(),
  walkIn: z.boolean(),
  attendance: z.enum(ATTENDANCE).nullable(),
  invitedAt: z.string().nullable(),
});

const ActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  doneAt: z.string().nullable(),
  canSetStatus: z.boolean(),
});

const summary = {
  id: z.uuid(),
  tenantId: z.uuid(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string().openapi({ description: 'IANA zone of the pemda (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)' }),
  mode: z.enum(MEETING_MODES),
  place: z.string().nullable(),
  cooperationId: z.uuid().nullable(),
  minutesFinal: z.boolean(),
};

export const MeetingSummarySchema = z.object(summary).openapi('MeetingSummary');

export const MeetingSchema = z
  .object({
    ...summary,
    onlineUrl: z.string().nullable(),
    agenda: z.array(z.object({ title: z.string(), notes: z.string().nullable() })),
    cooperation: z.object({ id: z.uuid(), code: z.string().nullable(), title: z.string() }).nullable(),
    mappingCycleId: z.uuid().nullable(),
    minutes: z.string().nullable(),
    decisions: z.array(z.string()),
    minutesFinalisedAt: z.string().nullable(),
    minutesFinalisedBy: z.string().nullable(),
    sequence: z.number().int(),
    cancelReason: z.string().nullable(),
    invitees: z.array(InviteeSchema),
    actions: z.array(ActionSchema),
    canManage: z.boolean(),
  })
  .openapi('Meeting');
export type MeetingDto = z.infer<typeof MeetingSchema>;

export const MeetingListSchema = z
  .object({
    items: z.array(MeetingSummarySchema),
    total: z.number().int(),
    canCreate: z.boolean(),
    timeZone: z.string().openapi({ description: 'The zone new meetings of the reader’s pemda are entered in' }),
  })
  .openapi('MeetingList');
export type MeetingListDto = z.infer<typeof MeetingListSchema>;
