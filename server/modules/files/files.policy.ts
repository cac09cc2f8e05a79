import type { Actor, VisibilityScope } from '../../platform/http/context.js';
import { canReadTenant, canWriteTenant } from '../organizations/index.js';

/** The ownership facts of a stored file, with the region of its tenant for oversight checks. */
export type FileOwnership = { orgId: string; tenantId: string | null; tenantRegionCode: string | null };

/**
 * Who may see a file: the owning tenant, read-only oversight over that tenant (GWPP for its
 * province, Kemendagri everywhere). A file without a tenant (uploaded by a partner organisation)
 * is that organisation's own document, not a shared registry entry, so only its members and
 * read-all oversight see it.
 */
export const canReadFile = (scope: VisibilityScope, file: FileOwnership): boolean => {
  if (file.tenantId === null) return scope.readAll || scope.orgIds.includes(file.orgId);

  return canReadTenant(scope, { tenantId: file.tenantId, regionCode: file.tenantRegionCode });
};

/**
 * Uploads land in the uploader's own organisation and tenant; oversight roles are read-only
 * there, so the actor must be able to write in that tenant (or belong to the tenant-less org).
 */
export const canUploadFile = (actor: Pick<Actor, 'orgId' | 'tenantId' | 'scope'>): boolean =>
  actor.tenantId === null ? actor.scope.platformAdmin || actor.scope.orgIds.includes(actor.orgId) : canWriteTenant(actor.scope, actor.tenantId);
