import type { Actor } from '../../platform/http/context.js';
import { ROLE_PERMISSIONS, type Role } from '../identity/index.js';

/**
 * Who may do what with a pemda's meetings. Reading: the pemda's own people, and anyone invited
 * (a partner's user, another pemda's official). Managing: the secretariat, the TKKSD chair and
 * secretary of that pemda. Everyone else is answered as if the meeting did not exist.
 */

export type ActorFacts = Pick<Actor, 'userId' | 'tenantId' | 'roles' | 'scope'>;

/** The pemda where the actor holds a role carrying meeting.manage. */
export const managedTenants = (actor: Pick<ActorFacts, 'roles'>) => [
  ...new Set(actor.roles.filter((r) => r.tenantId && (ROLE_PERMISSIONS[r.role as Role] ?? []).includes('meeting.manage')).map((r) => r.tenantId!)),
];

export const canManage = (actor: Pick<ActorFacts, 'roles'>, tenantId: string) => managedTenants(actor).includes(tenantId);

/** The pemda a new meeting belongs to: the actor's home pemda when they manage there, otherwise the first they manage. */
export const tenantForNewMeeting = (actor: Pick<ActorFacts, 'roles' | 'tenantId'>): string | null => {
  const managed = managedTenants(actor);

  return actor.tenantId && managed.includes(actor.tenantId) ? actor.tenantId : (managed[0] ?? null);
};

export const isOwnPemda = (actor: Pick<ActorFacts, 'scope'>, tenantId: string) => actor.scope.tenantIds.includes(tenantId);

export const canRead = (actor: Pick<ActorFacts, 'scope'>, m: { tenantId: string }, invited: boolean) => invited || isOwnPemda(actor, m.tenantId);

/** A follow-up action is ticked off by its owner or by a manager of the meeting's pemda. */
export const canSetActionStatus = (actor: Pick<ActorFacts, 'roles' | 'userId'>, a: { tenantId: string; ownerId: string }) => a.ownerId === actor.userId || canManage(actor, a.tenantId);
