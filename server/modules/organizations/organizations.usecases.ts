import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Actor, VisibilityScope } from '../../platform/http/context.js';
import { AppError, commonErrors } from '../../platform/http/errors.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { getRegion } from '../reference/index.js';
import { organizationErrors } from './organizations.errors.js';
import { canReadOrganization, decideCreate, decideUpdate, isPartner, isTenantUnit, SYSTEM_SCOPE, type WriteDecision } from './organizations.policy.js';
import * as repo from './organizations.repository.js';
import type { OrganizationCreateInput, OrganizationUpdateInput } from './organizations.schemas.js';
import type { OrganizationType } from './organizations.tables.js';

/** The scope a use case applies: the signed-in actor's, or the system's (seed, first start) when there is none. */
export const scopeOf = (actor: Actor | null): VisibilityScope => actor?.scope ?? SYSTEM_SCOPE;

export const visibilityOf = (scope: VisibilityScope): repo.Visibility =>
  scope.readAll ? { all: true } : { all: false, tenantIds: scope.tenantIds, oversightProvinceCodes: scope.oversightProvinceCodes };

/** Whether the reader may see this record; looks up its pemda's region only when oversight could apply. */
export const isVisible = async (db: Db, scope: VisibilityScope, org: repo.OrganizationRow) => {
  const needsRegion = org.tenantId !== null && org.tenantId !== org.id && scope.oversightProvinceCodes.length > 0;
  const tenantRegion = needsRegion ? ((await repo.findOrganization(db, org.tenantId!))?.regionCode ?? null) : org.regionCode;

  return canReadOrganization(scope, org, tenantRegion);
};

const enforce = (decision: WriteDecision, type: OrganizationType) => {
  if (decision === 'type_not_allowed') throw organizationErrors.typeNotAllowed({ type });
  if (decision === 'tenant_forbidden') throw organizationErrors.tenantForbidden();
  if (decision === 'platform_admin_only') throw organizationErrors.platformAdminOnly();
};

/** The few facts other modules need about an organisation. */
export const getOrganizationSummary = async ({ db, id }: { db: Db; id: string }) => {
  const org = await repo.findOrganization(db, id);
  if (!org) throw commonErrors.notFound();

  return { id: org.id, name: org.name, type: org.type, tenantId: org.tenantId, regionCode: org.regionCode };
};

/** True once any organisation exists: the demo seed only runs on an empty installation. */
export const hasOrganizations = async ({ db }: { db: Db }) => (await repo.countOrganizations(db)) > 0;

export const listOrganizations = async ({ db, actor, query }: { db: Db; actor: Actor | null; query: repo.OrganizationQuery }) =>
  repo.searchOrganizations(db, visibilityOf(scopeOf(actor)), query);

/** One organisation with its parent and the number of sub-units the reader may see; hidden records are "not found". */
export const getOrganization = async ({ db, actor, id }: { db: Db; actor: Actor | null; id: string }) => {
  const scope = scopeOf(actor);
  const org = await repo.findOrganization(db, id);
  if (!org || !(await isVisible(db, scope, org))) throw organizationErrors.notFound();
  const parentRow = org.parentId ? await repo.findOrganization(db, org.parentId) : undefined;
  const parent = parentRow && (await isVisible(db, scope, parentRow)) ? { id: parentRow.id, name: parentRow.name, type: parentRow.type } : null;
  const childCount = await repo.countVisibleChildren(db, visibilityOf(scope), org.id);

  return { organization: org, parent, childCount };
};

/** A region code must name a current region of the right level: kab/kota or provinsi for a pemda, provinsi for a GWPP. */
const checkRegion = async (db: Db, type: OrganizationType, code: string) => {
  const region = await getRegion({ db, code }).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) return undefined;
    throw err;
  });
  const levels = type === 'GWPP' ? ['PROVINSI'] : ['PROVINSI', 'KABUPATEN', 'KOTA'];
  if (!region || region.validTo !== null || !levels.includes(region.level)) throw organizationErrors.regionInvalid({ code, type });
  const existing = await repo.findByTypeAndRegion(db, type, code);
  if (existing) throw (type === 'GWPP' ? organizationErrors.gwppExists : organizationErrors.pemdaExists)({ code }, { existingId: existing.id });
};

/**
 * The shared partner registry keeps one record per partner: the same NPWP or NIB within a type is
 * a duplicate, and so is the same name when either record lacks identifiers to tell them apart.
 */
const checkDuplicatePartner = async (db: Db, type: OrganizationType, name: string, registryIds: Record<string, string>, excludeId?: string) => {
  for (const key of ['npwp', 'nib'] as const) {
    const value = registryIds[key];
    if (!value) continue;
    const found = await repo.findByRegistryId(db, type, key, value);
    if (found && found.id !== excludeId) throw organizationErrors.partnerDuplicate({ key: key.toUpperCase() }, { existingId: found.id, matchedOn: key });
  }
  const identified = (ids: Record<string, string>) => Boolean(ids.npwp || ids.nib);
  const clash = (await repo.findByName(db, type, name)).find((r) => r.id !== excludeId && (!identified(registryIds) || !identified(r.registryIds)));
  if (clash) throw organizationErrors.partnerNameDuplicate({ name: name.trim() }, { existingId: clash.id, matchedOn: 'name' });
};

