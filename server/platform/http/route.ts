import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.js';
import { commonErrors } from './errors.js';

/**
 * Deny by default: every route states who may call it, and the guard runs before validation so
 * that an unauthenticated caller learns nothing about the shape of a request.
 * - public: anyone (sign-in, health, public reference lists)
 * - authenticated: any signed-in user; the use case still scopes data to what they may see
 * - permission: a signed-in user holding the named permission through an active role
 */
export type Policy =
  | { kind: 'public'; reason: string }
  | { kind: 'authenticated'; allowRestricted?: boolean }
  | { kind: 'permission'; permission: string };

export const policyGuard = (policy: Policy) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (policy.kind !== 'public') {
      const actor = c.get('actor');
      if (!actor) throw commonErrors.unauthenticated();
      if (actor.restricted && !(policy.kind === 'authenticated' && policy.allowRestricted)) throw commonErrors.twoFactorEnrolmentRequired();
      if (policy.kind === 'permission' && !actor.permissions.has(policy.permission)) throw commonErrors.forbidden();
    }
    await next();
  });

const describePolicy = (policy: Policy) =>
  policy.kind === 'permission' ? `permission:${policy.permission}` : policy.kind;

/** createRoute plus its policy: the guard is attached and the policy is published as x-policy. */
export const defineRoute = <const R extends RouteConfig>(config: R & { policy: Policy }) => {
  const { policy, ...route } = config;
  const existing = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];

  return createRoute({
    ...route,
    middleware: [policyGuard(policy), ...existing],
    'x-policy': describePolicy(policy),
    ...(policy.kind !== 'public' ? { security: [{ session: [] }] } : {}),
  } as unknown as R);
};
