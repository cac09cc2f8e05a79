import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { loadVisibleCooperation } from '../cooperations/index.js';
import { getOrganizationSummary } from '../organizations/index.js';
import { audit, loadReadable, withMeeting, type Deps } from './meetings.access.js';
import { fieldErrors, meetingErrors, type FieldProblem } from './meetings.errors.js';
import { isReschedule, statusAfter, timeZoneOfRegion } from './meetings.models.js';
import * as policy from './meetings.policy.js';
import { presentMeeting, presentSummary, type CooperationRef } from './meetings.presenter.js';
import * as repo from './meetings.repository.js';
import type { ListQuery, MeetingCreateInput, MeetingDto, MeetingListDto } from './meetings.schemas.js';
import type { MeetingRow } from './meetings.tables.js';
import { calendarFor, sendCalendar } from './invitations.usecases.js';

const zoneOfTenant = async (db: Db, tenantId: string | null) => (tenantId ? timeZoneOfRegion((await getOrganizationSummary({ db, id: tenantId })).regionCode) : 'Asia/Jakarta');

export const listMeetings = async ({ db, actor, query }: { db: Db; actor: Actor; query: ListQuery }): Promise<MeetingListDto> => {
  const { rows, total } = await repo.listMeetings(db, { tenantIds: actor.scope.tenantIds, userId: actor.userId }, query);
  const home = policy.tenantForNewMeeting(actor) ?? actor.tenantId;

  return { items: rows.map(presentSummary), total, canCreate: policy.tenantForNewMeeting(actor) !== null, timeZone: await zoneOfTenant(db, home) };
};

/** The linked cooperation as the reader sees it: an invitee from elsewhere may not see it at all. */
const cooperationFor = async (db: Db, actor: Actor, id: string | null): Promise<CooperationRef> => {
  if (!id) return null;
  const c = await loadVisibleCooperation({ db, actor, id }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  });

  return c ? { id: c.id, code: c.code, title: c.title } : null;
};

export const presentOne = async (db: Db, actor: Actor, m: MeetingRow): Promise<MeetingDto> => {
  const [invitees, actions, cooperation] = await Promise.all([repo.inviteesOf(db, m.id), repo.actionsOf(db, m.id), cooperationFor(db, actor, m.cooperationId)]);

  return presentMeeting(m, invitees, actions, cooperation, actor);
};

export const getMeeting = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => presentOne(db, actor, await loadReadable(db, actor, id));

/** Times, place and link that fit together, and a cooperation the actor can see. */
const checkDetails = async (db: Db, actor: Actor, lang: Lang, input: MeetingCreateInput) => {
  const problems: FieldProblem[] = [];
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) problems.push({ path: 'endsAt', code: 'ends_before_start' });
  if (input.mode !== 'DARING' && !input.place) problems.push({ path: 'place', code: 'place_required' });
  if (input.mode !== 'LURING' && !input.onlineUrl) problems.push({ path: 'onlineUrl', code: 'link_required' });
  if (input.cooperationId && !(await cooperationFor(db, actor, input.cooperationId))) problems.push({ path: 'cooperationId', code: 'cooperation_not_found' });
  if (problems.length) throw fieldErrors(problems, lang);

  return {
    type: input.type,
    title: input.title,
    startsAt,
    endsAt,
    mode: input.mode,
    place: input.mode === 'DARING' ? null : input.place,
    onlineUrl: input.mode === 'LURING' ? null : input.onlineUrl,
    agenda: input.agenda.map((a) => ({ title: a.title, notes: a.notes || null })),
    cooperationId: input.cooperationId,
    mappingCycleId: input.mappingCycleId,
  };
};

