import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDatabase, type TestContext, type TestSession } from '../../test/context.js';
import { buildOrg, buildTenant, buildUser, signIn, type OrgRow } from '../../test/factories.js';
import { ADMIN_TOTP_SECRET } from '../../test/isolation.js';
import { totpCode } from '../identity/identity.tokens.js';
import { changeSet, recordAudit, type AuditContext } from './index.js';

type AuditPage = {
  items: { seq: number; action: string; entityType: string; entityId: string | null; tenantId: string | null; actorUserId: string | null; actorName: string | null; at: string; diff: { before?: unknown; after?: unknown } }[];
  nextBefore: number | null;
};

/** The rows these tests write use their own entity type, so sign-in rows do not interfere. */
const ENTITY = 'uji_kerja_sama';

describeEachDatabase('audit log API', (ctx) => {
  let tenantA: OrgRow;
  let tenantB: OrgRow;
  let platformAdmin: TestSession;
  let secretariatA: TestSession;
  let staffA: TestSession;
  let actorA: string;

  const list = async (session: TestSession, query: string) => {
    const res = await ctx().request(`/api/audit?entityType=${ENTITY}&${query}`, { session });
    assert.equal(res.status, 200, await res.clone().text());

    return (await res.json()) as AuditPage;
  };

  const write = async (c: TestContext, context: AuditContext, entry: { action: string; entityId: string; tenantId: string | null; diff?: Record<string, unknown> }) => {
    c.clock.advance(60_000);
    await c.db.transaction((tx) => recordAudit({ tx, clock: c.clock, context, entry: { ...entry, entityType: ENTITY } }));
  };

  before(async () => {
    const c = ctx();
    tenantA = await buildTenant(c.db, { regionCode: '63.06' });
    tenantB = await buildTenant(c.db, { regionCode: '95.01' });
    const kemendagri = await buildOrg(c.db, { type: 'KEMENDAGRI_UNIT', name: 'Ditjen Bina Administrasi Kewilayahan' });
    const admin = await buildUser(c.db, { orgId: kemendagri.id, roles: [{ role: 'PLATFORM_ADMIN', orgId: kemendagri.id }], totpSecret: ADMIN_TOTP_SECRET });
    const secretariat = await buildUser(c.db, { orgId: tenantA.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenantA.id }] });
    const staff = await buildUser(c.db, { orgId: tenantA.id, roles: [{ role: 'OPD_STAFF', orgId: tenantA.id }] });
    platformAdmin = await signIn(c, admin.email, { totp: totpCode(ADMIN_TOTP_SECRET, c.clock.now()) });
    secretariatA = await signIn(c, secretariat.email);
    staffA = await signIn(c, staff.email);
    actorA = secretariat.id;

    const byA = { actorUserId: secretariat.id, actorOrgId: tenantA.id, actorName: secretariat.name, requestId: 'req-a', ip: '10.1.1.1' };
    const system = { actorUserId: null, actorOrgId: null, actorName: null, requestId: null, ip: null };
    await write(c, byA, { action: 'ksd.create', entityId: 'ksd-1', tenantId: tenantA.id, diff: changeSet(null, { title: 'Kerja sama air bersih' }) });
    await write(c, byA, { action: 'ksd.update', entityId: 'ksd-1', tenantId: tenantA.id, diff: changeSet({ title: 'Kerja sama air bersih', value: 10 }, { title: 'Kerja sama air minum', value: 10 }) });
    await write(c, system, { action: 'ksd.create', entityId: 'ksd-2', tenantId: tenantB.id });
    await write(c, system, { action: 'ksd.expire', entityId: 'ksd-3', tenantId: null });
    await write(c, byA, { action: 'ksd.update', entityId: 'ksd-1', tenantId: tenantA.id, diff: changeSet({ value: 10 }, { value: 12 }) });
  });

  it('shows a platform admin every row, newest first, with the before/after of each change', async () => {
    const page = await list(platformAdmin, 'limit=50');
    assert.deepEqual(page.items.map((i) => i.action), ['ksd.update', 'ksd.expire', 'ksd.create', 'ksd.update', 'ksd.create']);
    assert.ok(page.items.every((item, i) => i === 0 || page.items[i - 1]!.seq > item.seq));
    assert.deepEqual(page.items[3]!.diff, { before: { title: 'Kerja sama air bersih' }, after: { title: 'Kerja sama air minum' } });
    assert.equal(page.items[3]!.actorUserId, actorA);
    assert.match(String(page.items[3]!.actorName), /\S/, 'the actor is named as they were when they acted');
    assert.equal(page.items[2]!.actorName, null, 'the system has no name');
    assert.equal(page.nextBefore, null);
  });

  it('pages backwards with the seq cursor until the oldest row', async () => {
    const first = await list(platformAdmin, 'limit=2');
    assert.equal(first.items.length, 2);
    assert.equal(first.nextBefore, first.items[1]!.seq);
    const second = await list(platformAdmin, `limit=2&before=${first.nextBefore}`);
    const third = await list(platformAdmin, `limit=2&before=${second.nextBefore}`);
    assert.deepEqual([...first.items, ...second.items, ...third.items].map((i) => i.entityId), ['ksd-1', 'ksd-3', 'ksd-2', 'ksd-1', 'ksd-1']);
    assert.equal(third.nextBefore, null);
  });

  it('filters by action prefix, entity, actor and time range', async () => {
    assert.equal((await list(platformAdmin, 'action=ksd.up')).items.length, 2);
    assert.equal((await list(platformAdmin, 'action=ksd.create&entityId=ksd-2')).items.length, 1);
    assert.equal((await list(platformAdmin, `actorUserId=${actorA}`)).items.length, 3);
    const all = (await list(platformAdmin, '')).items;
    const from = encodeURIComponent(all[3]!.at);
    const to = encodeURIComponent(all[1]!.at);
    assert.deepEqual((await list(platformAdmin, `from=${from}&to=${to}`)).items.map((i) => i.action), ['ksd.create', 'ksd.update']);
  });

  it("shows a tenant's secretariat only that tenant's rows, and nothing for another tenant", async () => {
    const own = await list(secretariatA, '');
    assert.deepEqual(own.items.map((i) => i.action), ['ksd.update', 'ksd.update', 'ksd.create']);
    assert.ok(own.items.every((i) => i.tenantId === tenantA.id));
    assert.equal((await list(secretariatA, `tenantId=${tenantA.id}`)).items.length, 3);
    assert.deepEqual((await list(secretariatA, `tenantId=${tenantB.id}`)).items, []);
  });

  it('refuses users whose roles do not include reading the audit log', async () => {
    const res = await ctx().request('/api/audit', { session: staffA });
    assert.equal(res.status, 403);
  });

  it('refuses malformed and unknown query parameters', async () => {
    const res = await ctx().request('/api/audit?before=abc&limit=1000&sort=seq&from=yesterday', { session: platformAdmin });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { path: string }[] };
    assert.deepEqual(body.errors.map((e) => e.path).sort(), ['query.before', 'query.from', 'query.limit', 'query.sort']);
  });
});
