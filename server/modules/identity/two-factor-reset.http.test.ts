import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../test/context.js';
import { buildTenant, buildUser, signIn } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { totpCode } from './identity.tokens.js';

describeEachDatabase('an administrator turns off a lost authenticator', (ctx) => {
  it('clears the second factor and every session; the next sign-in needs no code, and an admin must enrol again', async () => {
    const tenant = await buildTenant(ctx().db, { regionCode: '63.06' });
    const code = () => totpCode(ADMIN_TOTP_SECRET, ctx().clock.now());
    const admin = await buildUser(ctx().db, { orgId: tenant.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenant.id }], totpSecret: ADMIN_TOTP_SECRET });
    const colleague = await buildUser(ctx().db, { orgId: tenant.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenant.id }], totpSecret: ADMIN_TOTP_SECRET });
    const adminSession = await signIn(ctx(), admin.email, { totp: code() });
    const lostPhone = await signIn(ctx(), colleague.email, { totp: code() });

    const res = await ctx().request(`/api/users/${colleague.id}/reset-two-factor`, { method: 'POST', session: adminSession });
    assert.equal(res.status, 204);
    assert.equal((await ctx().request('/api/me', { session: lostPhone })).status, 401, 'the old session ended');

    const fresh = await signIn(ctx(), colleague.email);
    const me = (await (await ctx().request('/api/me', { session: fresh })).json()) as { restricted: boolean; twoFactor: { enabled: boolean; required: boolean } };
    assert.deepEqual(me.twoFactor, { enabled: false, required: true });
    assert.equal(me.restricted, true, 'an admin must enrol again before doing anything else');

    const audit = (await (await ctx().request(`/api/audit?action=user.two_factor_reset&entityId=${colleague.id}`, { session: adminSession })).json()) as { items: { actorUserId: string }[] };
    assert.equal(audit.items[0]?.actorUserId, admin.id);
  });

  it('refuses to reset one’s own two-factor, and refuses staff without user management', async () => {
    const tenant = await buildTenant(ctx().db, { regionCode: '63.07' });
    const admin = await buildUser(ctx().db, { orgId: tenant.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenant.id }], totpSecret: ADMIN_TOTP_SECRET });
    const staff = await buildUser(ctx().db, { orgId: tenant.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenant.id }] });
    const adminSession = await signIn(ctx(), admin.email, { totp: totpCode(ADMIN_TOTP_SECRET, ctx().clock.now()) });
    const own = await ctx().request(`/api/users/${admin.id}/reset-two-factor`, { method: 'POST', session: adminSession });
    assert.equal(own.status, 409);
    assert.equal(((await own.json()) as { code: string }).code, 'identity.cannot_reset_own_two_factor');
    const staffSession = await signIn(ctx(), staff.email);
    assert.equal((await ctx().request(`/api/users/${admin.id}/reset-two-factor`, { method: 'POST', session: staffSession })).status, 403);
  });
});
