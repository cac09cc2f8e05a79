import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createTestContext, type TestContext } from '../../test/context.js';
import { DB_KINDS } from '../../test/database.js';
import { NO_GEO, sharedGeoDir } from '../../test/geo.js';
import { DEFAULT_GEO_ATTRIBUTION } from '../../platform/config.js';

// The geo routes read files, not the database; one engine is enough.
const kind = DB_KINDS[0]!;

describe('region boundaries over HTTP, configured', { skip: sharedGeoDir ? false : NO_GEO }, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext(kind, { GEO_DATA_DIR: sharedGeoDir! });
  });
  after(() => ctx.close());

  it('says boundaries are available, with both layers, the attribution and the licence', async () => {
    const res = await ctx.request('/api/public/geo');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { available: boolean; attribution: string; licence: string; layers: { id: string; url: string; features: number }[] };
    assert.equal(body.available, true);
    assert.equal(body.attribution, DEFAULT_GEO_ATTRIBUTION);
    assert.match(body.licence, /MIT License/);
    assert.deepEqual(body.layers.map((l) => [l.id, l.url, l.features]), [
      ['provinces', '/api/public/geo/provinces.geojson', 38],
      ['regencies', '/api/public/geo/regencies.geojson', 514],
    ]);
  });

  it('serves the kab/kota layer as read, gzipped, with an ETag, a long cache and 304 on revalidation', async () => {
    const res = await ctx.request('/api/public/geo/regencies.geojson', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/geo+json');
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.match(res.headers.get('cache-control') ?? '', /public, max-age=86400/);
    const etag = res.headers.get('etag')!;
    assert.ok(etag);
    const geo = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as { features: { properties: { code: string; name: string } }[] };
    assert.equal(geo.features.length, 514);
    assert.deepEqual(Object.keys(geo.features[0]!.properties).sort(), ['code', 'name']);
    const again = await ctx.request('/api/public/geo/regencies.geojson', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const provinces = await ctx.request('/api/public/geo/provinces.geojson');
    assert.equal(((await provinces.json()) as { features: unknown[] }).features.length, 38);
  });

  it('lists an interior point for every region', async () => {
    const res = await ctx.request('/api/public/geo/centroids');
    const points = (await res.json()) as { code: string; name: string; lon: number; lat: number }[];
    assert.equal(points.length, 552);
    const kalsel = points.find((p) => p.code === '63')!;
    assert.equal(kalsel.name, 'Kalimantan Selatan');
    assert.ok(kalsel.lon > 114 && kalsel.lon < 117 && kalsel.lat < -1 && kalsel.lat > -5);
    assert.ok(res.headers.get('etag'));
  });
});

describe('region boundaries over HTTP, not configured', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext(kind);
  });
  after(() => ctx.close());

  it('says boundaries are unavailable, and answers the files with a coded 404', async () => {
    const info = (await (await ctx.request('/api/public/geo')).json()) as { available: boolean; layers: unknown[] };
    assert.deepEqual(info, { available: false, attribution: null, licence: null, layers: [] });
    for (const path of ['/api/public/geo/provinces.geojson', '/api/public/geo/regencies.geojson', '/api/public/geo/centroids']) {
      const res = await ctx.request(path);
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await res.json()) as { code: string }).code, 'reference.boundaries_not_configured');
    }
  });
});
