import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { buildTenant, buildUser, signIn, TEST_PASSWORD } from '../../test/factories.js';
import { auditLog } from '../audit/audit.tables.js';

type Problem = { code: string; detail: string; errors?: { path: string; code: string; message: string }[] };

const NEW_PASSWORD = 'kopi-susu-di-banjarmasin';

describeEachDatabase('own password and profile', (ctx) => {
  let tenantId: string;
  before(async () => {
    tenantId = (await buildTenant(ctx().db, { regionCode: '63.06' })).id;
  });

  const staff = (email?: string) => buildUser(ctx().db, { orgId: tenantId, ...(email ? { email } : {}), roles: [{ role: 'OPD_STAFF', orgId: tenantId }] });
  const login = (email: string, password: string) => ctx().request('/api/auth/login', { json: { email, password } });
  const change = (session: Awaited<ReturnType<typeof signIn>>, newPassword: string, headers: Record<string, string> = {}) =>
    ctx().request('/api/auth/password', { json: { currentPassword: TEST_PASSWORD, newPassword }, session, headers });

  it('reports each broken password rule on newPassword, in Indonesian or English', async () => {
    const user = await staff('rahmat.hidayat@hss.go.id');
    const session = await signIn(ctx(), user.email);
    const cases: [string, string][] = [
      ['pendek-1', 'too_short'],
      ['password1234', 'common'],
      ['Rahmat.Hidayat-2026', 'contains_email'],
      ['x'.repeat(257), 'too_long'],
    ];
    for (const [password, rule] of cases) {
      const res = await change(session, password);
      assert.equal(res.status, 400, rule);
      const body = (await res.json()) as Problem;
      assert.equal(body.code, 'auth.weak_password');
      assert.deepEqual(body.errors?.map((e) => [e.path, e.code]), [['newPassword', rule]]);
    }
    const id = ((await (await change(session, 'pendek-1')).json()) as Problem).errors![0]!.message;
    const en = ((await (await change(session, 'pendek-1', { 'accept-language': 'en' })).json()) as Problem).errors![0]!.message;
    assert.equal(id, 'Minimal 12 karakter.');
    assert.equal(en, 'At least 12 characters.');
    assert.equal((await login(user.email, TEST_PASSWORD)).status, 200);
  });

  it('refuses the change when the current password is wrong', async () => {
    const user = await staff();
    const session = await signIn(ctx(), user.email);
    const res = await ctx().request('/api/auth/password', { json: { currentPassword: 'bukan-kata-sandinya', newPassword: NEW_PASSWORD }, session });
    assert.equal(res.status, 400);
    const body = (await res.json()) as Problem;
    assert.equal(body.code, 'auth.wrong_password');
    assert.deepEqual(body.errors?.map((e) => e.path), ['currentPassword']);
    assert.equal((await login(user.email, NEW_PASSWORD)).status, 401);
  });

  it('changes the password, keeps this session and ends the others, with an audit row', async () => {
    const user = await staff();
    const here = await signIn(ctx(), user.email);
    const elsewhere = await signIn(ctx(), user.email);
    assert.equal((await change(here, NEW_PASSWORD)).status, 204);
    assert.equal((await ctx().request('/api/me', { session: here })).status, 200);
    assert.equal((await ctx().request('/api/me', { session: elsewhere })).status, 401);
    assert.equal((await login(user.email, TEST_PASSWORD)).status, 401);
    assert.equal((await login(user.email, NEW_PASSWORD)).status, 200);
    const rows = await ctx().db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.password_change'), eq(auditLog.entityId, user.id)));
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]!.diff, { revokedSessions: 1 });
    assert.equal(rows[0]!.tenantId, tenantId);
  });

  it('lets people change their display name and language, and nothing else', async () => {
    const user = await staff();
    const session = await signIn(ctx(), user.email);
    const res = await ctx().request('/api/me', { method: 'PATCH', json: { name: 'Siti Rahmah, S.E.', locale: 'en' }, session });
    assert.equal(res.status, 200);
    const me = (await res.json()) as { user: { name: string; locale: string; email: string }; organization: { id: string } };
    assert.deepEqual(me.user, { id: user.id, email: user.email, name: 'Siti Rahmah, S.E.', locale: 'en' });
    assert.equal(me.organization.id, tenantId);

    const sneaky = await ctx().request('/api/me', { method: 'PATCH', json: { email: 'lain@hss.go.id' }, session });
    assert.equal(sneaky.status, 400);
    assert.ok(((await sneaky.json()) as Problem).errors?.some((e) => e.path === 'email' && e.code === 'unknown_field'));
    const empty = await ctx().request('/api/me', { method: 'PATCH', json: {}, session });
    assert.equal(((await empty.json()) as Problem).errors?.[0]?.code, 'empty_patch');
  });
});
