import { jakartaDay } from '../cooperations/index.js';
import { findRoleHolders } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { audit, loadReadable, meetingLink, withMeeting, type Deps } from './meetings.access.js';
import { fieldErrors, meetingErrors, type FieldProblem } from './meetings.errors.js';
import { statusAfter } from './meetings.models.js';
import * as policy from './meetings.policy.js';
import * as repo from './meetings.repository.js';
import type { ActionCreateInput, AttendanceInput } from './meetings.schemas.js';
import type { ActionStatus } from './meetings.tables.js';
import { presentOne } from './meetings.usecases.js';

/**
 * The record of a held meeting: attendance, minutes (notulen), numbered decisions and follow-up
 * actions. Finalising the minutes locks all of it; only an action's status moves on afterwards.
 */

/** Marks invitees present, absent or excused and adds walk-in attendees (always present). */
export const recordAttendance = async (deps: Deps, id: string, input: AttendanceInput) => {
  await withMeeting(deps, id, 'attendance', async (tx, m) => {
    const invitees = await repo.inviteesOf(tx, m.id);
    const problems: FieldProblem[] = input.marks.flatMap((mark, i) => (invitees.some((x) => x.id === mark.inviteeId) ? [] : [{ path: `marks.${i}.inviteeId`, code: 'invitee_not_found' }]));
    if (problems.length) throw fieldErrors(problems, deps.lang);
    for (const mark of input.marks) await repo.setAttendance(tx, m.id, mark.inviteeId, mark.attendance);
    const now = deps.clock.now();
    await repo.insertInvitees(
      tx,
      input.walkIns.map((w) => ({ meetingId: m.id, userId: null, name: w.name, email: null, organisation: w.organisation, walkIn: true, attendance: 'PRESENT' as const, createdAt: now })),
    );
    await audit(deps, tx, m, 'attendance', { marks: input.marks.length, walkIns: input.walkIns.length });
  });

  return presentOne(deps.db, deps.actor, await loadReadable(deps.db, deps.actor, id));
};

/** Writing the minutes records that the meeting was held. */
export const recordMinutes = async (deps: Deps, id: string, minutes: string) => {
  const m = await withMeeting(deps, id, 'minutes', async (tx, m) => {
    const updated = await repo.updateMeeting(tx, m.id, { minutes, status: statusAfter(m.status, 'minutes'), updatedAt: deps.clock.now() });
    await audit(deps, tx, m, 'minutes', { length: minutes.length, status: updated.status });

    return updated;
  });

  return presentOne(deps.db, deps.actor, m);
};

export const recordDecisions = async (deps: Deps, id: string, decisions: string[]) => {
  const m = await withMeeting(deps, id, 'minutes', async (tx, m) => {
    const updated = await repo.updateMeeting(tx, m.id, { decisions, status: statusAfter(m.status, 'minutes'), updatedAt: deps.clock.now() });
    await audit(deps, tx, m, 'decisions', { count: decisions.length });

    return updated;
  });

  return presentOne(deps.db, deps.actor, m);
};

export const finaliseMinutes = async (deps: Deps, id: string) => {
  const m = await withMeeting(deps, id, 'finalise', async (tx, m) => {
    const updated = await repo.updateMeeting(tx, m.id, { minutesFinalisedAt: deps.clock.now(), minutesFinalisedByName: deps.actor.name, updatedAt: deps.clock.now() });
    await audit(deps, tx, m, 'finalise', { decisions: m.decisions.length });

    return updated;
  });

  return presentOne(deps.db, deps.actor, m);
};

/** A follow-up action owned by a person of the organising pemda, told in-app at once. */
export const createAction = async (deps: Deps, id: string, input: ActionCreateInput) => {
  await withMeeting(deps, id, 'actions', async (tx, m) => {
    const [owner] = await findRoleHolders({ db: tx, onDate: jakartaDay(deps.clock.now()), tenantIds: [m.tenantId], userIds: [input.ownerId] });
    if (!owner) throw fieldErrors([{ path: 'ownerId', code: 'user_not_in_pemda' }], deps.lang);
    const a = await repo.insertAction(tx, { meetingId: m.id, tenantId: m.tenantId, title: input.title, ownerId: owner.id, ownerName: owner.name, dueDate: input.dueDate, status: 'OPEN', createdAt: deps.clock.now() });
    await notify({
      db: tx,
      clock: deps.clock,
      publicUrl: deps.publicUrl,
      recipients: [owner],
      notice: {
        kind: 'meetings.action_assigned',
        title: { id: 'Tindak lanjut rapat untuk Anda: {action}', en: 'A follow-up action for you: {action}' },
        body: { id: 'Dari rapat “{meeting}”, tenggat {due}.', en: 'From the meeting “{meeting}”, due {due}.' },
        params: { action: a.title, meeting: m.title, due: a.dueDate },
        link: meetingLink(m.id),
        tenantId: m.tenantId,
        email: false,
      },
    });
    await audit(deps, tx, m, 'action_create', { actionId: a.id, ownerId: a.ownerId, dueDate: a.dueDate });
  });

  return presentOne(deps.db, deps.actor, await loadReadable(deps.db, deps.actor, id));
};

/** Open or done: by the owner or a manager of the meeting's pemda, also after the minutes are final. */
export const setActionStatus = async (deps: Deps, id: string, actionId: string, status: ActionStatus) => {
  await deps.db.transaction(async (tx) => {
    const m = await loadReadable(tx, deps.actor, id);
    const a = await repo.findAction(tx, m.id, actionId);
    if (!a) throw meetingErrors.actionNotFound();
    if (!policy.canSetActionStatus(deps.actor, a)) throw meetingErrors.actionForbidden();
    if (a.status === status) return;
    await repo.updateAction(tx, a.id, { status, doneAt: status === 'DONE' ? deps.clock.now() : null });
    await audit(deps, tx, m, 'action_status', { actionId: a.id, status });
  });

  return presentOne(deps.db, deps.actor, await loadReadable(deps.db, deps.actor, id));
};
