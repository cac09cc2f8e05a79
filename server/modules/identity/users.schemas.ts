import { z } from '@hono/zod-openapi';
import type { UserRow } from './users.repository.js';

/** Person names as written on a decree (SK), with academic titles; no formatting rules beyond length. */
const personName = z.string().trim().min(2).max(120).openapi({ example: 'Dra. Siti Rahmah, M.Si.' });

/** NIP of a civil servant (PNS/PPPK): 18 digits (birth date, appointment month, sex, serial). */
const nip = z
  .string()
  .trim()
  .regex(/^\d{18}$/)
  .openapi({ description: 'NIP, 18 digits', example: '197805122005012003' });

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,24}$/)
  .openapi({ example: '+62 811 5123 456' });

const locale = z.enum(['id', 'en']).openapi({ description: 'Language of the interface and e-mails' });

/**
 * Passwords are checked by the password rules in the use case (length, common passwords, e-mail
 * name), so the schema only bounds the size of what is hashed.
 */
export const passwordField = z.string().min(1).max(1024);

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    nip: z.string().nullable(),
    phone: z.string().nullable(),
    orgId: z.uuid(),
    orgName: z.string(),
    orgType: z.string(),
    tenantId: z.uuid().nullable(),
    status: z.enum(['ACTIVE', 'DISABLED']),
    locale,
    twoFactorEnabled: z.boolean(),
    lastLoginAt: z.string().nullable().openapi({ format: 'date-time' }),
    passwordChangedAt: z.string().nullable().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('User');

export const UserListSchema = z.object({ items: z.array(UserSchema), total: z.number().int() }).openapi('UserList');

export const UserQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Part of the name or e-mail address (case-insensitive)' }),
  orgId: z.uuid().optional(),
  status: z.enum(['ACTIVE', 'DISABLED']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const UserCreateSchema = z
  .strictObject({
    email: z.email().max(254).openapi({ example: 'staf.ksd@hss.go.id' }),
    name: personName,
    orgId: z.uuid().openapi({ description: "The user's home organisation" }),
    password: passwordField.openapi({ description: 'Initial password; at least 12 characters, not a common password' }),
    nip: nip.optional(),
    phone: phone.optional(),
    locale: locale.optional(),
  })
  .openapi('UserCreate');

export const UserUpdateSchema = z
  .strictObject({
    name: personName.optional(),
    orgId: z.uuid().optional().openapi({ description: 'Move the user to another organisation of the same authority' }),
    status: z.enum(['ACTIVE', 'DISABLED']).optional().openapi({ description: 'DISABLED signs the user out everywhere and blocks sign-in' }),
    nip: nip.nullable().optional(),
    phone: phone.nullable().optional(),
    locale: locale.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { params: { code: 'empty_patch', id: 'Tidak ada yang diubah.', en: 'Nothing to change.' } })
  .openapi('UserUpdate');

export const ResetPasswordSchema = z
  .strictObject({ newPassword: passwordField.openapi({ description: "The user's new password; all their sessions end" }) })
  .openapi('UserPasswordReset');

export const IdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const iso = (d: Date | null) => d?.toISOString() ?? null;

export type UserView = z.infer<typeof UserSchema>;

/** The administrator's view of a user; the row carries no secrets, and nothing else is added here. */
export const presentUser = (row: UserRow): UserView => ({
  id: row.id,
  email: row.email,
  name: row.name,
  nip: row.nip,
  phone: row.phone,
  orgId: row.orgId,
  orgName: row.orgName,
  orgType: row.orgType,
  tenantId: row.tenantId,
  status: row.status,
  locale: row.locale,
  twoFactorEnabled: row.totpEnabledAt !== null,
  lastLoginAt: iso(row.lastLoginAt),
  passwordChangedAt: iso(row.passwordChangedAt),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
