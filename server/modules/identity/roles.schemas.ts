import { z } from '@hono/zod-openapi';
import { ROLES } from './identity.policy.js';

/** Calendar dates (WIB) as on the appointment decree; a role counts from validFrom through validTo. */
const day = z.iso.date().openapi({ format: 'date', example: '2026-01-02' });

export const RoleAssignmentSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    role: z.string(),
    orgId: z.uuid(),
    orgName: z.string(),
    orgType: z.string(),
    tenantId: z.uuid().nullable(),
    validFrom: z.string().openapi({ format: 'date' }),
    validTo: z.string().nullable().openapi({ format: 'date' }),
    decreeRef: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    revokedAt: z.string().nullable().openapi({ format: 'date-time' }),
    active: z.boolean().openapi({ description: 'Started, not ended and not revoked today (WIB)' }),
  })
  .openapi('RoleAssignment');

export const RoleAssignmentListSchema = z.object({ items: z.array(RoleAssignmentSchema) }).openapi('RoleAssignmentList');

export const RoleGrantSchema = z
  .strictObject({
    role: z.enum(ROLES),
    orgId: z.uuid().openapi({ description: 'The organisation in which the role is held' }),
    validFrom: day,
    validTo: day.optional().openapi({ description: 'Last day the role counts; open-ended when left out' }),
    decreeRef: z.string().trim().min(1).max(200).optional().openapi({ description: 'The appointing decree (SK)', example: 'SK Bupati HSS No. 100.3.3.2/045/2026' }),
  })
  .openapi('RoleGrant');

export const RoleEndSchema = z
  .strictObject({ validTo: day.openapi({ description: 'Last day the role counts' }) })
  .openapi('RoleEnd');

export const RoleCatalogueSchema = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        permissions: z.array(z.string()),
        allowedOrgTypes: z.array(z.string()),
        requiresTwoFactor: z.boolean(),
        grantable: z.boolean().openapi({ description: 'Whether the caller may grant this role at all (within their own tenants)' }),
      }),
    ),
  })
  .openapi('RoleCatalogue');

export const AssignmentIdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

type AssignmentLike = {
  id: string;
  userId: string;
  role: string;
  orgId: string;
  orgName: string;
  orgType: string;
  tenantId: string | null;
  validFrom: string;
  validTo: string | null;
  decreeRef: string | null;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  active: boolean;
};

export const presentAssignment = (a: AssignmentLike): z.infer<typeof RoleAssignmentSchema> => ({
  id: a.id,
  userId: a.userId,
  role: a.role,
  orgId: a.orgId,
  orgName: a.orgName,
  orgType: a.orgType,
  tenantId: a.tenantId,
  validFrom: a.validFrom,
  validTo: a.validTo,
  decreeRef: a.decreeRef,
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
  revokedAt: a.revokedAt?.toISOString() ?? null,
  active: a.active,
});
