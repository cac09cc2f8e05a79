import { buildIcs, type IcsPerson } from '../../platform/render/ics.js';
import type { Db } from '../../platform/db/database.js';
import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { jakartaDay } from '../cooperations/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify, sendEmail } from '../notifications/index.js';
import { getOrganizationSummary } from '../organizations/index.js';
import { audit, meetingLink, withMeeting, type Deps } from './meetings.access.js';
import { fieldErrors, type FieldProblem } from './meetings.errors.js';
import { describeWhen, statusAfter } from './meetings.models.js';
import * as repo from './meetings.repository.js';
import type { InviteInput } from './meetings.schemas.js';
import type { InviteeRow, MeetingRow, MeetingType } from './meetings.tables.js';

export type CalendarKind = 'invite' | 'reschedule' | 'cancel';

export const TYPE_NAMES: Record<MeetingType, Message> = {
  FORUM_MITRA: { id: 'Forum KSD dengan calon mitra', en: 'Cooperation forum with potential partners' },
  SOSIALISASI: { id: 'Sosialisasi', en: 'Briefing (sosialisasi)' },
  RAKOR_OPD: { id: 'Rapat koordinasi OPD', en: 'OPD coordination meeting' },
  RAPAT_PLENO_TKKSD: { id: 'Rapat pleno TKKSD', en: 'TKKSD plenary meeting' },
  PEMBAHASAN: { id: 'Rapat pembahasan', en: 'Drafting discussion' },
  PENANDATANGANAN: { id: 'Penandatanganan', en: 'Signing' },
  MONEV: { id: 'Rapat monitoring dan evaluasi', en: 'Monitoring and evaluation meeting' },
};

const SUBJECT: Record<CalendarKind, Message> = {
  invite: { id: 'Undangan: {title}', en: 'Invitation: {title}' },
  reschedule: { id: 'Perubahan jadwal: {title}', en: 'Rescheduled: {title}' },
  cancel: { id: 'Dibatalkan: {title}', en: 'Cancelled: {title}' },
};
const OPENING: Record<CalendarKind, Message> = {
  invite: { id: '{pemda} mengundang Anda ke rapat berikut.', en: '{pemda} invites you to the following meeting.' },
  reschedule: { id: '{pemda} mengubah jadwal rapat berikut. Entri kalender terlampir menggantikan yang lama.', en: '{pemda} has rescheduled the following meeting. The attached calendar entry replaces the old one.' },
  cancel: { id: '{pemda} membatalkan rapat berikut: {reason}', en: '{pemda} has cancelled the following meeting: {reason}' },
};
const LABELS = {
  when: { id: 'Waktu', en: 'When' },
  place: { id: 'Tempat', en: 'Place' },
  link: { id: 'Tautan rapat daring', en: 'Online meeting link' },
  agenda: { id: 'Agenda', en: 'Agenda' },
} satisfies Record<string, Message>;

/** Only the address of "Jejaring <noreply@…>". */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from;

/** The calendar entry of a meeting; only the recipient is named as attendee, so no guest sees another's address. */
export const calendarFor = (m: MeetingRow, o: { organiser: string; mailFrom: string; now: Date; attendee: IcsPerson | null; publicUrl: string }) =>
  buildIcs({
    method: m.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST',
    uid: `${m.id}@jejaring`,
    sequence: m.sequence,
    stamp: o.now,
    start: m.startsAt,
    end: m.endsAt,
    summary: m.title,
    description: [
      ...m.agenda.map((a, i) => `${i + 1}. ${a.title}${a.notes ? ` — ${a.notes}` : ''}`),
      ...(m.onlineUrl ? ['', m.onlineUrl] : []),
      '',
      `${o.publicUrl.replace(/\/$/, '')}${meetingLink(m.id)}`,
    ].join('\n'),
    location: m.place ?? m.onlineUrl ?? undefined,
    url: m.onlineUrl ?? undefined,
    organizer: { name: o.organiser, email: addressOf(o.mailFrom) },
    attendees: o.attendee ? [o.attendee] : [],
  });

const mailText = (m: MeetingRow, kind: CalendarKind, lang: Lang, pemda: string) =>
  [
    format(OPENING[kind], lang, { pemda, reason: m.cancelReason ?? '' }),
    '',
    m.title,
    format(TYPE_NAMES[m.type], lang, {}),
    `${format(LABELS.when, lang, {})}: ${describeWhen(m.startsAt, m.endsAt, m.timeZone, lang)}`,
    ...(m.place ? [`${format(LABELS.place, lang, {})}: ${m.place}`] : []),
    ...(m.onlineUrl ? [`${format(LABELS.link, lang, {})}: ${m.onlineUrl}`] : []),
    ...(m.agenda.length ? ['', `${format(LABELS.agenda, lang, {})}:`, ...m.agenda.map((a, i) => `${i + 1}. ${a.title}`)] : []),
  ].join('\n');

