import type { Actor } from '../../platform/http/context.js';
import { canReadTenant } from '../organizations/index.js';

/**
 * Who does what in a pemda's mapping: the secretariat and the TKKSD chair and secretary run it
 * (cycle, questionnaire, review); an OPD's liaison (PPKSD) or head answers for that OPD only;
 * everyone working in the pemda (and its overseers) may read it.
 */
export const MANAGER_ROLES = ['KSD_SECRETARIAT_ADMIN', 'TKKSD_KETUA', 'TKKSD_SEKRETARIS'] as const;
export const ANSWERER_ROLES = ['PPKSD', 'OPD_HEAD'] as const;

export type ActorFacts = Pick<Actor, 'roles' | 'scope'>;

export const rolesIn = (actor: Pick<Actor, 'roles'>, tenantId: string) => actor.roles.filter((r) => r.tenantId === tenantId).map((r) => r.role);

export const canManage = (actor: Pick<Actor, 'roles'>, tenantId: string) => rolesIn(actor, tenantId).some((r) => (MANAGER_ROLES as readonly string[]).includes(r));

/** A liaison or head of that very OPD (a role held in the OPD organisation itself). */
export const canAnswerFor = (actor: Pick<Actor, 'roles'>, orgId: string) => actor.roles.some((r) => r.orgId === orgId && (ANSWERER_ROLES as readonly string[]).includes(r.role));

export const canRead = (actor: ActorFacts, tenant: { tenantId: string; regionCode: string | null }) => canReadTenant(actor.scope, tenant);

/** The pemda a new cycle or questionnaire belongs to: the one asked for, else the only one the actor manages. */
export const managedTenant = (actor: Pick<Actor, 'roles'>, asked: string | undefined): string | null => {
  const managed = [...new Set(actor.roles.filter((r) => r.tenantId && (MANAGER_ROLES as readonly string[]).includes(r.role)).map((r) => r.tenantId!))];
  if (asked) return managed.includes(asked) ? asked : null;

  return managed.length === 1 ? managed[0]! : null;
};

/** The OPDs the actor answers for within one pemda (for "my answer" links). */
export const answeringOrgs = (actor: Pick<Actor, 'roles'>, tenantId: string) =>
  [...new Set(actor.roles.filter((r) => r.tenantId === tenantId && (ANSWERER_ROLES as readonly string[]).includes(r.role)).map((r) => r.orgId))];
