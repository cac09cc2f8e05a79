import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildOrg, buildTenant, buildUser, signIn } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { auditLog } from '../audit/audit.tables.js';
import { SYSTEM_AUDIT_CONTEXT } from '../audit/index.js';
import type { AppError } from '../../platform/http/errors.js';
import { createUser, grantRole } from './index.js';
import { totpCode } from './identity.tokens.js';

type Problem = { code: string };
type Assignment = { id: string; role: string; active: boolean; validTo: string | null; revokedAt: string | null; decreeRef: string | null; createdBy: string | null };

describeEachDatabase('role assignments', (ctx) => {
  let tenantA: { id: string };
  let tenantB: { id: string };
  let opdA: { id: string };
  let gwpp: { id: string };
  let kemendagri: { id: string };
  let adminA: { id: string; email: string };
  let s: Record<'platform' | 'adminA' | 'adminB' | 'staffA', TestSession>;
  let userB: { id: string };

  before(async () => {
    const db = ctx().db;
    tenantA = await buildTenant(db, { regionCode: '63.06' });
    tenantB = await buildTenant(db, { regionCode: '95.01' });
    opdA = await buildOrg(db, { type: 'OPD', name: 'Dinas PUPR HSS', tenantId: tenantA.id, parentId: tenantA.id });
    gwpp = await buildOrg(db, { type: 'GWPP', regionCode: '63' });
    kemendagri = await buildOrg(db, { type: 'KEMENDAGRI_UNIT' });
    const admin = (orgId: string, role: string) => buildUser(db, { orgId, roles: [{ role, orgId }], totpSecret: ADMIN_TOTP_SECRET });
    const platform = await admin(kemendagri.id, 'PLATFORM_ADMIN');
    adminA = await admin(tenantA.id, 'TENANT_ADMIN');
    const adminB = await admin(tenantB.id, 'TENANT_ADMIN');
    const staffA = await buildUser(db, { orgId: tenantA.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantA.id }] });
    userB = await buildUser(db, { orgId: tenantB.id });
    const totp = () => ({ totp: totpCode(ADMIN_TOTP_SECRET, ctx().clock.now()) });
    s = {
      platform: await signIn(ctx(), platform.email, totp()),
      adminA: await signIn(ctx(), adminA.email, totp()),
      adminB: await signIn(ctx(), adminB.email, totp()),
      staffA: await signIn(ctx(), staffA.email),
    };
  });

  const person = () => buildUser(ctx().db, { orgId: opdA.id });
  const grant = (session: TestSession, userId: string, body: Record<string, unknown>) =>
    ctx().request(`/api/users/${userId}/roles`, { json: { orgId: opdA.id, validFrom: '2026-01-01', ...body }, session });
  const codeOf = async (res: Response) => ((await res.json()) as Problem).code;
  const rolesOf = async (session: TestSession, userId: string) =>
    ((await (await ctx().request(`/api/users/${userId}/roles`, { session })).json()) as { items: Assignment[] }).items;

  it("grants a role inside the admin's tenant, and the holder gets its permissions", async () => {
    const holder = await person();
    const res = await grant(s.adminA, holder.id, { role: 'PPKSD', decreeRef: 'SK Bupati HSS No. 045/2026' });
    assert.equal(res.status, 201);
    const granted = (await res.json()) as Assignment;
    assert.deepEqual([granted.role, granted.active, granted.decreeRef, granted.createdBy], ['PPKSD', true, 'SK Bupati HSS No. 045/2026', adminA.id]);
    assert.deepEqual((await rolesOf(s.adminA, holder.id)).map((a) => a.id), [granted.id]);
    const me = (await (await ctx().request('/api/me', { session: await signIn(ctx(), holder.email) })).json()) as { permissions: string[] };
    assert.ok(me.permissions.includes('files.upload'));
  });

  it('refuses a role that the type of organisation cannot hold', async () => {
    const holder = await person();
    for (const role of ['KEPALA_DAERAH', 'DPRD_SECRETARIAT']) {
      const res = await grant(s.adminA, holder.id, { role });
      assert.equal(res.status, 422, role);
      assert.equal(await codeOf(res), 'identity.role_not_allowed_in_org');
    }
  });

  it('never lets a tenant admin hand out platform, GWPP or Kemendagri roles, nor grant in another tenant', async () => {
    const holder = await person();
    const refusals: [string, string][] = [
      ['PLATFORM_ADMIN', tenantA.id],
      ['GWPP_REVIEWER', gwpp.id],
      ['KEMENDAGRI_VIEWER', kemendagri.id],
      ['KSD_SECRETARIAT_ADMIN', tenantB.id],
      ['KSD_SECRETARIAT_ADMIN', '00000000-0000-4000-8000-000000000000'],
    ];
    for (const [role, orgId] of refusals) {
      const res = await grant(s.adminA, holder.id, { role, orgId });
      assert.equal(res.status, 403, `${role} in ${orgId}`);
      assert.equal(await codeOf(res), 'identity.cannot_grant_role');
    }
    const foreign = await grant(s.adminA, userB.id, { role: 'OPD_STAFF' });
    assert.equal(foreign.status, 404);
    assert.equal(await codeOf(foreign), 'identity.user_not_found');
    assert.equal((await grant(s.staffA, holder.id, { role: 'OPD_STAFF' })).status, 403, 'no role.manage');
    assert.deepEqual(await rolesOf(s.adminA, holder.id), []);
  });

  it('lets the platform admin appoint a GWPP reviewer', async () => {
    const reviewer = await buildUser(ctx().db, { orgId: gwpp.id });
    const res = await grant(s.platform, reviewer.id, { role: 'GWPP_REVIEWER', orgId: gwpp.id });
    assert.equal(res.status, 201);
  });

  it('refuses a period ending before it starts and a second overlapping grant of the same role', async () => {
    const holder = await person();
    const backwards = await grant(s.adminA, holder.id, { role: 'OPD_STAFF', validFrom: '2026-03-01', validTo: '2026-02-28' });
    assert.equal(backwards.status, 422);
    assert.equal(await codeOf(backwards), 'identity.role_period_invalid');
    assert.equal((await grant(s.adminA, holder.id, { role: 'OPD_STAFF', validTo: '2026-12-31' })).status, 201);
    const twice = await grant(s.adminA, holder.id, { role: 'OPD_STAFF', validFrom: '2026-12-31' });
    assert.equal(twice.status, 409);
    assert.equal(await codeOf(twice), 'identity.role_already_held');
    assert.equal((await grant(s.adminA, holder.id, { role: 'OPD_STAFF', validFrom: '2027-01-01' })).status, 201);
    assert.deepEqual((await rolesOf(s.adminA, holder.id)).map((a) => a.active), [true, false]);
  });

  it('ends a role after its last day, keeping it in the history', async () => {
    const holder = await person();
    const granted = (await (await grant(s.adminA, holder.id, { role: 'OPD_HEAD' })).json()) as Assignment;
    const url = `/api/role-assignments/${granted.id}/end`;
    const tooEarly = await ctx().request(url, { json: { validTo: '2025-12-31' }, session: s.adminA });
    assert.equal(await codeOf(tooEarly), 'identity.role_period_invalid');
    // Today in WIB is 2026-03-02: a role ending today still counts, one that ended yesterday does not.
    const today = (await (await ctx().request(url, { json: { validTo: '2026-03-02' }, session: s.adminA })).json()) as Assignment;
    assert.deepEqual([today.validTo, today.active], ['2026-03-02', true]);
    const yesterday = (await (await ctx().request(url, { json: { validTo: '2026-03-01' }, session: s.adminA })).json()) as Assignment;
    assert.equal(yesterday.active, false);
    assert.equal((await ctx().request('/api/users', { session: await signIn(ctx(), holder.email) })).status, 403);
    assert.deepEqual((await rolesOf(s.platform, holder.id)).map((a) => [a.id, a.active]), [[granted.id, false]]);
  });

  it('does not count a role before its first day', async () => {
    const holder = await person();
    const future = (await (await grant(s.adminA, holder.id, { role: 'OPD_STAFF', validFrom: '2026-04-01' })).json()) as Assignment;
    assert.equal(future.active, false);
    const me = (await (await ctx().request('/api/me', { session: await signIn(ctx(), holder.email) })).json()) as { roles: unknown[]; permissions: string[] };
    assert.deepEqual([me.roles, me.permissions], [[], []]);
  });

  it('revokes a role at once, keeps it listed, and refuses to touch it again', async () => {
    const holder = await person();
    const granted = (await (await grant(s.adminA, holder.id, { role: 'OPD_STAFF' })).json()) as Assignment;
    const res = await ctx().request(`/api/role-assignments/${granted.id}/revoke`, { method: 'POST', session: s.adminA });
    const revoked = (await res.json()) as Assignment;
    assert.equal(res.status, 200);
    assert.equal(revoked.active, false);
    assert.ok(revoked.revokedAt);
    assert.deepEqual((await rolesOf(s.adminA, holder.id)).map((a) => a.revokedAt !== null), [true]);
    const again = await ctx().request(`/api/role-assignments/${granted.id}/revoke`, { method: 'POST', session: s.adminA });
    assert.equal(await codeOf(again), 'identity.role_assignment_revoked');
    const end = await ctx().request(`/api/role-assignments/${granted.id}/end`, { json: { validTo: '2026-12-31' }, session: s.adminA });
    assert.equal(end.status, 409);
    assert.equal((await grant(s.adminA, holder.id, { role: 'OPD_STAFF' })).status, 201, 'a revoked grant does not block a new one');
  });

  it("hides one tenant's assignments from another tenant's admin", async () => {
    const holder = await person();
    const granted = (await (await grant(s.adminA, holder.id, { role: 'OPD_STAFF' })).json()) as Assignment;
    assert.equal((await ctx().request(`/api/users/${holder.id}/roles`, { session: s.adminB })).status, 404);
    const end = await ctx().request(`/api/role-assignments/${granted.id}/end`, { json: { validTo: '2026-03-02' }, session: s.adminB });
    assert.equal(await codeOf(end), 'identity.role_assignment_not_found');
    const revoke = await ctx().request(`/api/role-assignments/${granted.id}/revoke`, { method: 'POST', session: s.adminB });
    assert.equal(revoke.status, 404);
    assert.equal((await rolesOf(s.adminA, holder.id))[0]?.active, true);
  });

  it('does not let a tenant admin take away a platform role held in their tenant', async () => {
    const holder = await buildUser(ctx().db, { orgId: tenantA.id, totpSecret: ADMIN_TOTP_SECRET });
    const granted = (await (await grant(s.platform, holder.id, { role: 'PLATFORM_ADMIN', orgId: tenantA.id })).json()) as Assignment;
    const res = await ctx().request(`/api/role-assignments/${granted.id}/revoke`, { method: 'POST', session: s.adminA });
    assert.equal(res.status, 403);
    assert.equal(await codeOf(res), 'identity.cannot_grant_role');
  });

  it('lists the role catalogue with what the caller may grant', async () => {
    type Catalogue = { items: { code: string; requiresTwoFactor: boolean; grantable: boolean; allowedOrgTypes: string[]; permissions: string[] }[] };
    const forAdmin = (await (await ctx().request('/api/roles', { session: s.adminA })).json()) as Catalogue;
    assert.equal(forAdmin.items.length, 16);
    const byCode = new Map(forAdmin.items.map((r) => [r.code, r]));
    assert.equal(byCode.get('TENANT_ADMIN')?.requiresTwoFactor, true);
    assert.deepEqual(byCode.get('KEPALA_DAERAH')?.allowedOrgTypes, ['PEMDA']);
    assert.deepEqual([byCode.get('OPD_STAFF')?.grantable, byCode.get('PLATFORM_ADMIN')?.grantable], [true, false]);
    const forStaff = (await (await ctx().request('/api/roles', { session: s.staffA })).json()) as Catalogue;
    assert.ok(forStaff.items.every((r) => !r.grantable));
  });

  it('lets the seed and CLI create people and grant any role as the system, audited without an actor', async () => {
    const deps = { db: ctx().db, clock: ctx().clock, audit: SYSTEM_AUDIT_CONTEXT, actor: null };
    const created = await createUser({ ...deps, input: { email: 'Direktur.KSD@kemendagri.go.id', name: 'Direktur KSD', orgId: kemendagri.id, password: 'kopi-susu-di-jakarta-pusat' } });
    assert.equal(created.email, 'direktur.ksd@kemendagri.go.id');
    const granted = await grantRole({ ...deps, input: { userId: created.id, role: 'PLATFORM_ADMIN', orgId: kemendagri.id, validFrom: '2026-01-01' } });
    assert.match(granted.id, /^[0-9a-f-]{36}$/);
    const rows = await ctx().db.select().from(auditLog).where(and(eq(auditLog.entityId, granted.id), isNull(auditLog.actorUserId)));
    assert.deepEqual(rows.map((r) => r.action), ['role.grant']);
    await assert.rejects(grantRole({ ...deps, input: { userId: created.id, role: 'BUPATI', orgId: kemendagri.id, validFrom: '2026-01-01' } }), (e: AppError) => e.code === 'identity.unknown_role');
    await assert.rejects(
      grantRole({ ...deps, input: { userId: created.id, role: 'KEPALA_DAERAH', orgId: kemendagri.id, validFrom: '2026-01-01' } }),
      (e: AppError) => e.code === 'identity.role_not_allowed_in_org',
    );
  });
});