/**
 * E-mails the calendar entry to invitees (with the .ics attached) and tells platform users in-app
 * too. Queued in the caller's transaction: nothing goes out unless the change commits.
 */
export const sendCalendar = async (deps: Deps, tx: Db, m: MeetingRow, invitees: readonly InviteeRow[], kind: CalendarKind) => {
  const recipients = invitees.filter((i) => i.email && !i.walkIn);
  if (recipients.length === 0) return;
  const pemda = (await getOrganizationSummary({ db: tx, id: m.tenantId })).name;
  const userIds = recipients.flatMap((i) => (i.userId ? [i.userId] : []));
  const users = userIds.length ? await findRoleHolders({ db: tx, onDate: jakartaDay(deps.clock.now()), tenantIds: [m.tenantId], userIds }) : [];
  const method = kind === 'cancel' ? 'CANCEL' : 'REQUEST';
  for (const i of recipients) {
    const user = users.find((u) => u.id === i.userId);
    const lang: Lang = user?.locale === 'en' ? 'en' : 'id';
    const ics = calendarFor(m, { organiser: pemda, mailFrom: deps.mailFrom, now: deps.clock.now(), attendee: { name: i.name, email: i.email! }, publicUrl: deps.publicUrl });
    await sendEmail({
      db: tx,
      clock: deps.clock,
      message: {
        to: i.email!,
        subject: format(SUBJECT[kind], lang, { title: m.title }),
        text: mailText(m, kind, lang, pemda),
        tenantId: m.tenantId,
        attachments: [{ filename: kind === 'cancel' ? 'pembatalan.ics' : 'undangan.ics', contentType: `text/calendar; method=${method}; charset=UTF-8`, content: ics }],
      },
    });
  }
  if (users.length)
    await notify({
      db: tx,
      clock: deps.clock,
      publicUrl: deps.publicUrl,
      recipients: users,
      notice: {
        kind: `meetings.${kind}`,
        title: SUBJECT[kind],
        body: { id: '{whenId}', en: '{whenEn}' },
        params: { title: m.title, whenId: describeWhen(m.startsAt, m.endsAt, m.timeZone, 'id'), whenEn: describeWhen(m.startsAt, m.endsAt, m.timeZone, 'en') },
        link: meetingLink(m.id),
        tenantId: m.tenantId,
        email: false,
      },
    });
};

/**
 * Adds invitees (people of the organising pemda, external guests by e-mail) and sends the
 * calendar entry to everyone not invited yet; the meeting becomes INVITED.
 */
export const invite = async (deps: Deps, id: string, input: InviteInput) =>
  withMeeting(deps, id, 'invite', async (tx, m) => {
    const existing = await repo.inviteesOf(tx, m.id);
    const problems: FieldProblem[] = [];
    const userIds = [...new Set(input.userIds)];
    const people = userIds.length ? await findRoleHolders({ db: tx, onDate: jakartaDay(deps.clock.now()), tenantIds: [m.tenantId], userIds }) : [];
    const now = deps.clock.now();
    const rows: (typeof import('./meetings.tables.js').meetingInvitee.$inferInsert)[] = [];
    userIds.forEach((uid, i) => {
      const p = people.find((x) => x.id === uid);
      if (!p) problems.push({ path: `userIds.${i}`, code: 'user_not_in_pemda' });
      else if (!existing.some((e) => e.userId === uid)) rows.push({ meetingId: m.id, userId: uid, name: p.name, email: p.email, organisation: p.orgName, walkIn: false, createdAt: now });
    });
    const seen = new Set(existing.flatMap((e) => (e.email ? [e.email.toLowerCase()] : [])).concat(rows.map((r) => r.email!.toLowerCase())));
    input.guests.forEach((g, i) => {
      const email = g.email.toLowerCase();
      if (seen.has(email)) problems.push({ path: `guests.${i}.email`, code: 'already_invited' });
      else {
        seen.add(email);
        rows.push({ meetingId: m.id, userId: null, name: g.name, email: g.email, organisation: g.organisation, walkIn: false, createdAt: now });
      }
    });
    if (problems.length) throw fieldErrors(problems, deps.lang);
    await repo.insertInvitees(tx, rows);
    const pending = (await repo.inviteesOf(tx, m.id)).filter((i) => !i.walkIn && !i.invitedAt);
    if (pending.length === 0 && existing.length === 0) throw fieldErrors([{ path: 'userIds', code: 'no_invitees' }], deps.lang);
    const updated = await repo.updateMeeting(tx, m.id, { status: statusAfter(m.status, 'invite'), updatedAt: now });
    await sendCalendar(deps, tx, updated, pending, 'invite');
    await repo.markInvited(tx, pending.map((i) => i.id), now);
    await audit(deps, tx, m, 'invite', { invited: pending.length, guests: input.guests.length });

    return updated.id;
  });
