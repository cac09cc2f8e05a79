import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from './context.js';
import { buildIsolationKit, type IsolationKit } from './isolation.js';

type Problem = { type: string; status: number; code: string; detail: string; requestId: string; errors?: { path: string; code: string; message: string }[] };

/**
 * Bad input gets a clear 4xx problem and changes nothing: each case counts the organisations and
 * audit rows before and after, through one write route that every tenant admin uses.
 */
describeEachDatabase('bad input is refused clearly and changes nothing', (ctx) => {
  let kit: IsolationKit;
  const counts = async () => {
    const row = (await ctx().db.execute(sql`SELECT (SELECT count(*) FROM organization) AS orgs, (SELECT count(*) FROM audit_log) AS audit`)) as unknown as {
      rows: { orgs: number | string; audit: number | string }[];
    };

    return { orgs: Number(row.rows[0]!.orgs), audit: Number(row.rows[0]!.audit) };
  };
  const post = (body: string, headers: Record<string, string> = {}, lang = 'id') =>
    ctx().request('/api/organizations', { method: 'POST', body, headers: { 'content-type': 'application/json', 'accept-language': lang, ...headers }, session: kit.sessions.adminA });
  const expectRefused = async (res: Response, status: number, code: string) => {
    assert.equal(res.status, status, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = (await res.json()) as Problem;
    assert.equal(body.code, code);
    assert.equal(body.status, status);
    assert.ok(body.detail.length > 0 && body.requestId.length > 0);

    return body;
  };
  const unit = () => ({ type: 'OPD', name: 'Dinas Perhubungan', parentId: kit.tenantA.id });

  before(async () => {
    kit = await buildIsolationKit(ctx());
  });

  it('malformed JSON → 400 request.malformed_json', async () => {
    const before = await counts();
    await expectRefused(await post('{"type": "OPD", "name": '), 400, 'request.malformed_json');
    assert.deepEqual(await counts(), before);
  });

  it('wrong types and unknown fields → 400 with one error per field, in Indonesian or English', async () => {
    const before = await counts();
    const body = await expectRefused(await post(JSON.stringify({ ...unit(), name: 42, tenantId: kit.tenantB.id })), 400, 'request.invalid');
    assert.deepEqual(body.errors?.map((e) => [e.path, e.code]).sort(), [['name', 'invalid_type'], ['tenantId', 'unknown_field']]);
    assert.match(body.errors!.find((e) => e.path === 'name')!.message, /Harus berupa teks/);
    const en = await expectRefused(await post(JSON.stringify({ ...unit(), name: 42 }), {}, 'en'), 400, 'request.invalid');
    assert.match(en.errors![0]!.message, /Must be text/);
    assert.deepEqual(await counts(), before);
  });

  it('a JSON body over 1 MB → 413 request.too_large', async () => {
    const before = await counts();
    await expectRefused(await post(JSON.stringify({ ...unit(), name: 'x'.repeat(1_100_000) })), 413, 'request.too_large');
    assert.deepEqual(await counts(), before);
  });

  it('a body that is not JSON → 415', async () => {
    const before = await counts();
    await expectRefused(await post('type=OPD&name=Dinas', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'request.unsupported_media_type');
    assert.deepEqual(await counts(), before);
  });

  it('SQL and script fragments are stored as plain text, never executed, and come back as JSON data', async () => {
    const name = `Dinas'); DROP TABLE organization; -- <script>alert(1)</script>`;
    const res = await post(JSON.stringify({ ...unit(), name }));
    assert.equal(res.status, 201, await res.clone().text());
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const created = (await res.json()) as { id: string; name: string };
    assert.equal(created.name, name);
    const again = (await (await ctx().request(`/api/organizations/${created.id}`, { session: kit.sessions.adminA })).json()) as { name: string };
    assert.equal(again.name, name);
    const search = await ctx().request(`/api/organizations?q=${encodeURIComponent("'; DROP TABLE")}`, { session: kit.sessions.adminA });
    assert.equal(search.status, 200);
    assert.ok((await counts()).orgs > 0, 'the organisation table is still there');
  });

  it('a stale or forged session is treated as signed out', async () => {
    const before = await counts();
    const forged = { cookie: 'jj_session=forged-token-value', csrf: 'x', userId: kit.adminA.id };
    const res = await ctx().request('/api/organizations', { method: 'POST', json: unit(), session: forged });
    await expectRefused(res, 401, 'auth.unauthenticated');
    assert.deepEqual(await counts(), before);
  });

  it('a cookie-authenticated write without the CSRF token → 403 and nothing changes', async () => {
    const before = await counts();
    const res = await ctx().request('/api/organizations', { method: 'POST', json: unit(), session: kit.sessions.adminA, withoutCsrf: true });
    await expectRefused(res, 403, 'auth.csrf_failed');
    assert.deepEqual(await counts(), before);
  });
});
