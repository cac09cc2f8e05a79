import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { buildPemdaWorld, type PemdaWorld } from '../../test/cooperations.factories.js';
import { emailMessage } from '../notifications/notifications.tables.js';
import { sendDailyDigests } from '../notifications/index.js';
import { runActionReminders } from './index.js';
import type { MeetingDto, MeetingListDto } from './meetings.schemas.js';

type Problem = { status: number; code: string; errors?: { path: string; code: string }[] };

describeEachDatabase('meetings: invitations with calendar files, minutes locked when final, follow-up actions in reminders', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;

  const call = async (session: PemdaWorld['sessions'][keyof PemdaWorld['sessions']] | undefined, path: string, method = 'GET', json?: unknown) => {
    const res = await ctx().request(path, { method, json, session });

    return { status: res.status, body: (await res.json()) as unknown };
  };
  const ok = async <T = MeetingDto>(session: PemdaWorld['sessions']['secretariat'], path: string, method = 'GET', json?: unknown, status = 200): Promise<T> => {
    const res = await call(session, path, method, json);
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);

    return res.body as T;
  };
  const refused = async (session: PemdaWorld['sessions']['secretariat'] | undefined, path: string, method: string, json: unknown, status: number, code?: string) => {
    const res = await call(session, path, method, json);
    assert.equal(res.status, status, `${method} ${path}: ${JSON.stringify(res.body)}`);
    if (code) assert.equal((res.body as Problem).code, code);

    return res.body as Problem;
  };
  /** The newest mail to an address, with its attachment. */
  const mailTo = async (to: string) => (await ctx().db.select().from(emailMessage).where(eq(emailMessage.toAddress, to)).orderBy(desc(emailMessage.createdAt), desc(emailMessage.id)))[0];
  const details = {
    type: 'FORUM_MITRA',
    title: 'Forum KSD air bersih dengan calon mitra',
    startsAt: '2026-03-10T09:00:00+09:00',
    endsAt: '2026-03-10T12:30:00+09:00',
    mode: 'HYBRID',
    place: 'Aula Kantor Bupati, Wamena',
    onlineUrl: 'https://vicon.example.go.id/forum-ksd',
    agenda: [{ title: 'Pembukaan' }, { title: 'Paparan potensi air bersih', notes: 'Dinas PUPR' }],
  };

  before(async () => {
    a = await buildPemdaWorld(ctx(), '95.01', 'Kabupaten Jayawijaya');
    b = await buildPemdaWorld(ctx(), '95.02', 'Kabupaten Lanny Jaya');
    id = (await ok(a.sessions.secretariat, '/api/meetings', 'POST', details, 201)).id;
  });

  it('creates a draft in the pemda’s zone (WIT for Jayawijaya), stored in UTC; only managers may create', async () => {
    const m = await ok(a.sessions.secretariat, `/api/meetings/${id}`);
    assert.equal(m.status, 'DRAFT');
    assert.equal(m.timeZone, 'Asia/Jayapura');
    assert.equal(m.startsAt, '2026-03-10T00:00:00.000Z');
    assert.deepEqual(m.agenda, [{ title: 'Pembukaan', notes: null }, { title: 'Paparan potensi air bersih', notes: 'Dinas PUPR' }]);
    await refused(a.sessions.opdStaff, '/api/meetings', 'POST', details, 403);
    const bad = await refused(a.sessions.secretariat, '/api/meetings', 'POST', { ...details, mode: 'LURING', place: null, endsAt: details.startsAt }, 422, 'meetings.invalid');
    assert.deepEqual(bad.errors?.map((e) => [e.path, e.code]).sort(), [['endsAt', 'ends_before_start'], ['place', 'place_required']]);
    await refused(a.sessions.secretariat, `/api/meetings/${id}/minutes`, 'PUT', { minutes: 'Terlalu awal' }, 409, 'meetings.wrong_status');
  });

  it('invites a pemda user and an external guest: e-mails with an .ics (METHOD:REQUEST, stable UID) and an in-app notice', async () => {
    const m = await ok(a.sessions.secretariat, `/api/meetings/${id}/invitations`, 'POST', {
      userIds: [a.users.opdStaff.id],
      guests: [{ name: 'Yakobus Wenda', email: 'yakobus@mitra.example.org', organisation: 'PT Air Baliem' }],
    });
    assert.equal(m.status, 'INVITED');
    assert.equal(m.invitees.length, 2);
    const guest = await mailTo('yakobus@mitra.example.org');
    assert.ok(guest, 'the guest got an e-mail');
    assert.equal(guest.subject, 'Undangan: Forum KSD air bersih dengan calon mitra');
    assert.match(guest.textBody, /Selasa, 10 Maret 2026, 09\.00–12\.30 WIT/);
    const [att] = guest.attachments ?? [];
    assert.equal(att?.filename, 'undangan.ics');
    assert.equal(att?.contentType, 'text/calendar; method=REQUEST; charset=UTF-8');
    const ics = att!.content;
    for (const line of ['METHOD:REQUEST', `UID:${id}@jejaring`, 'SEQUENCE:0', 'DTSTART:20260310T000000Z', 'DTEND:20260310T033000Z', 'LOCATION:Aula Kantor Bupati\\, Wamena'])
      assert.ok(ics.includes(`\r\n${line}\r\n`), `${line} in ${ics}`);
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
    assert.ok(ics.includes('mailto:yakobus@mitra.example.org'));
    assert.ok(!ics.includes(a.users.opdStaff.email), 'a guest never sees another invitee’s address');
    assert.ok((await mailTo(a.users.opdStaff.email))?.attachments?.[0]?.content.includes(`UID:${id}@jejaring`));
    const inbox = (await ok<{ items: { kind: string }[] }>(a.sessions.opdStaff, '/api/notifications')).items;
    assert.ok(inbox.some((n) => n.kind === 'meetings.invite'));
    // The guest's address is for the managers only.
    const asStaff = await ok(a.sessions.opdStaff, `/api/meetings/${id}`);
    assert.equal(asStaff.invitees.find((i) => i.name === 'Yakobus Wenda')?.email, null);
    await refused(a.sessions.secretariat, `/api/meetings/${id}/invitations`, 'POST', { guests: [{ name: 'Lagi', email: 'YAKOBUS@mitra.example.org' }] }, 422, 'meetings.invalid');
  });

  it('refuses a new time through edit once invited, and a reschedule sends SEQUENCE 1 to everyone', async () => {
    ctx().clock.advance(60_000);
    await refused(a.sessions.secretariat, `/api/meetings/${id}`, 'PUT', { ...details, startsAt: '2026-03-11T09:00:00+09:00', endsAt: '2026-03-11T12:00:00+09:00' }, 409, 'meetings.use_reschedule');
    const m = await ok(a.sessions.secretariat, `/api/meetings/${id}/reschedule`, 'POST', { startsAt: '2026-03-11T09:00:00+09:00', endsAt: '2026-03-11T12:00:00+09:00' });
    assert.equal(m.sequence, 1);
    for (const to of ['yakobus@mitra.example.org', a.users.opdStaff.email]) {
      const mail = await mailTo(to);
      assert.match(mail!.subject, /^Perubahan jadwal/);
      const ics = mail!.attachments![0]!.content;
      assert.ok(ics.includes(`\r\nUID:${id}@jejaring\r\nSEQUENCE:1\r\n`), ics);
      assert.ok(ics.includes('\r\nDTSTART:20260311T000000Z\r\n'));
    }
    const file = await ctx().request(`/api/meetings/${id}/calendar.ics`, { session: a.sessions.opdStaff });
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.ok((await file.text()).includes('SEQUENCE:1'));
  });

  it('records attendance, minutes, decisions and an action; finalised minutes are locked (409)', async () => {
    const invited = (await ok(a.sessions.secretariat, `/api/meetings/${id}`)).invitees;
    const withAttendance = await ok(a.sessions.secretariat, `/api/meetings/${id}/attendance`, 'PUT', {
      marks: invited.map((i, n) => ({ inviteeId: i.id, attendance: n === 0 ? 'PRESENT' : 'EXCUSED' })),
      walkIns: [{ name: 'Kepala Distrik Wamena', organisation: 'Distrik Wamena' }],
    });
    assert.deepEqual(withAttendance.invitees.map((i) => [i.walkIn, i.attendance]), [[false, 'PRESENT'], [false, 'EXCUSED'], [true, 'PRESENT']]);
    assert.equal((await ok(a.sessions.secretariat, `/api/meetings/${id}/minutes`, 'PUT', { minutes: 'Forum membahas potensi air bersih Baliem.' })).status, 'HELD');
    await ok(a.sessions.secretariat, `/api/meetings/${id}/decisions`, 'PUT', { decisions: ['Menyusun KAK kerja sama air bersih', 'Survei lokasi bersama'] });
    const withAction = await ok(a.sessions.secretariat, `/api/meetings/${id}/actions`, 'POST', { title: 'Menyusun KAK', ownerId: a.users.opdStaff.id, dueDate: '2026-03-05' });
    assert.equal(withAction.actions[0]?.owner.id, a.users.opdStaff.id);
    await refused(a.sessions.secretariat, `/api/meetings/${id}/actions`, 'POST', { title: 'Titipan', ownerId: b.users.opdStaff.id, dueDate: '2026-03-05' }, 422, 'meetings.invalid');
    await refused(a.sessions.opdStaff, `/api/meetings/${id}/minutes`, 'PUT', { minutes: 'Bukan pengelola' }, 403);
    const final = await ok(a.sessions.tkksd, `/api/meetings/${id}/minutes/finalise`, 'POST', {});
    assert.ok(final.minutesFinalisedAt);
    await refused(a.sessions.secretariat, `/api/meetings/${id}/minutes`, 'PUT', { minutes: 'Diubah' }, 409, 'meetings.minutes_final');
    await refused(a.sessions.secretariat, `/api/meetings/${id}/decisions`, 'PUT', { decisions: [] }, 409, 'meetings.minutes_final');
    await refused(a.sessions.secretariat, `/api/meetings/${id}/attendance`, 'PUT', { walkIns: [{ name: 'Terlambat' }] }, 409, 'meetings.minutes_final');
    await refused(a.sessions.secretariat, `/api/meetings/${id}/actions`, 'POST', { title: 'Baru', ownerId: a.users.opdStaff.id, dueDate: '2026-03-20' }, 409, 'meetings.minutes_final');
    assert.equal((await ok(a.sessions.secretariat, `/api/meetings/${id}`)).minutes, 'Forum membahas potensi air bersih Baliem.');
  });

  it('puts the open follow-up action in its owner’s reminders and daily digest, once; the owner ticks it off', async () => {
    assert.deepEqual(await runActionReminders({ db: ctx().db, clock: ctx().clock, publicUrl: 'https://jejaring.test' }), { reminded: 1 });
    assert.deepEqual(await runActionReminders({ db: ctx().db, clock: ctx().clock, publicUrl: 'https://jejaring.test' }), { reminded: 0 });
    const inbox = (await ok<{ items: { kind: string; title: string }[] }>(a.sessions.opdStaff, '/api/notifications')).items;
    assert.ok(inbox.some((n) => n.kind === 'meetings.reminder.action' && n.title === 'Tindak lanjut “Menyusun KAK” jatuh tempo 5 Maret 2026'), JSON.stringify(inbox));
    ctx().clock.advance(60_000);
    await sendDailyDigests({ db: ctx().db, clock: ctx().clock, publicUrl: 'https://jejaring.test' });
    const digest = await mailTo(a.users.opdStaff.email);
    assert.match(digest!.subject, /^Ringkasan harian Jejaring/);
    assert.match(digest!.textBody, /Tindak lanjut rapat \(1\)[\s\S]*Menyusun KAK/);
    const action = (await ok(a.sessions.opdStaff, `/api/meetings/${id}`)).actions[0]!;
    assert.equal(action.canSetStatus, true);
    const done = await ok(a.sessions.opdStaff, `/api/meetings/${id}/actions/${action.id}/status`, 'PUT', { status: 'DONE' });
    assert.equal(done.actions[0]?.status, 'DONE');
    await refused(a.sessions.opdHead, `/api/meetings/${id}/actions/${action.id}/status`, 'PUT', { status: 'OPEN' }, 403, 'meetings.action_forbidden');
  });

  it('cancels an invited meeting with METHOD:CANCEL to the invitees', async () => {
    const other = await ok(a.sessions.secretariat, '/api/meetings', 'POST', { ...details, type: 'RAKOR_OPD', title: 'Rakor OPD', mode: 'LURING', onlineUrl: null }, 201);
    await ok(a.sessions.secretariat, `/api/meetings/${other.id}/invitations`, 'POST', { guests: [{ name: 'Tamu', email: 'tamu@example.org' }] });
    ctx().clock.advance(60_000);
    const cancelled = await ok(a.sessions.secretariat, `/api/meetings/${other.id}/cancel`, 'POST', { reason: 'Bertepatan dengan kunjungan gubernur' });
    assert.equal(cancelled.status, 'CANCELLED');
    const ics = (await mailTo('tamu@example.org'))!.attachments![0]!.content;
    assert.ok(ics.includes('\r\nMETHOD:CANCEL\r\n') && ics.includes(`\r\nUID:${other.id}@jejaring\r\nSEQUENCE:1\r\n`) && ics.includes('\r\nSTATUS:CANCELLED\r\n'));
    await refused(a.sessions.secretariat, `/api/meetings/${other.id}/cancel`, 'POST', { reason: 'Lagi' }, 409, 'meetings.wrong_status');
  });

  it('lists by filter; another pemda sees nothing (404), an invitee from there sees the meeting; no session is 401', async () => {
    const list = await ok<MeetingListDto>(a.sessions.secretariat, '/api/meetings?type=FORUM_MITRA&from=2026-03-01&to=2026-03-31');
    assert.deepEqual(list.items.map((m) => m.id), [id]);
    assert.equal(list.canCreate, true);
    assert.equal((await ok<MeetingListDto>(a.sessions.secretariat, '/api/meetings?type=SOSIALISASI')).total, 0);
    // 07.30 WIT on 20 March is 19 March in UTC: days are the pemda's own.
    const early = await ok(a.sessions.secretariat, '/api/meetings', 'POST', { ...details, type: 'SOSIALISASI', startsAt: '2026-03-20T07:30:00+09:00', endsAt: '2026-03-20T09:00:00+09:00' }, 201);
    assert.deepEqual((await ok<MeetingListDto>(a.sessions.secretariat, '/api/meetings?from=2026-03-20&to=2026-03-20')).items.map((m) => m.id), [early.id]);
    assert.equal((await ok<MeetingListDto>(a.sessions.secretariat, '/api/meetings?type=SOSIALISASI&to=2026-03-19')).total, 0);
    assert.equal((await ok<MeetingListDto>(b.sessions.secretariat, '/api/meetings')).total, 0);
    await refused(b.sessions.secretariat, `/api/meetings/${id}`, 'GET', undefined, 404, 'meetings.not_found');
    await refused(b.sessions.secretariat, `/api/meetings/${id}/calendar.ics`, 'GET', undefined, 404);
    await refused(b.sessions.secretariat, `/api/meetings/${id}/cancel`, 'POST', { reason: 'B' }, 404);
    assert.equal((await ctx().request('/api/meetings')).status, 401);
    assert.equal((await ctx().request(`/api/meetings/${id}`)).status, 401);
  });
});
