import type { MeetingStatus } from './meetings.tables.js';

/**
 * Pure rules of a meeting's life: DRAFT → INVITED (invitations sent) → HELD (minutes recorded),
 * or CANCELLED before it is held; finalised minutes lock the record of the meeting.
 */

export type MeetingStep = 'edit' | 'invite' | 'reschedule' | 'cancel' | 'attendance' | 'minutes' | 'actions' | 'finalise';

/** Why a step is refused (a 409 with this reason), or null when it may happen. */
export type StepBlock = 'wrong_status' | 'minutes_final' | 'minutes_missing';

const ALLOWED: Record<MeetingStep, readonly MeetingStatus[]> = {
  edit: ['DRAFT', 'INVITED'],
  invite: ['DRAFT', 'INVITED'],
  // A draft is simply edited: nobody holds its calendar entry yet.
  reschedule: ['INVITED'],
  cancel: ['DRAFT', 'INVITED'],
  attendance: ['INVITED', 'HELD'],
  minutes: ['INVITED', 'HELD'],
  actions: ['HELD'],
  finalise: ['HELD'],
};

/** The status a step leads to. */
export const statusAfter = (from: MeetingStatus, step: MeetingStep): MeetingStatus =>
  step === 'invite' ? 'INVITED' : step === 'cancel' ? 'CANCELLED' : step === 'minutes' ? 'HELD' : from;

export const stepBlock = (m: { status: MeetingStatus; minutesFinalisedAt: Date | null; minutes: string | null }, step: MeetingStep): StepBlock | null => {
  if (m.minutesFinalisedAt) return 'minutes_final';
  if (!ALLOWED[step].includes(m.status)) return 'wrong_status';
  if (step === 'finalise' && !m.minutes?.trim()) return 'minutes_missing';

  return null;
};

/** Whether the calendar entries people hold must be replaced: only a change of time does. */
export const isReschedule = (before: { startsAt: Date; endsAt: Date }, after: { startsAt: Date; endsAt: Date }) =>
  before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();

/**
 * Indonesia's three time zones by province code (Keppres 41/1987, with the provinces formed
 * since): WITA for Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi; WIT for
 * Maluku and the Papua provinces; WIB elsewhere. A meeting is shown in its pemda's zone.
 */
const WITA = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
const WIT = ['81', '82', '91', '92', '93', '94', '95', '96', '97'];
export const timeZoneOfRegion = (regionCode: string | null): string => {
  const province = (regionCode ?? '').slice(0, 2);
  if (WIT.includes(province)) return 'Asia/Jayapura';
  if (WITA.includes(province)) return 'Asia/Makassar';

  return 'Asia/Jakarta';
};

export const ZONE_LABEL: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "Sabtu, 25 April 2026, 09.00–12.30 WIT" for e-mails, in the meeting's zone. */
export const describeWhen = (start: Date, end: Date, timeZone: string, lang: 'id' | 'en') => {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(start);
  const time = (d: Date) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(d);

  return `${day}, ${time(start)}–${time(end)} ${ZONE_LABEL[timeZone] ?? timeZone}`;
};

/** Follow-up actions remind like monev items: due within the window, or overdue, while open. */
export const actionReminderStatus = (dueDate: string, today: string, dueSoonDays: number): 'DUE_SOON' | 'OVERDUE' | null => {
  if (dueDate < today) return 'OVERDUE';
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + dueSoonDays);

  return dueDate <= limit.toISOString().slice(0, 10) ? 'DUE_SOON' : null;
};
