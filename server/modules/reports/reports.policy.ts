import type { ActorRole, VisibilityScope } from '../../platform/http/context.js';
import { ROLE_PERMISSIONS, type Role } from '../identity/index.js';
import { isProvinceCode, provinceOf } from './figures.models.js';
import type { ReportLevel, ReportStatus } from './reports.tables.js';

/**
 * Who does what with periodic reports (ADR 0019). Pure functions of the actor and the report:
 * - a pemda compiles and submits its own report (report.submit through a role in that tenant);
 * - a province report is compiled and submitted by the province's own secretariat or by the
 *   GWPP of that province (the Gubernur as Wakil Pemerintah Pusat reports to the Menteri);
 * - a kab/kota report is reviewed by the GWPP of its province, a province report by Kemendagri.
 */
export type ReportActor = { roles: readonly ActorRole[]; permissions: ReadonlySet<string>; scope: VisibilityScope };
export type ReportFacts = { tenantId: string; regionCode: string; level: ReportLevel; status: ReportStatus };

const holdsInTenant = (actor: ReportActor, tenantId: string, permission: string) =>
  actor.roles.some((r) => r.tenantId === tenantId && (ROLE_PERMISSIONS[r.role as Role] ?? []).includes(permission as never));

const isGwppOf = (actor: ReportActor, provinceCode: string) =>
  actor.roles.some((r) => r.role === 'GWPP_REVIEWER') && actor.scope.oversightProvinceCodes.includes(provinceCode);

const isKemendagri = (actor: ReportActor) => actor.scope.platformAdmin || actor.roles.some((r) => r.role === 'KEMENDAGRI_VIEWER');

export const levelOf = (regionCode: string): ReportLevel => (isProvinceCode(regionCode) ? 'PROVINCE' : 'PEMDA');

/** Generating, regenerating and submitting the report of a pemda tenant. */
export const canCompile = (actor: ReportActor, tenant: { id: string; regionCode: string }) =>
  actor.permissions.has('report.submit') &&
  (holdsInTenant(actor, tenant.id, 'report.submit') || (isProvinceCode(tenant.regionCode) && isGwppOf(actor, tenant.regionCode)) || actor.scope.platformAdmin);

/** Reading a report: its own pemda; the GWPP its province's report and its kab/kota's once sent; Kemendagri every sent report. */
export const canSee = (actor: ReportActor, r: ReportFacts) => {
  if (actor.scope.tenantIds.includes(r.tenantId) || canCompile(actor, { id: r.tenantId, regionCode: r.regionCode })) return true;
  const sent = r.status !== 'DRAFT';
  const oversees = actor.scope.oversightProvinceCodes.includes(provinceOf(r.regionCode));
  if (oversees && (r.level === 'PROVINCE' || sent)) return true;

  return actor.scope.readAll && sent;
};

/** Accepting or returning: the GWPP of the province for a kab/kota report, Kemendagri for a province report. */
export const canReview = (actor: ReportActor, r: Pick<ReportFacts, 'regionCode' | 'level'>) =>
  actor.permissions.has('report.review') && (r.level === 'PEMDA' ? isGwppOf(actor, provinceOf(r.regionCode)) || actor.scope.platformAdmin : isKemendagri(actor));

/** Regenerating replaces the snapshot: only before submission or after a return. */
export const isRegenerable = (status: ReportStatus) => status === 'DRAFT' || status === 'RETURNED';
export const isSubmittable = isRegenerable;

/** Compliance views: the GWPP over its provinces, Kemendagri over the nation. */
export const complianceScope = (actor: ReportActor): { all: true } | { all: false; provinceCodes: readonly string[] } | null => {
  if (!actor.permissions.has('report.review')) return null;
  if (isKemendagri(actor)) return { all: true };
  const codes = actor.roles.some((r) => r.role === 'GWPP_REVIEWER') ? actor.scope.oversightProvinceCodes : [];

  return codes.length ? { all: false, provinceCodes: codes } : null;
};
