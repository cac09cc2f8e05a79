import type { Actor } from '../../platform/http/context.js';
import * as policy from './meetings.policy.js';
import type { MeetingDto } from './meetings.schemas.js';
import type { ActionRow, InviteeRow, MeetingRow } from './meetings.tables.js';

export type CooperationRef = { id: string; code: string | null; title: string } | null;

export const presentSummary = (m: MeetingRow) => ({
  id: m.id,
  tenantId: m.tenantId,
  type: m.type,
  title: m.title,
  status: m.status,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  timeZone: m.timeZone,
  mode: m.mode,
  place: m.place,
  cooperationId: m.cooperationId,
  minutesFinal: m.minutesFinalisedAt !== null,
});

/** A meeting as the reader may see it: e-mail addresses of invitees only for its managers (personal data). */
export const presentMeeting = (m: MeetingRow, invitees: readonly InviteeRow[], actions: readonly ActionRow[], cooperation: CooperationRef, actor: Actor): MeetingDto => {
  const manager = policy.canManage(actor, m.tenantId);

  return {
    ...presentSummary(m),
    onlineUrl: m.onlineUrl,
    agenda: m.agenda,
    cooperation,
    mappingCycleId: m.mappingCycleId,
    minutes: m.minutes,
    decisions: m.decisions,
    minutesFinalisedAt: m.minutesFinalisedAt?.toISOString() ?? null,
    minutesFinalisedBy: m.minutesFinalisedByName,
    sequence: m.sequence,
    cancelReason: m.cancelReason,
    invitees: invitees.map((i) => ({
      id: i.id,
      userId: i.userId,
      name: i.name,
      email: manager || i.userId === actor.userId ? i.email : null,
      organisation: i.organisation,
      walkIn: i.walkIn,
      attendance: i.attendance,
      invitedAt: i.invitedAt?.toISOString() ?? null,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: { id: a.ownerId, name: a.ownerName },
      dueDate: a.dueDate,
      status: a.status,
      doneAt: a.doneAt?.toISOString() ?? null,
      canSetStatus: policy.canSetActionStatus(actor, a),
    })),
    canManage: manager,
  };
};
