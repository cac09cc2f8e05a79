import { z } from '@hono/zod-openapi';
import type { Actor } from '../../platform/http/context.js';
import { requiresTwoFactor } from './identity.policy.js';
import type { MeDescription } from './identity.usecases.js';

export const LoginSchema = z
  .strictObject({
    email: z.email().max(254).openapi({ example: 'sekretariat.hss@demo.jejaring.id' }),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .trim()
      .min(6)
      .max(20)
      .optional()
      .openapi({ description: 'Six-digit authenticator code, or a recovery code, when two-factor is on' }),
  })
  .openapi('LoginRequest');

export const LoginResultSchema = z
  .object({
    userId: z.uuid(),
    csrfToken: z.string().openapi({ description: 'Send as the X-CSRF-Token header on every write' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('LoginResult');

export const MeRoleSchema = z.object({
  id: z.uuid(),
  role: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  orgType: z.string(),
  tenantId: z.uuid().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const MeSchema = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: z.enum(['id', 'en']) }),
    organization: z.object({ id: z.uuid(), name: z.string(), type: z.string(), tenantId: z.uuid().nullable(), regionCode: z.string().nullable() }),
    roles: z.array(MeRoleSchema),
    permissions: z.array(z.string()),
    scope: z.object({
      platformAdmin: z.boolean(),
      tenantIds: z.array(z.uuid()),
      oversightProvinceCodes: z.array(z.string()),
      readAll: z.boolean(),
    }),
    twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
    restricted: z.boolean().openapi({ description: 'True until an admin enrols two-factor: only enrolment works' }),
    csrfToken: z.string(),
  })
  .openapi('Me');

export const SessionSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('Session');

export const SessionListSchema = z.object({ items: z.array(SessionSchema) }).openapi('SessionList');

export const LogoutAllResultSchema = z.object({ revoked: z.number().int() }).openapi('LogoutAllResult');

export const MeUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120).optional(),
    locale: z.enum(['id', 'en']).optional().openapi({ description: 'Language of the interface and e-mails' }),
  })
  .refine((v) => Object.keys(v).length > 0, { params: { code: 'empty_patch', id: 'Tidak ada yang diubah.', en: 'Nothing to change.' } })
  .openapi('MeUpdate');

/** The /api/me body: the person, where they work, what they may do now, and their CSRF token. */
export const presentMe = (actor: Actor, { user, roles, organization }: MeDescription): z.infer<typeof MeSchema> => ({
  user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
  organization,
  roles: roles.map((r) => ({ id: r.id, role: r.role, orgId: r.orgId, orgName: r.orgName, orgType: r.orgType, tenantId: r.tenantId, validFrom: r.validFrom, validTo: r.validTo })),
  permissions: [...actor.permissions].sort(),
  scope: {
    platformAdmin: actor.scope.platformAdmin,
    tenantIds: [...actor.scope.tenantIds],
    oversightProvinceCodes: [...actor.scope.oversightProvinceCodes],
    readAll: actor.scope.readAll,
  },
  twoFactor: { enabled: user.totpEnabledAt !== null, required: requiresTwoFactor(roles) },
  restricted: actor.restricted,
  csrfToken: actor.csrfToken,
});
