import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachDatabase } from './context.js';
import { isolationCases } from './isolation.cases.js';

type Operation = { 'x-policy'?: string; parameters?: { name: string; in: string; schema?: { type?: string; format?: string; pattern?: string } }[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const sampleParam = (schema: { format?: string; pattern?: string } | undefined) =>
  schema?.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : schema?.pattern?.includes('\\d{2}') ? '63.06' : 'x';

/**
 * Walks every route in the OpenAPI document: each must declare a policy; every non-public route
 * must refuse an unauthenticated request and must have a tenant-isolation case (isolation.test.ts
 * runs them). A new route without that coverage makes this suite fail.
 */
describeEachDatabase('authorisation of every API route', (ctx) => {
  let doc: OpenApi;
  let operations: { key: string; method: string; path: string; op: Operation }[];

  before(async () => {
    doc = (await (await ctx().request('/api/openapi.json')).json()) as OpenApi;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op })),
    );
  });

  it('finds routes in the OpenAPI document', () => {
    assert.ok(operations.length >= 10, `only ${operations.length} operations documented`);
  });

  it('every route declares its policy', () => {
    const missing = operations.filter((o) => !o.op['x-policy']).map((o) => o.key);
    assert.deepEqual(missing, []);
  });

  it('every non-public route refuses an unauthenticated request with 401 problem+json', async () => {
    for (const o of operations.filter((x) => x.op['x-policy'] !== 'public')) {
      const url = o.path.replace(/\{(\w+)\}/g, (_m, name: string) => sampleParam(o.op.parameters?.find((p) => p.name === name)?.schema));
      const res = await ctx().request(url, { method: o.method, ...(o.method === 'GET' || o.method === 'HEAD' ? {} : { json: {} }) });
      assert.equal(res.status, 401, `${o.key} answered ${res.status} without a session`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json', o.key);
    }
  });

  it('every non-public route has a tenant-isolation case, and no case names a route that does not exist', () => {
    const protectedKeys = operations.filter((x) => x.op['x-policy'] !== 'public').map((o) => o.key);
    assert.deepEqual(protectedKeys.filter((k) => !isolationCases[k]), [], 'routes without an isolation case in server/test/isolation.cases.ts');
    const known = new Set(operations.map((o) => o.key));
    assert.deepEqual(Object.keys(isolationCases).filter((k) => !known.has(k)), [], 'isolation cases for unknown routes');
  });
});
