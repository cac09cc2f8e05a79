import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase, type TestContext, type TestSession } from '../../test/context.js';
import { buildOrg, buildTenant, buildUser, signIn, TEST_PASSWORD } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { auditLog } from '../audit/audit.tables.js';
import { totpCode } from './identity.tokens.js';

type Problem = { code: string; errors?: { path: string; code: string }[] };
type UserView = { id: string; email: string; name: string; orgId: string; tenantId: string | null; status: string; twoFactorEnabled: boolean };
type UserList = { items: UserView[]; total: number };

const NEW_PASSWORD = 'kopi-susu-di-banjarmasin';

/** Kab. HSS (A) with an OPD, Kab. Jayawijaya (B), the GWPP of Kalimantan Selatan, Kemendagri and a company. */
const buildWorld = async (ctx: TestContext) => {
  const db = ctx.db;
  const tenantA = await buildTenant(db, { regionCode: '63.06', name: 'Pemerintah Kabupaten Hulu Sungai Selatan' });
  const tenantB = await buildTenant(db, { regionCode: '95.01', name: 'Pemerintah Kabupaten Jayawijaya' });
  const opdA = await buildOrg(db, { type: 'OPD', name: 'Dinas Kesehatan HSS', tenantId: tenantA.id, parentId: tenantA.id, regionCode: '63.06' });
  const gwpp = await buildOrg(db, { type: 'GWPP', name: 'Gubernur Kalimantan Selatan selaku GWPP', regionCode: '63' });
  const kemendagri = await buildOrg(db, { type: 'KEMENDAGRI_UNIT', name: 'Direktorat Kerja Sama Daerah' });
  const company = await buildOrg(db, { type: 'PIHAK_KETIGA', name: 'PT Air Bersih Nusantara' });
  const admin = (orgId: string, role: string) => buildUser(db, { orgId, roles: [{ role, orgId }], totpSecret: ADMIN_TOTP_SECRET });
  const users = {
    platform: await admin(kemendagri.id, 'PLATFORM_ADMIN'),
    adminA: await admin(tenantA.id, 'TENANT_ADMIN'),
    adminB: await admin(tenantB.id, 'TENANT_ADMIN'),
    staffA: await buildUser(db, { orgId: opdA.id, name: 'Siti Rahmah', email: 'siti.rahmah@hss.go.id', roles: [{ role: 'OPD_STAFF', orgId: opdA.id }] }),
    staffB: await buildUser(db, { orgId: tenantB.id, name: 'Yohanes Wenda', roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantB.id }] }),
    reviewer: await buildUser(db, { orgId: gwpp.id, roles: [{ role: 'GWPP_REVIEWER', orgId: gwpp.id }] }),
    viewer: await buildUser(db, { orgId: kemendagri.id, roles: [{ role: 'KEMENDAGRI_VIEWER', orgId: kemendagri.id }] }),
    partner: await buildUser(db, { orgId: company.id, roles: [{ role: 'PARTNER_USER', orgId: company.id }] }),
  };
  const session = (email: string, admin = false) => signIn(ctx, email, admin ? { totp: totpCode(ADMIN_TOTP_SECRET, ctx.clock.now()) } : {});

  return { tenantA, tenantB, opdA, gwpp, kemendagri, company, users, session };
};