export const createMeeting = async (deps: Deps, input: MeetingCreateInput) => {
  const tenantId = policy.tenantForNewMeeting(deps.actor);
  if (!tenantId) throw meetingErrors.manageForbidden();
  const m = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const details = await checkDetails(tx, deps.actor, deps.lang, input);
    const row = await repo.insertMeeting(tx, {
      ...details,
      tenantId,
      status: 'DRAFT',
      timeZone: await zoneOfTenant(tx, tenantId),
      decisions: [],
      sequence: 0,
      createdBy: deps.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(deps, tx, row, 'create', { type: row.type, title: row.title, startsAt: row.startsAt.toISOString() });

    return row;
  });

  return presentOne(deps.db, deps.actor, m);
};

/** Edits the details; once invitations went out a new time must go through reschedule (409). */
export const updateMeeting = async (deps: Deps, id: string, input: MeetingCreateInput) => {
  const m = await withMeeting(deps, id, 'edit', async (tx, m) => {
    const details = await checkDetails(tx, deps.actor, deps.lang, input);
    if (m.status === 'INVITED' && isReschedule(m, details)) throw meetingErrors.useReschedule();
    const updated = await repo.updateMeeting(tx, m.id, { ...details, updatedAt: deps.clock.now() });
    await audit(deps, tx, m, 'update', { title: updated.title });

    return updated;
  });

  return presentOne(deps.db, deps.actor, m);
};

/** A new time for an invited meeting: SEQUENCE goes up and everyone invited gets the updated entry. */
export const rescheduleMeeting = async (deps: Deps, id: string, input: { startsAt: string; endsAt: string }) => {
  const m = await withMeeting(deps, id, 'reschedule', async (tx, m) => {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw fieldErrors([{ path: 'endsAt', code: 'ends_before_start' }], deps.lang);
    const updated = await repo.updateMeeting(tx, m.id, { startsAt, endsAt, sequence: m.sequence + 1, updatedAt: deps.clock.now() });
    await sendCalendar(deps, tx, updated, (await repo.inviteesOf(tx, m.id)).filter((i) => i.invitedAt), 'reschedule');
    await audit(deps, tx, m, 'reschedule', { from: m.startsAt.toISOString(), to: startsAt.toISOString(), sequence: updated.sequence });

    return updated;
  });

  return presentOne(deps.db, deps.actor, m);
};

/** Cancels before it is held; everyone invited gets METHOD:CANCEL so the entry leaves their calendar. */
export const cancelMeeting = async (deps: Deps, id: string, reason: string) => {
  const m = await withMeeting(deps, id, 'cancel', async (tx, m) => {
    const updated = await repo.updateMeeting(tx, m.id, { status: statusAfter(m.status, 'cancel'), cancelReason: reason, sequence: m.sequence + 1, updatedAt: deps.clock.now() });
    await sendCalendar(deps, tx, updated, (await repo.inviteesOf(tx, m.id)).filter((i) => i.invitedAt), 'cancel');
    await audit(deps, tx, m, 'cancel', { reason });

    return updated;
  });

  return presentOne(deps.db, deps.actor, m);
};

/** The .ics of a meeting for the reader's own calendar. */
export const calendarFile = async ({ db, actor, id, mailFrom, publicUrl, now }: { db: Db; actor: Actor; id: string; mailFrom: string; publicUrl: string; now: Date }) => {
  const m = await loadReadable(db, actor, id);
  const organiser = (await getOrganizationSummary({ db, id: m.tenantId })).name;

  return calendarFor(m, { organiser, mailFrom, now, attendee: null, publicUrl });
};


/** For the mapping plenary: the pemda's meetings of a type for one cycle (or not tied to any), newest first. */
export const meetingsForCycle = (db: Db, tenantId: string, type: MeetingRow['type'], cycleId: string) => repo.meetingsForCycle(db, tenantId, type, cycleId);

/** A meeting with its attendance list, for a record another module prints (the plenary's Berita Acara). No access check: the caller has one. */
export const meetingRecord = async (db: Db, id: string) => {
  const meeting = await repo.findMeeting(db, id);

  return meeting ? { meeting, invitees: await repo.inviteesOf(db, id) } : undefined;
};