/** The parent a new or moved unit goes under, checked against where the unit belongs. Returns the tenant it implies. */
const resolveParent = async (db: Db, scope: VisibilityScope, type: OrganizationType, parentId: string) => {
  const parent = await repo.findOrganization(db, parentId);
  if (!parent || !(await isVisible(db, scope, parent))) throw organizationErrors.parentNotFound();
  if (isTenantUnit(type)) {
    if (parent.tenantId === null || !(parent.type === 'PEMDA' || isTenantUnit(parent.type))) throw organizationErrors.parentInvalid();

    return parent;
  }
  if (parent.tenantId !== null || type === 'PEMDA' || type === 'GWPP') throw organizationErrors.parentInvalid();

  return parent;
};

/**
 * Registers an organisation. Pemda units join the pemda of their parent and take its region;
 * a pemda is its own tenant; partners and central bodies belong to no tenant. `actor: null` is
 * the system (demo seed) acting as a platform admin.
 */
export const createOrganization = async ({ db, clock, audit, actor, input }: { db: Db; clock: Clock; audit: AuditContext; actor: Actor | null; input: OrganizationCreateInput }) => {
  const scope = scopeOf(actor);

  return db.transaction(async (tx) => {
    await repo.lockRegistry(tx);
    const parent = input.parentId ? await resolveParent(tx, scope, input.type, input.parentId) : undefined;
    if (isTenantUnit(input.type) && !parent) throw organizationErrors.parentInvalid();
    const unitTenantId = isTenantUnit(input.type) ? (parent?.tenantId ?? null) : null;
    enforce(decideCreate(scope, input.type, unitTenantId), input.type);

    let regionCode = input.regionCode ?? null;
    if ((input.type === 'PEMDA' || input.type === 'GWPP') && regionCode) await checkRegion(tx, input.type, regionCode);
    if (isTenantUnit(input.type) && unitTenantId) regionCode = (await repo.findOrganization(tx, unitTenantId))?.regionCode ?? null;
    const registryIds: Record<string, string> = { ...input.registryIds };
    if (isPartner(input.type)) await checkDuplicatePartner(tx, input.type, input.name, registryIds);

    const id = randomUUID();
    const now = clock.now();
    const created = await repo.insertOrganization(tx, {
      id,
      type: input.type,
      name: input.name,
      shortName: input.shortName ?? null,
      regionCode,
      parentId: parent?.id ?? null,
      tenantId: input.type === 'PEMDA' ? id : unitTenantId,
      legalForm: input.legalForm ?? null,
      countryCode: input.countryCode ?? null,
      registryIds,
      website: input.website ?? null,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'organization.create', entityType: 'organization', entityId: created.id, tenantId: created.tenantId, diff: changeSet(null, created) },
    });

    return created;
  });
};

/** Checks a move: same pemda for units, the shared registry for the rest, and never under itself. */
const checkMove = async (db: Db, scope: VisibilityScope, org: repo.OrganizationRow, parentId: string | null) => {
  if (parentId === null) {
    if (isTenantUnit(org.type)) throw organizationErrors.parentInvalid();

    return;
  }
  const parent = await resolveParent(db, scope, org.type, parentId);
  if (isTenantUnit(org.type) && parent.tenantId !== org.tenantId) throw organizationErrors.parentInvalid();
  if ((await repo.ancestorIds(db, parent.id)).includes(org.id)) throw organizationErrors.parentCycle();
};

/** Renames, moves within its pemda, corrects identifiers, or (de)activates. Type and tenant never change. */
export const updateOrganization = async ({
  db,
  clock,
  audit,
  actor,
  id,
  input,
}: {
  db: Db;
  clock: Clock;
  audit: AuditContext;
  actor: Actor | null;
  id: string;
  input: OrganizationUpdateInput;
}) => {
  const scope = scopeOf(actor);

  return db.transaction(async (tx) => {
    await repo.lockRegistry(tx);
    const before = await repo.findOrganization(tx, id);
    if (!before || !(await isVisible(tx, scope, before))) throw organizationErrors.notFound();
    enforce(decideUpdate(scope, before, input), before.type);
    if (input.parentId !== undefined) await checkMove(tx, scope, before, input.parentId);
    const registryIds = input.registryIds ? { ...input.registryIds } : undefined;
    if (isPartner(before.type) && (input.name !== undefined || registryIds))
      await checkDuplicatePartner(tx, before.type, input.name ?? before.name, registryIds ?? before.registryIds, before.id);

    const after = await repo.updateOrganization(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { shortName: input.shortName } : {}),
      ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
      ...(registryIds ? { registryIds } : {}),
      ...(input.website !== undefined ? { website: input.website } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: clock.now(),
    });
    if (!after) throw organizationErrors.notFound();
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'organization.update', entityType: 'organization', entityId: id, tenantId: before.tenantId, diff: changeSet(before, after) },
    });

    return after;
  });
};
