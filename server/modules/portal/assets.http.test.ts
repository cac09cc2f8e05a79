import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestContext, type TestContext } from '../../test/context.js';
import { DB_KINDS } from '../../test/database.js';
import { portalDistDir } from './assets.routes.js';

const manifest = path.join(portalDistDir, '.vite', 'manifest.json');

describe('portal scripts', { skip: fs.existsSync(manifest) ? false : 'web/portal is not built (npm run build:portal)' }, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext(DB_KINDS[0]!);
  });
  after(() => ctx.close());

  it('serves the hashed entry with immutable caching, gzipped, and nothing outside the build', async () => {
    const entries = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
    const file = entries['network.ts']!.file;
    const res = await ctx.request(`/portal/assets/${file}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    // The budget of the part every /peta visitor loads (MapLibre is a lazy chunk).
    assert.ok(Number((await res.arrayBuffer()).byteLength) < 5 * 1024, 'network.ts under 5 KB gzip');
    for (const p of ['/portal/assets/.vite/manifest.json', '/portal/assets/..%2Fpackage.json', '/portal/assets/nope-123.js'])
      assert.equal((await ctx.request(p)).status, 404, p);
  });
});
