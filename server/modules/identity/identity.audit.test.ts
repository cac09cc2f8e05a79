import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildOrg, buildTenant, buildUser, signIn } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { auditLog } from '../audit/audit.tables.js';
import { SYSTEM_AUDIT_CONTEXT, verifyAuditChain } from '../audit/index.js';
import { createUser } from './index.js';
import { appUser } from './identity.tables.js';
import { totpCode } from './identity.tokens.js';

/**
 * Every identity change and its audit row commit together or not at all: the row is written
 * through the use case's own transaction, never on the side.
 */
describeEachDatabase('identity changes and their audit rows', (ctx) => {
  let opdId: string;
  let admin: TestSession;
  const auditCount = async () => (await ctx().db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditLog))[0]!.n;

  before(async () => {
    const tenant = await buildTenant(ctx().db, { regionCode: '63.06' });
    opdId = (await buildOrg(ctx().db, { type: 'OPD', tenantId: tenant.id, parentId: tenant.id })).id;
    const user = await buildUser(ctx().db, { orgId: tenant.id, roles: [{ role: 'TENANT_ADMIN', orgId: tenant.id }], totpSecret: ADMIN_TOTP_SECRET });
    admin = await signIn(ctx(), user.email, { totp: totpCode(ADMIN_TOTP_SECRET, ctx().clock.now()) });
    // Refuses, at commit time, any user renamed to "Gagal Simpan": the change and its audit row are both written by then.
    await ctx().database.execScript(`
      CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'Gagal Simpan' THEN RAISE EXCEPTION 'refused at commit'; END IF;
        RETURN NEW;
      END $$;
      CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER UPDATE ON app_user
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_at_commit();
    `);
  });

  it('a change that fails when committing leaves neither the change nor its audit row', async () => {
    const person = await buildUser(ctx().db, { orgId: opdId, name: 'Nama Asli' });
    const before = await auditCount();
    const res = await ctx().request(`/api/users/${person.id}`, { method: 'PATCH', json: { name: 'Gagal Simpan' }, session: admin });
    assert.equal(res.status, 500);
    const problem = (await res.json()) as { code: string; detail: string; requestId: string };
    assert.equal(problem.code, 'internal.error');
    assert.ok(problem.detail.includes(problem.requestId), 'the answer names the request id to report');
    assert.doesNotMatch(JSON.stringify(problem), /test_refuse_at_commit|app_user|stack|SQL/i, 'no internals in the answer');
    assert.equal(await auditCount(), before);
    assert.equal((await ctx().db.select({ name: appUser.name }).from(appUser).where(eq(appUser.id, person.id)))[0]?.name, 'Nama Asli');
    assert.deepEqual(await verifyAuditChain({ db: ctx().db }), { ok: true, rows: before, headSeq: before });
  });

  it('a refused change writes no audit row', async () => {
    const person = await buildUser(ctx().db, { orgId: opdId });
    const before = await auditCount();
    const taken = await ctx().request('/api/users', { json: { email: person.email, name: 'Kembar', orgId: opdId, password: 'kopi-susu-di-banjarmasin' }, session: admin });
    assert.equal(taken.status, 409);
    const wrongOrg = await ctx().request(`/api/users/${person.id}`, { method: 'PATCH', json: { orgId: '00000000-0000-4000-8000-000000000000' }, session: admin });
    assert.equal(wrongOrg.status, 422);
    assert.equal(await auditCount(), before);
  });

  it('a use case run inside a larger transaction is undone with it, audit row included', async () => {
    const before = await auditCount();
    await assert.rejects(
      ctx().db.transaction(async (tx) => {
        await createUser({ db: tx, clock: ctx().clock, audit: SYSTEM_AUDIT_CONTEXT, actor: null, input: { email: 'batal@hss.go.id', name: 'Batal', orgId: opdId, password: 'kopi-susu-di-banjarmasin' } });
        throw new Error('seed step failed');
      }),
      /seed step failed/,
    );
    assert.equal(await auditCount(), before);
    assert.equal((await ctx().db.select().from(appUser).where(eq(appUser.email, 'batal@hss.go.id'))).length, 0);
  });
});
