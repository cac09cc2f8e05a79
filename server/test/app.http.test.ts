import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestContext, describeEachDatabase, type TestContext } from './context.js';

describeEachDatabase('the application shell', (ctx) => {
  it('GET /healthz answers {"status":"ok"} once the database answers', async () => {
    const res = await ctx().request('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document of every /api route and a docs page', async () => {
    const doc = (await (await ctx().request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/auth/login', '/api/auth/logout', '/api/me', '/api/regions', '/api/urusan']) assert.ok(doc.paths[path], path);
    const docs = await ctx().request('/api/docs');
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger-ui/);
  });

  it('sends the security headers on every response: CSP without inline script, no framing, nosniff, referrer policy', async () => {
    for (const path of ['/api/me', '/healthz', '/app/']) {
      const res = await ctx().request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '', /unsafe-inline/, path);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
    }
  });

  it('answers an unknown address with a 404 problem and echoes a valid request id', async () => {
    const res = await ctx().request('/api/no-such-thing', { headers: { 'x-request-id': 'trace-12345678' } });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(res.headers.get('x-request-id'), 'trace-12345678');
    assert.equal(((await res.json()) as { code: string }).code, 'route.not_found');
  });
});

describe('behind a TLS-terminating proxy', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext('pglite', { TRUST_PROXY: 'true' });
  });
  after(async () => {
    await ctx.close();
  });

  it('adds HSTS when the proxy says the request came over HTTPS, and not otherwise', async () => {
    const tls = await ctx.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(tls.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    const plain = await ctx.request('/healthz');
    assert.equal(plain.headers.get('strict-transport-security'), null);
  });
});
