import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../../test/context.js';
import { buildTenant, buildUser, signIn } from '../../test/factories.js';

describeEachDatabase('reference data over HTTP', (ctx) => {
  it('lists all 38 provinces and 514 kabupaten/kota with Kemendagri codes', async () => {
    const prov = (await (await ctx().request('/api/regions?level=provinsi&limit=100')).json()) as { items: { code: string }[]; total: number };
    assert.equal(prov.total, 38);
    assert.ok(prov.items.some((p) => p.code === '95'));
    const kabkota = (await (await ctx().request('/api/regions?level=kabkota&limit=1')).json()) as { total: number };
    assert.equal(kabkota.total, 514);
  });

  it('finds a region by part of its name, names that start with the query first', async () => {
    const res = await ctx().request('/api/regions?q=hulu%20sungai');
    const body = (await res.json()) as { items: { code: string; name: string; level: string; sourceDecree: string; validFrom: string }[] };
    assert.deepEqual(body.items.map((r) => r.code).sort(), ['63.06', '63.07', '63.08']);
    assert.equal(body.items[0]?.sourceDecree, 'Kepmendagri 300.2.2-2138 Tahun 2025');
    assert.equal(body.items[0]?.validFrom, '2025-04-25');
  });

  it('loads the kecamatan of a kabupaten on first request', async () => {
    const res = await ctx().request('/api/regions?parent=95.01&limit=200');
    const body = (await res.json()) as { items: { code: string; level: string; parentCode: string }[]; total: number };
    assert.equal(res.status, 200);
    assert.ok(body.total > 10);
    assert.ok(body.items.every((r) => r.level === 'KECAMATAN' && r.parentCode === '95.01'));
    const again = (await (await ctx().request('/api/regions?parent=95.01&limit=200')).json()) as { total: number };
    assert.equal(again.total, body.total);
  });

  it('answers an unknown region code with a 404 problem in Indonesian, and in English when asked', async () => {
    const res = await ctx().request('/api/regions/99.99');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = (await res.json()) as { code: string; detail: string };
    assert.equal(body.code, 'reference.region_not_found');
    assert.match(body.detail, /tidak ditemukan/);
    const en = await ctx().request('/api/regions/99.99', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    assert.match(((await en.json()) as { detail: string }).detail, /No region/);
  });

  it('refuses unknown query parameters with per-field errors', async () => {
    const res = await ctx().request('/api/regions?level=provinsi&sort=name');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { code: string; errors: { path: string; code: string }[] };
    assert.equal(body.code, 'request.invalid');
    assert.deepEqual(body.errors.map((e) => [e.path, e.code]), [['query.sort', 'unknown_field']]);
  });

  it('lists the 32 urusan in their four groups', async () => {
    const body = (await (await ctx().request('/api/urusan')).json()) as { items: { code: string; group: string }[] };
    assert.equal(body.items.length, 32);
    assert.equal(body.items.filter((u) => u.group === 'WAJIB_PD').length, 6);
    assert.equal(body.items.filter((u) => u.group === 'WAJIB_NON_PD').length, 18);
    assert.equal(body.items.filter((u) => u.group === 'PILIHAN').length, 8);
  });

  it('lets a platform admin add a strategic issue, and refuses a secretariat user', async () => {
    const tenant = await buildTenant(ctx().db, { regionCode: '63.06' });
    const staff = await buildUser(ctx().db, { orgId: tenant.id, roles: [{ role: 'KSD_SECRETARIAT_ADMIN', orgId: tenant.id }] });
    const staffSession = await signIn(ctx(), staff.email);
    const refused = await ctx().request('/api/strategic-issues', { json: { code: 'AIR_BERSIH', nameId: 'Air bersih', nameEn: 'Clean water' }, session: staffSession });
    assert.equal(refused.status, 403);

    const listed = (await (await ctx().request('/api/strategic-issues')).json()) as { items: unknown[] };
    assert.equal(listed.items.length, 8);
  });
});
