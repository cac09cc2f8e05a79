import type { Actor } from '../../platform/http/context.js';
import { OPTIONAL_PUBLIC_FIELDS } from '../../../contracts/portal.js';
import type { Visibility } from './portal.tables.js';

/**
 * Pure rules of publication (ADR 0028). Only the secretariat of the pemda that owns the cooperation
 * publishes it; the role must be held in that pemda, as for approving updates.
 */
export const PUBLISHER_ROLE = 'KSD_SECRETARIAT_ADMIN';

export const canPublish = (actor: Pick<Actor, 'roles' | 'permissions'>, ownerTenantId: string | null) =>
  ownerTenantId !== null && actor.permissions.has('portal.publish') && actor.roles.some((r) => r.role === PUBLISHER_ROLE && r.tenantId === ownerTenantId);

/**
 * Published once an agreement is signed: a KSB or the PKS/NK in force, amended, disputed, or ended
 * (the public keeps seeing what was agreed). Drafts, proposals under review, rejected and cancelled
 * ones have nothing agreed to publish.
 */
export const SIGNED_STATES = ['KSB_BERLAKU', 'BERLAKU', 'DIADENDUM', 'SENGKETA', 'DIAKHIRI', 'BERAKHIR'] as const;
const NEVER_PUBLISHED = ['USULAN', 'PENAWARAN_MASUK', 'KAJIAN_TKKSD', 'DITOLAK', 'BATAL'];

export const isPublishable = (c: { state: string; signedAt: string | null }) =>
  !NEVER_PUBLISHED.includes(c.state) && ((SIGNED_STATES as readonly string[]).includes(c.state) || c.signedAt !== null);

/**
 * Defaults when the secretariat first publishes: everything public except funding, whose amounts
 * and budget lines are often still under the DPRD's or the partner's review and are a deliberate
 * disclosure decision of the pemda.
 */
export const DEFAULT_VISIBILITY: Visibility = { ruangLingkup: true, funding: false, locations: true, indicators: true, updates: true, progress: true };

/** Missing keys keep their current (or default) value; unknown keys never reach here (strict schema). */
export const mergeVisibility = (base: Visibility, change: Partial<Visibility> | undefined): Visibility =>
  Object.fromEntries(OPTIONAL_PUBLIC_FIELDS.map((k) => [k, change?.[k] ?? base[k]])) as Visibility;
