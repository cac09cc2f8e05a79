import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestContext, type TestContext } from '../../test/context.js';
import { DB_KINDS } from '../../test/database.js';
import { buildTenant, buildUser, signIn, TEST_PASSWORD } from '../../test/factories.js';

type Problem = { code: string; detail: string };

// TRUST_PROXY on, so that each test can come from its own client address (X-Forwarded-For).
for (const kind of DB_KINDS) {
  describe(`sign-in and sessions over HTTP [${kind}]`, () => {
    let ctx: TestContext;
    let tenantId: string;
    let ipCounter = 0;
    const freshIp = () => `198.51.100.${++ipCounter}`;

    before(async () => {
      ctx = await createTestContext(kind, { TRUST_PROXY: 'true' });
      tenantId = (await buildTenant(ctx.db, { regionCode: '63.06' })).id;
    });
    after(async () => {
      await ctx.close();
    });

    const staff = () => buildUser(ctx.db, { orgId: tenantId, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantId }] });
    const login = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
      ctx.request('/api/auth/login', { json: { email, password }, headers: { 'x-forwarded-for': ip, ...headers } });
    const cookieNamed = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '';

    it('signs in with a session cookie that scripts cannot read and other sites do not send', async () => {
      const user = await staff();
      const res = await login(user.email, TEST_PASSWORD, freshIp());
      assert.equal(res.status, 200);
      const session = cookieNamed(res, 'jj_session');
      assert.match(session, /HttpOnly/);
      assert.match(session, /SameSite=Lax/);
      assert.match(session, /Path=\//);
      assert.doesNotMatch(session, /Secure/);
      // The CSRF cookie is meant to be read by the web app.
      assert.doesNotMatch(cookieNamed(res, 'jj_csrf'), /HttpOnly/);
      const body = (await res.json()) as { userId: string; csrfToken: string };
      assert.equal(body.userId, user.id);
      assert.ok(body.csrfToken.length >= 32);
    });

    it('marks the session cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
      const user = await staff();
      const res = await login(user.email, TEST_PASSWORD, freshIp(), { 'x-forwarded-proto': 'https' });
      assert.equal(res.status, 200);
      assert.match(cookieNamed(res, 'jj_session'), /Secure/);
    });

    it('answers a wrong password and an unknown e-mail address the same way', async () => {
      const user = await staff();
      const wrong = await login(user.email, 'bukan-kata-sandi-yang-benar', freshIp());
      const unknown = await login('tidak.ada@hss.go.id', TEST_PASSWORD, freshIp());
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      const [a, b] = [(await wrong.json()) as Problem, (await unknown.json()) as Problem];
      assert.equal(a.code, 'auth.invalid_credentials');
      assert.deepEqual([a.code, a.detail], [b.code, b.detail]);
    });

    it('refuses a disabled user with the same answer as a wrong password', async () => {
      const user = await buildUser(ctx.db, { orgId: tenantId, status: 'DISABLED' });
      const res = await login(user.email, TEST_PASSWORD, freshIp());
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as Problem).code, 'auth.invalid_credentials');
    });

    it('locks an address after five failures, says when to retry, and doubles the wait', async () => {
      const user = await staff();
      const ip = freshIp();
      for (let i = 0; i < 5; i++) assert.equal((await login(user.email, 'salah-salah-salah', ip)).status, 401);
      const locked = await login(user.email, TEST_PASSWORD, ip);
      assert.equal(locked.status, 429);
      assert.equal(((await locked.json()) as Problem).code, 'auth.locked_out');
      assert.equal(locked.headers.get('retry-after'), '60');
      // Another address does not get around a lock on the e-mail address.
      assert.equal((await login(user.email, TEST_PASSWORD, freshIp())).status, 429);

      ctx.clock.advance(61_000);
      assert.equal((await login(user.email, 'salah-salah-salah', ip)).status, 401);
      const longer = await login(user.email, TEST_PASSWORD, ip);
      assert.equal(longer.status, 429);
      assert.equal(longer.headers.get('retry-after'), '120');

      ctx.clock.advance(121_000);
      assert.equal((await login(user.email, TEST_PASSWORD, ip)).status, 200);
    });

    it('stops an address that keeps failing across many e-mail addresses', async () => {
      const ip = freshIp();
      for (let i = 0; i < 50; i++) assert.equal((await login(`tebakan${i}@hss.go.id`, 'salah-salah-salah', ip)).status, 401);
      const user = await staff();
      const limited = await login(user.email, TEST_PASSWORD, ip);
      assert.equal(limited.status, 429);
      assert.equal(((await limited.json()) as Problem).code, 'auth.rate_limited');
      assert.equal(limited.headers.get('retry-after'), '900');
      assert.equal((await login(user.email, TEST_PASSWORD, freshIp())).status, 200);
    });

    it('treats a forged or a signed-out cookie as no session at all', async () => {
      const forged = await ctx.request('/api/me', { headers: { cookie: 'jj_session=dipalsukan-bukan-token-asli' } });
      assert.equal(forged.status, 401);
      assert.equal(((await forged.json()) as Problem).code, 'auth.unauthenticated');

      const user = await staff();
      const session = await signIn(ctx, user.email);
      assert.equal((await ctx.request('/api/auth/logout', { method: 'POST', session })).status, 204);
      const stale = await ctx.request('/api/me', { session });
      assert.equal(stale.status, 401);
    });

    it('refuses a cookie write without the CSRF token and changes nothing', async () => {
      const user = await staff();
      const session = await signIn(ctx, user.email);
      const missing = await ctx.request('/api/me', { method: 'PATCH', json: { name: 'Nama Palsu' }, session, withoutCsrf: true });
      assert.equal(missing.status, 403);
      assert.equal(((await missing.json()) as Problem).code, 'auth.csrf_failed');
      const wrong = await ctx.request('/api/me', { method: 'PATCH', json: { name: 'Nama Palsu' }, session, headers: { 'x-csrf-token': 'x'.repeat(43) } });
      assert.equal(wrong.status, 403);
      const me = (await (await ctx.request('/api/me', { session })).json()) as { user: { name: string } };
      assert.equal(me.user.name, user.name);
    });

    it('refuses writes from another site even before looking at the session', async () => {
      const user = await staff();
      const crossSite = await login(user.email, TEST_PASSWORD, freshIp(), { origin: 'https://situs-jahat.example' });
      assert.equal(crossSite.status, 403);
      assert.equal(((await crossSite.json()) as Problem).code, 'auth.csrf_failed');
      const session = await signIn(ctx, user.email);
      const res = await ctx.request('/api/me', { method: 'PATCH', json: { name: 'Nama Palsu' }, session, headers: { origin: 'https://situs-jahat.example' } });
      assert.equal(res.status, 403);
      assert.equal((await login(user.email, TEST_PASSWORD, freshIp(), { origin: 'http://localhost' })).status, 200);
    });

    it('ends a session left idle longer than the idle timeout, but not one in use', async () => {
      const user = await staff();
      const idle = await signIn(ctx, user.email);
      const busy = await signIn(ctx, user.email);
      ctx.clock.advance(100 * 60_000);
      assert.equal((await ctx.request('/api/me', { session: busy })).status, 200);
      ctx.clock.advance(30 * 60_000);
      assert.equal((await ctx.request('/api/me', { session: idle })).status, 401);
      assert.equal((await ctx.request('/api/me', { session: busy })).status, 200);
    });

    it('ends every session at its absolute expiry, however active', async () => {
      const user = await staff();
      const session = await signIn(ctx, user.email);
      for (let hour = 0; hour < 11; hour++) {
        ctx.clock.advance(60 * 60_000);
        assert.equal((await ctx.request('/api/me', { session })).status, 200, `hour ${hour + 1}`);
      }
      ctx.clock.advance(60 * 60_000 + 1000);
      assert.equal((await ctx.request('/api/me', { session })).status, 401);
    });

    it('signs out of every session of the user with logout-all, and no one else', async () => {
      const user = await staff();
      const other = await staff();
      const laptop = await signIn(ctx, user.email);
      const phone = await signIn(ctx, user.email);
      const colleague = await signIn(ctx, other.email);
      const sessions = (await (await ctx.request('/api/auth/sessions', { session: phone })).json()) as { items: { current: boolean }[] };
      assert.equal(sessions.items.length, 2);
      const res = await ctx.request('/api/auth/logout-all', { method: 'POST', session: laptop });
      assert.deepEqual(await res.json(), { revoked: 2 });
      assert.equal((await ctx.request('/api/me', { session: laptop })).status, 401);
      assert.equal((await ctx.request('/api/me', { session: phone })).status, 401);
      assert.equal((await ctx.request('/api/me', { session: colleague })).status, 200);
    });
  });
}
