import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { describeEachDatabase } from '../../test/context.js';
import { buildTenant, buildUser, signIn, TEST_PASSWORD } from '../../test/factories.js';
import { recoveryCode } from './identity.tables.js';
import { sha256, totpCode } from './identity.tokens.js';

type Problem = { code: string; errors?: { path: string; code: string }[] };
type Me = { restricted: boolean; twoFactor: { enabled: boolean; required: boolean }; permissions: string[] };

describeEachDatabase('two-factor sign-in', (ctx) => {
  let tenantId: string;
  before(async () => {
    tenantId = (await buildTenant(ctx().db, { regionCode: '63.06' })).id;
  });

  const tenantAdmin = () => buildUser(ctx().db, { orgId: tenantId, roles: [{ role: 'TENANT_ADMIN', orgId: tenantId }] });
  const staff = () => buildUser(ctx().db, { orgId: tenantId, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantId }] });
  const code = (secret: string) => totpCode(secret, ctx().clock.now());
  const login = (email: string, totp?: string) => ctx().request('/api/auth/login', { json: { email, password: TEST_PASSWORD, ...(totp ? { totp } : {}) } });

  /** Enrols through the API, as a person would: setup, then a code from the new secret. */
  const enrol = async (session: Awaited<ReturnType<typeof signIn>>) => {
    const setup = (await (await ctx().request('/api/auth/totp/setup', { method: 'POST', session })).json()) as { secret: string };
    const enabled = await ctx().request('/api/auth/totp/enable', { json: { code: code(setup.secret) }, session });
    assert.equal(enabled.status, 200);

    return { secret: setup.secret, recoveryCodes: ((await enabled.json()) as { recoveryCodes: string[] }).recoveryCodes };
  };

  it('keeps an administrator without two-factor restricted to enrolment, then lets them work', async () => {
    const admin = await tenantAdmin();
    const session = await signIn(ctx(), admin.email);
    const before = (await (await ctx().request('/api/me', { session })).json()) as Me;
    assert.deepEqual([before.restricted, before.twoFactor], [true, { enabled: false, required: true }]);
    const blocked = await ctx().request('/api/users', { session });
    assert.equal(blocked.status, 403);
    assert.equal(((await blocked.json()) as Problem).code, 'auth.two_factor_enrolment_required');
    const password = await ctx().request('/api/auth/password', { json: { currentPassword: TEST_PASSWORD, newPassword: 'kopi-susu-banjarmasin' }, session });
    assert.equal(((await password.json()) as Problem).code, 'auth.two_factor_enrolment_required');

    const setupRes = await ctx().request('/api/auth/totp/setup', { method: 'POST', session });
    assert.equal(setupRes.status, 200);
    const setup = (await setupRes.json()) as { secret: string; otpauthUri: string; qrSvg: string };
    assert.match(setup.secret, /^[A-Z2-7]{32}$/);
    assert.ok(setup.otpauthUri.startsWith('otpauth://totp/Jejaring:'));
    assert.ok(setup.otpauthUri.includes(encodeURIComponent(admin.email)));
    assert.match(setup.qrSvg, /^<svg[\s\S]*<\/svg>\s*$/);

    const wrong = await ctx().request('/api/auth/totp/enable', { json: { code: '000000' }, session });
    assert.equal(wrong.status, 400);
    assert.equal(((await wrong.json()) as Problem).code, 'auth.totp_code_invalid');
    const enabled = await ctx().request('/api/auth/totp/enable', { json: { code: code(setup.secret) }, session });
    assert.equal(enabled.status, 200);
    assert.equal(((await enabled.json()) as { recoveryCodes: string[] }).recoveryCodes.length, 10);

    const after = (await (await ctx().request('/api/me', { session })).json()) as Me;
    assert.deepEqual([after.restricted, after.twoFactor.enabled], [false, true]);
    assert.ok(after.permissions.includes('user.manage'));
    assert.equal((await ctx().request('/api/users', { session })).status, 200);
  });

  it('asks for the code at sign-in after enrolment, and accepts each recovery code only once', async () => {
    const admin = await tenantAdmin();
    const { secret, recoveryCodes } = await enrol(await signIn(ctx(), admin.email));

    const noCode = await login(admin.email);
    assert.equal(noCode.status, 401);
    assert.equal(((await noCode.json()) as Problem).code, 'auth.totp_required');
    const wrongCode = await login(admin.email, '123456');
    assert.equal(((await wrongCode.json()) as Problem).code, 'auth.totp_invalid');
    assert.equal((await login(admin.email, code(secret))).status, 200);

    const spare = recoveryCodes[0]!;
    assert.equal((await login(admin.email, ` ${spare.toUpperCase()} `)).status, 200);
    const again = await login(admin.email, spare);
    assert.equal(again.status, 401);
    assert.equal(((await again.json()) as Problem).code, 'auth.totp_invalid');
    assert.equal((await login(admin.email, recoveryCodes[1]!)).status, 200);
  });

  it('stores recovery codes only as SHA-256 digests', async () => {
    const user = await staff();
    const { recoveryCodes } = await enrol(await signIn(ctx(), user.email));
    const stored = await ctx().db.select({ codeHash: recoveryCode.codeHash }).from(recoveryCode).where(eq(recoveryCode.userId, user.id));
    assert.deepEqual(stored.map((r) => r.codeHash).sort(), recoveryCodes.map((c) => sha256(c)).sort());
  });

  it('ends the other sessions of a user who turns two-factor on', async () => {
    const user = await staff();
    const older = await signIn(ctx(), user.email);
    const current = await signIn(ctx(), user.email);
    await enrol(current);
    assert.equal((await ctx().request('/api/me', { session: older })).status, 401);
    assert.equal((await ctx().request('/api/me', { session: current })).status, 200);
  });

  it('refuses to start over while two-factor is on, and to confirm without a started enrolment', async () => {
    const user = await staff();
    const session = await signIn(ctx(), user.email);
    const early = await ctx().request('/api/auth/totp/enable', { json: { code: '123456' }, session });
    assert.equal(((await early.json()) as Problem).code, 'auth.totp_not_started');
    await enrol(session);
    const again = await ctx().request('/api/auth/totp/setup', { method: 'POST', session });
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as Problem).code, 'auth.totp_already_enabled');
  });

  it('refuses to turn two-factor off for a role that requires it', async () => {
    const admin = await tenantAdmin();
    const { secret } = await enrol(await signIn(ctx(), admin.email));
    const session = await signIn(ctx(), admin.email, { totp: code(secret) });
    const res = await ctx().request('/api/auth/totp/disable', { json: { password: TEST_PASSWORD }, session });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as Problem).code, 'auth.totp_required_by_role');
    assert.equal((await login(admin.email)).status, 401);
  });

  it('turns two-factor off for other users once the password is confirmed', async () => {
    const user = await staff();
    const session = await signIn(ctx(), user.email);
    await enrol(session);
    const wrong = await ctx().request('/api/auth/totp/disable', { json: { password: 'bukan-kata-sandinya' }, session });
    assert.equal(wrong.status, 400);
    assert.deepEqual(((await wrong.json()) as Problem).errors?.map((e) => [e.path, e.code]), [['password', 'wrong_password']]);
    assert.equal((await ctx().request('/api/auth/totp/disable', { json: { password: TEST_PASSWORD }, session })).status, 204);
    assert.equal((await login(user.email)).status, 200);
    const off = await ctx().request('/api/auth/totp/disable', { json: { password: TEST_PASSWORD }, session });
    assert.equal(((await off.json()) as Problem).code, 'auth.totp_not_enabled');
  });

  it('replaces all recovery codes when new ones are made', async () => {
    const user = await staff();
    const session = await signIn(ctx(), user.email);
    const { recoveryCodes: first } = await enrol(session);
    const wrong = await ctx().request('/api/auth/recovery-codes', { json: { password: 'bukan-kata-sandinya' }, session });
    assert.equal(((await wrong.json()) as Problem).code, 'auth.wrong_password');
    const res = await ctx().request('/api/auth/recovery-codes', { json: { password: TEST_PASSWORD }, session });
    assert.equal(res.status, 200);
    const second = ((await res.json()) as { recoveryCodes: string[] }).recoveryCodes;
    assert.equal(second.length, 10);
    assert.equal((await login(user.email, first[0]!)).status, 401);
    assert.equal((await login(user.email, second[0]!)).status, 200);
  });
});
