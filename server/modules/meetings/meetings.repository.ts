import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import {
  meeting,
  meetingAction as action,
  meetingActionReminder as reminder,
  meetingInvitee as invitee,
  type ActionRow,
  type Attendance,
  type InviteeRow,
  type MeetingRow,
} from './meetings.tables.js';
import type { ListQuery } from './meetings.schemas.js';

/** The only SQL of meetings. Invitees and actions are always looked up within their meeting. */

export const insertMeeting = async (db: Db, row: typeof meeting.$inferInsert): Promise<MeetingRow> => (await db.insert(meeting).values(row).returning())[0]!;

export const findMeeting = async (db: Db, id: string, lock = false): Promise<MeetingRow | undefined> => {
  const q = db.select().from(meeting).where(eq(meeting.id, id)).limit(1);

  return (lock ? await q.for('update') : await q)[0];
};

export const updateMeeting = async (db: Db, id: string, patch: Partial<typeof meeting.$inferInsert>): Promise<MeetingRow> =>
  (await db.update(meeting).set(patch).where(eq(meeting.id, id)).returning())[0]!;

export const isInvited = async (db: Db, meetingId: string, userId: string) =>
  (await db.select({ id: invitee.id }).from(invitee).where(and(eq(invitee.meetingId, meetingId), eq(invitee.userId, userId))).limit(1)).length > 0;

/** Meetings of the reader's own pemda, plus those they are invited to, soonest first. */
export const listMeetings = async (db: Db, reader: { tenantIds: readonly string[]; userId: string }, q: ListQuery) => {
  const invited = sql`EXISTS (SELECT 1 FROM meeting_invitee i WHERE i.meeting_id = ${meeting.id} AND i.user_id = ${reader.userId})`;
  const where: (SQL | undefined)[] = [
    reader.tenantIds.length ? or(inArray(meeting.tenantId, [...reader.tenantIds]), invited) : invited,
    q.type ? eq(meeting.type, q.type) : undefined,
    q.status ? eq(meeting.status, q.status) : undefined,
    q.cooperationId ? eq(meeting.cooperationId, q.cooperationId) : undefined,
    q.mappingCycleId ? eq(meeting.mappingCycleId, q.mappingCycleId) : undefined,
    // Days as the meeting's own pemda reads them: 07.30 WIT is still the previous day in UTC.
    q.from ? sql`(${meeting.startsAt} AT TIME ZONE ${meeting.timeZone})::date >= ${q.from}::date` : undefined,
    q.to ? sql`(${meeting.startsAt} AT TIME ZONE ${meeting.timeZone})::date <= ${q.to}::date` : undefined,
  ];
  const condition = and(...where);
  const [rows, total] = await Promise.all([
    db.select().from(meeting).where(condition).orderBy(desc(meeting.startsAt), asc(meeting.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(meeting).where(condition),
  ]);

  return { rows, total: Number(total[0]?.n ?? 0) };
};

/** A pemda's meetings of one type tied to a mapping cycle or to none, not cancelled, newest first. */
export const meetingsForCycle = (db: Db, tenantId: string, type: MeetingRow['type'], cycleId: string): Promise<MeetingRow[]> =>
  db
    .select()
    .from(meeting)
    .where(and(eq(meeting.tenantId, tenantId), eq(meeting.type, type), sql`${meeting.status} <> 'CANCELLED'`, or(eq(meeting.mappingCycleId, cycleId), sql`${meeting.mappingCycleId} IS NULL`)))
    .orderBy(desc(meeting.startsAt), asc(meeting.id))
    .limit(50);

export const inviteesOf = (db: Db, meetingId: string): Promise<InviteeRow[]> =>
  db.select().from(invitee).where(eq(invitee.meetingId, meetingId)).orderBy(asc(invitee.walkIn), asc(invitee.createdAt), asc(invitee.name));

export const insertInvitees = async (db: Db, rows: (typeof invitee.$inferInsert)[]): Promise<InviteeRow[]> => (rows.length ? db.insert(invitee).values(rows).returning() : []);

export const markInvited = async (db: Db, ids: readonly string[], at: Date) => {
  if (ids.length) await db.update(invitee).set({ invitedAt: at }).where(inArray(invitee.id, [...ids]));
};

export const setAttendance = async (db: Db, meetingId: string, inviteeId: string, attendance: Attendance) => {
  await db.update(invitee).set({ attendance }).where(and(eq(invitee.meetingId, meetingId), eq(invitee.id, inviteeId)));
};

export const actionsOf = (db: Db, meetingId: string): Promise<ActionRow[]> => db.select().from(action).where(eq(action.meetingId, meetingId)).orderBy(asc(action.dueDate), asc(action.createdAt));

export const insertAction = async (db: Db, row: typeof action.$inferInsert): Promise<ActionRow> => (await db.insert(action).values(row).returning())[0]!;

export const findAction = async (db: Db, meetingId: string, id: string): Promise<ActionRow | undefined> =>
  (await db.select().from(action).where(and(eq(action.meetingId, meetingId), eq(action.id, id))).limit(1).for('update'))[0];

export const updateAction = async (db: Db, id: string, patch: Partial<typeof action.$inferInsert>) => {
  await db.update(action).set(patch).where(eq(action.id, id));
};

export const tenantsWithOpenActions = async (db: Db) =>
  (await db.selectDistinct({ tenantId: action.tenantId }).from(action).where(eq(action.status, 'OPEN'))).map((r) => r.tenantId);

/** Open follow-up actions due by `until`, of meetings that were held (a cancelled meeting has none). */
export const openActionsDueBy = async (db: Db, until: string) =>
  db
    .select({ id: action.id, title: action.title, ownerId: action.ownerId, dueDate: action.dueDate, tenantId: action.tenantId, meetingId: meeting.id, meetingTitle: meeting.title })
    .from(action)
    .innerJoin(meeting, eq(meeting.id, action.meetingId))
    .where(and(eq(action.status, 'OPEN'), sql`${action.dueDate} <= ${until}::date`, eq(meeting.status, 'HELD')))
    .orderBy(asc(action.dueDate), asc(action.id));

/** Claims one reminder; false when it was sent before (same action, due date and state). */
export const claimReminder = async (db: Db, row: typeof reminder.$inferInsert) =>
  (await db.insert(reminder).values(row).onConflictDoNothing().returning({ id: reminder.actionId })).length > 0;
