import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/http/context.js';
import { SYSTEM_AUDIT_CONTEXT } from '../audit/index.js';
import { cooperation } from '../cooperations/cooperations.tables.js';
import { describeEachDatabase } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { getPublished, listPublished, listReleases, publish, refreshAllReleases, regionSummary, stats, withdraw } from './index.js';

/** The secretariat of a pemda as the use cases see it (the HTTP tests cover sign-in and routes). */
const secretariatOf = (w: PemdaWorld): Actor => ({
  userId: w.users.secretariat.id,
  sessionId: 'test',
  email: w.users.secretariat.email,
  name: 'Sekretariat',
  orgId: w.tenant.id,
  tenantId: w.tenant.id,
  roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: w.tenant.id, tenantId: w.tenant.id }],
  permissions: new Set(['cooperation.read', 'portal.publish']),
  scope: { platformAdmin: false, tenantIds: [w.tenant.id], oversightProvinceCodes: [], readAll: false, orgIds: [w.tenant.id] },
  csrfToken: '',
  restricted: false,
  viaCookie: false,
});

describeEachDatabase('portal: publishing appends releases and feeds the public read model', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;
  const deps = () => ({ db: ctx().db, clock: ctx().clock, audit: SYSTEM_AUDIT_CONTEXT, actor: secretariatOf(a), settings: { ocidPrefix: 'ocds-test' } });

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const created = await ctx().request('/api/cooperations', { json: ksddInput(a, b), session: a.sessions.opdStaff });
    assert.equal(created.status, 201, await created.clone().text());
    id = ((await created.json()) as { id: string }).id;
  });

  it('refuses a proposal, publishes once signed, and lists it by region, kind and text', async () => {
    await assert.rejects(publish(deps(), id, {}), { code: 'portal.not_publishable' });
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31', signedAt: '2025-12-20' }).where(eq(cooperation.id, id));
    const { release } = await publish(deps(), id, {});
    assert.deepEqual([release.sequence, release.tag], [1, 'publication']);
    const snap = await getPublished(ctx().db, id);
    assert.equal(snap?.ocid, `ocds-test-${id}`);
    assert.equal(snap?.funding, undefined, 'funding is internal by default');
    assert.deepEqual(snap?.ruangLingkup, ['Pengangkutan sampah antardaerah', 'Pengelolaan TPA regional']);
    assert.equal((await listPublished(ctx().db, { region: '63' })).items.length, 1);
    assert.equal((await listPublished(ctx().db, { region: '64' })).items.length, 0);
    assert.equal((await listPublished(ctx().db, { kind: 'KSDPK' })).items.length, 0);
    const hit = await listPublished(ctx().db, { q: 'sampah' });
    assert.ok(hit.items[0]?.snippet?.includes('<mark>'), JSON.stringify(hit));
    const figures = await stats(ctx().db);
    assert.deepEqual([figures.total, figures.byKind, figures.byUrusan.map((u) => [u.code, u.count]), figures.byProvince.map((p) => [p.code, p.count])], [1, [{ code: 'KSDD', name: 'KSDD', count: 1 }], [['2.11', 1]], [['63', 1]]]);
    const region = await regionSummary(ctx().db, '63.06');
    assert.deepEqual([region.total, region.partners.map((p) => p.name), region.cooperations.length], [1, ['Kabupaten Hulu Sungai Tengah'], 1]);
  });

  it('appends an update only when the public snapshot changes; withdrawal keeps the history', async () => {
    await publish(deps(), id, {});
    assert.equal((await listReleases(ctx().db, id)).length, 1, 'same snapshot, no new release');
    await publish(deps(), id, { visibility: { funding: true } });
    assert.deepEqual((await listReleases(ctx().db, id)).map((r) => r.tag), ['publication', 'update']);
    await ctx().db.update(cooperation).set({ title: 'Pengelolaan sampah regional terpadu' }).where(eq(cooperation.id, id));
    assert.deepEqual(await refreshAllReleases({ db: ctx().db, clock: ctx().clock, settings: { ocidPrefix: 'ocds-test' } }), { checked: 1, appended: 1 });
    const releases = await listReleases(ctx().db, id);
    assert.equal(releases[0]?.cooperation?.title, 'Pengelolaan sampah regional bersama', 'the first release is unchanged');
    await withdraw(deps(), id, 'Data perlu diperbaiki');
    assert.equal(await getPublished(ctx().db, id), null);
    assert.deepEqual((await listReleases(ctx().db, id)).map((r) => r.tag), ['publication', 'update', 'update', 'withdrawal']);
    assert.equal((await listPublished(ctx().db, {})).items.length, 0);
    await assert.rejects(ctx().db.execute(sql`UPDATE portal_release SET tag = 'update' WHERE cooperation_id = ${id}`), (err: Error & { cause?: Error }) => /append-only/.test(err.cause?.message ?? err.message));
  });
});
