import assert from 'node:assert/strict';
import type { TestContext, TestSession } from './context.js';
import { buildOrg, buildTenant, buildUser, signIn } from './factories.js';
import { totpCode } from '../modules/identity/identity.tokens.js';

/**
 * The fixture every tenant-isolation case runs against: two pemda tenants (A: Kab. Hulu Sungai
 * Selatan, B: Kab. Jayawijaya), each with a secretariat user and a tenant admin (two-factor on),
 * an OPD in A, and sessions for all of them. Cases act as B against A's records.
 */
export const ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const buildIsolationKit = async (ctx: TestContext) => {
  const db = ctx.db;
  const tenantA = await buildTenant(db, { regionCode: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' });
  const tenantB = await buildTenant(db, { regionCode: '95.01', name: 'Pemerintah Kabupaten Jayawijaya' });
  const opdA = await buildOrg(db, { type: 'OPD', name: 'Dinas Kesehatan HSS', tenantId: tenantA.id, parentId: tenantA.id, regionCode: '63.06' });
  const staffA = await buildUser(db, { orgId: tenantA.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantA.id }] });
  const staffB = await buildUser(db, { orgId: tenantB.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantB.id }] });
  const adminA = await buildUser(db, { orgId: tenantA.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenantA.id }], totpSecret: ADMIN_TOTP_SECRET });
  const adminB = await buildUser(db, { orgId: tenantB.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenantB.id }], totpSecret: ADMIN_TOTP_SECRET });
  const totp = () => totpCode(ADMIN_TOTP_SECRET, ctx.clock.now());
  const signInAll = async (): Promise<Record<'staffA' | 'staffB' | 'adminA' | 'adminB', TestSession>> => ({
    staffA: await signIn(ctx, staffA.email),
    staffB: await signIn(ctx, staffB.email),
    adminA: await signIn(ctx, adminA.email, { totp: totp() }),
    adminB: await signIn(ctx, adminB.email, { totp: totp() }),
  });
  const kit = { ctx, tenantA, tenantB, opdA, staffA, staffB, adminA, adminB, sessions: await signInAll() };

  /** Fresh sessions for the next case, so a case that signs out cannot affect another. */
  const refreshSessions = async () => {
    kit.sessions = await signInAll();
  };

  return Object.assign(kit, { refreshSessions });
};

export type IsolationKit = Awaited<ReturnType<typeof buildIsolationKit>>;

/**
 * How a route keeps tenants apart. Every non-public route in the OpenAPI document must have an
 * entry in isolation.cases.ts, or the authorisation test fails.
 * - check: acts as tenant B against tenant A's data and asserts the refusal (usually 404).
 * - self: the route only ever touches the caller's own account; the check proves B sees only B.
 */
export type IsolationCase = { kind: 'check' | 'self'; run: (kit: IsolationKit) => Promise<void> };

/** Asserts a refusal that does not reveal whether the record exists. */
export const expectHidden = async (res: Response, message: string) => {
  assert.ok(res.status === 404 || res.status === 403, `${message}: expected 404/403, got ${res.status} ${await res.clone().text()}`);
};
