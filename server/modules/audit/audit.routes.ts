import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import type { AuditContext } from './audit.usecases.js';

/** The audit context of a request: the signed-in actor, the request id and the client address. */
export const auditContextOf = (c: Context<AppEnv>): AuditContext => {
  const actor = c.get('actor');

  return { actorUserId: actor?.userId ?? null, actorOrgId: actor?.orgId ?? null, requestId: c.get('requestId'), ip: c.get('clientIp') };
};