describeEachDatabase('user administration', (ctx) => {
  let w: Awaited<ReturnType<typeof buildWorld>>;
  let s: Record<'platform' | 'adminA' | 'adminB' | 'reviewer' | 'viewer', TestSession>;
  before(async () => {
    w = await buildWorld(ctx());
    s = {
      platform: await w.session(w.users.platform.email, true),
      adminA: await w.session(w.users.adminA.email, true),
      adminB: await w.session(w.users.adminB.email, true),
      reviewer: await w.session(w.users.reviewer.email),
      viewer: await w.session(w.users.viewer.email),
    };
  });

  const list = async (session: TestSession, query = '') => (await (await ctx().request(`/api/users${query}`, { session })).json()) as UserList;
  const create = (session: TestSession, body: Record<string, unknown>) =>
    ctx().request('/api/users', { json: { name: 'Pegawai Baru', orgId: w.opdA.id, password: NEW_PASSWORD, ...body }, session });
  const ids = (l: UserList) => l.items.map((u) => u.id);

  it('shows a tenant admin the people of their own tenant only', async () => {
    const mine = await list(s.adminA, '?limit=200');
    assert.ok(ids(mine).includes(w.users.staffA.id));
    assert.ok(mine.items.every((u) => u.tenantId === w.tenantA.id));
    assert.equal(mine.total, mine.items.length);
    for (const other of [w.users.staffB, w.users.partner, w.users.reviewer]) assert.ok(!ids(mine).includes(other.id));
  });

  it("lets a province's GWPP reviewer read the kabupaten's people but change nothing", async () => {
    const seen = ids(await list(s.reviewer, '?limit=200'));
    assert.ok(seen.includes(w.users.staffA.id));
    assert.ok(seen.includes(w.users.reviewer.id), 'colleagues in the own tenant-less organisation');
    assert.ok(!seen.includes(w.users.staffB.id));
    assert.equal((await create(s.reviewer, { email: 'gwpp.baru@kalselprov.go.id' })).status, 403);
    assert.equal((await ctx().request(`/api/users/${w.users.staffA.id}`, { method: 'PATCH', json: { name: 'Diubah' }, session: s.reviewer })).status, 403);
  });

  it('shows Kemendagri and the platform admin everyone, partners included', async () => {
    for (const session of [s.viewer, s.platform]) {
      const seen = ids(await list(session, '?limit=200'));
      for (const u of [w.users.staffA, w.users.staffB, w.users.partner]) assert.ok(seen.includes(u.id));
    }
  });

  it('finds people by part of the name or e-mail address, organisation and status, a page at a time', async () => {
    assert.deepEqual(ids(await list(s.adminA, '?q=RAHMAH')), [w.users.staffA.id]);
    assert.deepEqual(ids(await list(s.adminA, '?q=siti.rahmah%40')), [w.users.staffA.id]);
    assert.deepEqual(ids(await list(s.platform, `?orgId=${w.opdA.id}`)), [w.users.staffA.id]);
    assert.deepEqual(ids(await list(s.adminA, '?q=Wenda')), [], "another tenant's person is not found by name");
    assert.equal((await list(s.adminA, '?status=DISABLED')).total, 0);
    const page = await list(s.platform, '?limit=2&offset=1');
    assert.equal(page.items.length, 2);
    assert.ok(page.total >= 8);
    const bad = await ctx().request('/api/users?limit=1000&sort=name', { session: s.platform });
    assert.deepEqual(((await bad.json()) as Problem).errors?.map((e) => e.path).sort(), ['query.limit', 'query.sort']);
  });

  it("answers another tenant's person as not found, and never shows credentials", async () => {
    const hidden = await ctx().request(`/api/users/${w.users.staffA.id}`, { session: s.adminB });
    assert.equal(hidden.status, 404);
    assert.equal(((await hidden.json()) as Problem).code, 'identity.user_not_found');
    const shown = (await (await ctx().request(`/api/users/${w.users.adminA.id}`, { session: s.adminA })).json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(shown).sort(), [
      'createdAt', 'email', 'id', 'lastLoginAt', 'locale', 'name', 'nip', 'orgId', 'orgName', 'orgType', 'passwordChangedAt', 'phone', 'status', 'tenantId', 'twoFactorEnabled', 'updatedAt',
    ]);
    assert.equal(shown.twoFactorEnabled, true);
  });

  it('creates a person in the own tenant who can then sign in, with an audit row free of secrets', async () => {
    const res = await create(s.adminA, { email: 'Nur.Aini@HSS.go.id', nip: '198703142010012005', phone: '+62 811 5000 123' });
    assert.equal(res.status, 201);
    const created = (await res.json()) as UserView;
    assert.deepEqual([created.email, created.tenantId, created.status, created.twoFactorEnabled], ['nur.aini@hss.go.id', w.tenantA.id, 'ACTIVE', false]);
    assert.equal((await ctx().request('/api/auth/login', { json: { email: 'nur.aini@hss.go.id', password: NEW_PASSWORD } })).status, 200);
    const rows = await ctx().db.select().from(auditLog).where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, created.id)));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.tenantId, w.tenantA.id);
    assert.equal(rows[0]!.actorUserId, w.users.adminA.id);
    assert.doesNotMatch(JSON.stringify(rows[0]!.diff), /password|argon2|totp/i);
  });

  it('refuses a second account for an e-mail address in any letter case', async () => {
    const res = await create(s.adminA, { email: 'SITI.RAHMAH@hss.go.id' });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as Problem).code, 'identity.email_taken');
  });

  it('refuses a weak initial password on the password field', async () => {
    const res = await create(s.adminA, { email: 'lemah@hss.go.id', password: 'password1234' });
    assert.equal(res.status, 400);
    assert.deepEqual(((await res.json()) as Problem).errors?.map((e) => [e.path, e.code]), [['password', 'common']]);
  });

  it("refuses to place or move a person into another tenant's organisation, or one that does not exist", async () => {
    for (const orgId of [w.tenantB.id, w.company.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await create(s.adminA, { email: `pindah.${orgId.slice(0, 8)}@hss.go.id`, orgId });
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as Problem).code, 'identity.org_not_allowed');
    }
    const move = await ctx().request(`/api/users/${w.users.staffA.id}`, { method: 'PATCH', json: { orgId: w.tenantB.id }, session: s.adminA });
    assert.equal(move.status, 422);
    const within = await ctx().request(`/api/users/${w.users.staffA.id}`, { method: 'PATCH', json: { orgId: w.tenantA.id, nip: '197805122005012003' }, session: s.adminA });
    assert.equal(((await within.json()) as UserView).orgId, w.tenantA.id);
  });

  it('disabling someone ends their sessions and blocks sign-in until they are enabled again', async () => {
    const person = await buildUser(ctx().db, { orgId: w.opdA.id });
    const theirs = await signIn(ctx(), person.email);
    const patch = (status: string) => ctx().request(`/api/users/${person.id}`, { method: 'PATCH', json: { status }, session: s.adminA });
    assert.equal(((await (await patch('DISABLED')).json()) as UserView).status, 'DISABLED');
    assert.equal((await ctx().request('/api/me', { session: theirs })).status, 401);
    assert.equal((await ctx().request('/api/auth/login', { json: { email: person.email, password: TEST_PASSWORD } })).status, 401);
    assert.equal((await patch('ACTIVE')).status, 200);
    assert.equal((await ctx().request('/api/auth/login', { json: { email: person.email, password: TEST_PASSWORD } })).status, 200);
  });

  it('does not let an administrator disable their own account', async () => {
    const res = await ctx().request(`/api/users/${w.users.adminA.id}`, { method: 'PATCH', json: { status: 'DISABLED' }, session: s.adminA });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as Problem).code, 'identity.cannot_disable_self');
  });

  it("does not let another tenant's admin change or reset a person", async () => {
    const patch = await ctx().request(`/api/users/${w.users.staffA.id}`, { method: 'PATCH', json: { name: 'Diubah' }, session: s.adminB });
    assert.equal(patch.status, 404);
    const reset = await ctx().request(`/api/users/${w.users.staffA.id}/reset-password`, { json: { newPassword: NEW_PASSWORD }, session: s.adminB });
    assert.equal(reset.status, 404);
    assert.equal((await ctx().request('/api/auth/login', { json: { email: w.users.staffA.email, password: TEST_PASSWORD } })).status, 200);
  });

  it('resets a forgotten password under the password rules and signs the person out everywhere', async () => {
    const person = await buildUser(ctx().db, { orgId: w.opdA.id });
    const theirs = await signIn(ctx(), person.email);
    const url = `/api/users/${person.id}/reset-password`;
    const weak = await ctx().request(url, { json: { newPassword: 'pendek' }, session: s.adminA });
    assert.deepEqual(((await weak.json()) as Problem).errors?.map((e) => [e.path, e.code]), [['newPassword', 'too_short']]);
    assert.equal((await ctx().request(url, { json: { newPassword: NEW_PASSWORD }, session: s.adminA })).status, 204);
    assert.equal((await ctx().request('/api/me', { session: theirs })).status, 401);
    assert.equal((await ctx().request('/api/auth/login', { json: { email: person.email, password: NEW_PASSWORD } })).status, 200);
  });
});
