import type { Logger } from '../logger.js';
import type { Lang } from '../i18n/i18n.js';

/** An active role held by the actor in one organisation. */
export type ActorRole = { role: string; orgId: string; tenantId: string | null };

/**
 * What the signed-in person may see: their own tenants (read/write per role), plus read-only
 * oversight — a province (GWPP) over its kabupaten/kota, Kemendagri over everything.
 */
export type VisibilityScope = {
  platformAdmin: boolean;
  /** Tenants (pemda organisation ids) the actor works in. */
  tenantIds: readonly string[];
  /** Province codes whose kabupaten/kota tenants the actor may read (GWPP). */
  oversightProvinceCodes: readonly string[];
  /** Read-only access to every tenant (Kemendagri). */
  readAll: boolean;
  /** Organisations the actor belongs to directly (partner organisations have no tenant). */
  orgIds: readonly string[];
};

export type Actor = {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  /** The user's home organisation and its tenant (null for partners and central units). */
  orgId: string;
  tenantId: string | null;
  roles: readonly ActorRole[];
  permissions: ReadonlySet<string>;
  scope: VisibilityScope;
  csrfToken: string;
  /** An admin who has not enrolled two-factor yet: only enrolment, /api/me and sign-out work. */
  restricted: boolean;
  /** True when the session came from an API token rather than a cookie (no CSRF needed). */
  viaCookie: boolean;
};

export type AppVariables = {
  requestId: string;
  lang: Lang;
  logger: Logger;
  clientIp: string;
  secure: boolean;
  actor: Actor | null;
};

export type AppEnv = { Variables: AppVariables };
