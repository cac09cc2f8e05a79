import { api, unwrap, type Schemas } from '../../lib/api';

export type Meeting = Schemas['Meeting'];
export type MeetingList = Schemas['MeetingList'];
export type MeetingInput = Schemas['MeetingCreate'];
export type MeetingType = Meeting['type'];
export type Attendance = NonNullable<Meeting['invitees'][number]['attendance']>;

export const MEETING_TYPES: readonly MeetingType[] = ['FORUM_MITRA', 'SOSIALISASI', 'RAKOR_OPD', 'RAPAT_PLENO_TKKSD', 'PEMBAHASAN', 'PENANDATANGANAN', 'MONEV'];
export const MODES: readonly Meeting['mode'][] = ['LURING', 'DARING', 'HYBRID'];
export const ATTENDANCE: readonly Attendance[] = ['PRESENT', 'ABSENT', 'EXCUSED'];

export type ListFilter = { type?: MeetingType | undefined; from?: string | undefined; to?: string | undefined; cooperationId?: string | undefined; mappingCycleId?: string | undefined; offset?: number };

export const meetingsKey = (filter: ListFilter) => ['meetings', filter] as const;
export const meetingKey = (id: string) => ['meetings', 'one', id] as const;

export const fetchMeetings = (f: ListFilter, limit = 25) => unwrap(api.GET('/api/meetings', { params: { query: { ...f, limit } } }));
export const fetchMeeting = (id: string) => unwrap(api.GET('/api/meetings/{id}', { params: { path: { id } } }));
export const createMeeting = (body: MeetingInput) => unwrap(api.POST('/api/meetings', { body }));
export const updateMeeting = (id: string, body: MeetingInput) => unwrap(api.PUT('/api/meetings/{id}', { params: { path: { id } }, body }));
export const inviteToMeeting = (id: string, body: Schemas['MeetingInvite']) => unwrap(api.POST('/api/meetings/{id}/invitations', { params: { path: { id } }, body }));
export const rescheduleMeeting = (id: string, body: Schemas['MeetingReschedule']) => unwrap(api.POST('/api/meetings/{id}/reschedule', { params: { path: { id } }, body }));
export const cancelMeeting = (id: string, reason: string) => unwrap(api.POST('/api/meetings/{id}/cancel', { params: { path: { id } }, body: { reason } }));
export const recordAttendance = (id: string, body: Schemas['MeetingAttendance']) => unwrap(api.PUT('/api/meetings/{id}/attendance', { params: { path: { id } }, body }));
export const recordMinutes = (id: string, minutes: string) => unwrap(api.PUT('/api/meetings/{id}/minutes', { params: { path: { id } }, body: { minutes } }));
export const recordDecisions = (id: string, decisions: string[]) => unwrap(api.PUT('/api/meetings/{id}/decisions', { params: { path: { id } }, body: { decisions } }));
export const finaliseMinutes = (id: string) => unwrap(api.POST('/api/meetings/{id}/minutes/finalise', { params: { path: { id } }, body: {} }));
export const addAction = (id: string, body: Schemas['MeetingActionCreate']) => unwrap(api.POST('/api/meetings/{id}/actions', { params: { path: { id } }, body }));
export const setActionStatus = (id: string, actionId: string, status: 'OPEN' | 'DONE') =>
  unwrap(api.PUT('/api/meetings/{id}/actions/{actionId}/status', { params: { path: { id, actionId } }, body: { status } }));
export const fetchPemdaUsers = () => unwrap(api.GET('/api/users', { params: { query: { status: 'ACTIVE', limit: 200 } } }));
export const calendarUrl = (id: string) => `/api/meetings/${id}/calendar.ics`;

/** Indonesia has no daylight saving: each zone is one fixed offset. */
const OFFSETS: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };
const offsetOf = (zone: string) => OFFSETS[zone] ?? 7;

/** "2026-04-25T09:00" typed in the pemda's zone → "2026-04-25T09:00:00+09:00". */
export const toInstant = (local: string, zone: string) => `${local}:00+${String(offsetOf(zone)).padStart(2, '0')}:00`;

/** An ISO instant → the "YYYY-MM-DDTHH:mm" a datetime-local input shows, in the pemda's zone. */
export const toLocalInput = (iso: string, zone: string) => new Date(Date.parse(iso) + offsetOf(zone) * 3_600_000).toISOString().slice(0, 16);
