import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { OpenDataMetadata, PublicCooperation, PublicCooperationList } from '../../../contracts/portal.js';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { addDocument, buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { postFile, readFileFixture } from '../../test/uploads.js';
import { cooperation, cooperationDocument } from '../cooperations/cooperations.tables.js';

type View = { status: string; rowVersion: number; documents: { id: string; public: boolean }[]; canPublish: boolean; latestRelease: { sequence: number; tag: string } | null };
type Package = { releases: { sequence: number; tag: string; cooperation: PublicCooperation | null }[] };

describeEachDatabase('portal: publication control, release history and the open-data API', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let id: string;
  let pks: string;
  let ksb: string;
  let internal: string;

  const call = async (path: string, init: { session?: TestSession; method?: string; json?: unknown; headers?: Record<string, string> } = {}) => ctx().request(path, init);
  const ok = async <T>(path: string, init: Parameters<typeof call>[1] = {}, status = 200): Promise<T> => {
    const res = await call(path, init);
    assert.equal(res.status, status, `${init.method ?? 'GET'} ${path}: ${await res.clone().text()}`);

    return (await res.json()) as T;
  };
  const code = async (res: Response) => ((await res.json()) as { code: string }).code;
  const publication = (path = '') => `/api/cooperations/${id}/publication${path}`;
  const publicOne = (cid = id) => `/api/public/cooperations/${cid}`;
  /** A cooperation of A with B, signed and in force. */
  const signedCooperation = async (title: string) => {
    const created = await ok<{ id: string }>('/api/cooperations', { json: ksddInput(a, b, { title }), session: a.sessions.opdStaff }, 201);
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31', signedAt: '2025-12-20' }).where(eq(cooperation.id, created.id));

    return created.id;
  };
  const withFile = async (documentId: string, name: string) => {
    const file = (await (await postFile(ctx(), a.sessions.secretariat, { name, bytes: readFileFixture('sample.pdf') })).json()) as { id: string };
    await ctx().db.update(cooperationDocument).set({ fileId: file.id }).where(eq(cooperationDocument.id, documentId));

    return documentId;
  };

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const created = await ok<{ id: string }>('/api/cooperations', { json: ksddInput(a, b), session: a.sessions.opdStaff }, 201);
    id = created.id;
    pks = await withFile((await addDocument(ctx().db, id, 'PKS', { status: 'SIGNED' })).id, 'PKS ditandatangani Bupati Ahmad.pdf');
    ksb = await withFile((await addDocument(ctx().db, id, 'KSB', { status: 'SIGNED' })).id, 'KSB.pdf');
    internal = await withFile((await addDocument(ctx().db, id, 'KAJIAN', { privateTenantId: a.tenant.id })).id, 'Kajian internal.pdf');
  });

  it('nothing is public before the owning secretariat publishes a signed cooperation', async () => {
    const hidden = await call(publicOne());
    assert.equal(hidden.status, 404);
    assert.equal(hidden.headers.get('content-type'), 'application/problem+json');
    assert.equal(await code(hidden), 'portal.not_found');
    assert.equal(await code(await call(publication('/publish'), { json: {}, session: a.sessions.secretariat })), 'portal.not_publishable');
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31', signedAt: '2025-12-20' }).where(eq(cooperation.id, id));
    assert.equal((await call(publication('/publish'), { json: {}, session: a.sessions.opdStaff })).status, 403);
    assert.equal(await code(await call(publication('/publish'), { json: {}, session: b.sessions.secretariat })), 'portal.publish_forbidden', 'a party pemda that does not own it');
    const view = await ok<View>(publication(), { session: b.sessions.secretariat });
    assert.deepEqual([view.status, view.canPublish, view.documents.map((d) => d.id).sort()], ['UNPUBLISHED', false, [ksb, pks].sort()], 'internal documents are never offered');
    assert.equal(await code(await call(publication('/publish'), { json: { publicDocumentIds: [internal] }, session: a.sessions.secretariat })), 'portal.unknown_document');
  });

  it('publishes only the chosen parts and documents; an unticked document is 404', async () => {
    const view = await ok<View>(publication('/publish'), { json: { visibility: { ruangLingkup: false }, publicDocumentIds: [pks] }, session: a.sessions.secretariat });
    assert.deepEqual([view.status, view.latestRelease?.sequence, view.latestRelease?.tag], ['PUBLISHED', 1, 'publication']);
    const res = await call(publicOne());
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const c = (await res.json()) as PublicCooperation;
    assert.equal(c.ruangLingkup, undefined, 'an internal field is absent, not empty');
    assert.equal(c.funding, undefined, 'funding is internal by default');
    assert.ok(Array.isArray(c.indicators) && Array.isArray(c.updates));
    assert.deepEqual(c.documents.map((d) => d.id), [pks]);
    assert.deepEqual(c.parties.map((p) => p.name), ['Kabupaten Hulu Sungai Selatan', 'Kabupaten Hulu Sungai Tengah']);
    const download = await call(c.documents[0]!.downloadPath);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition') ?? '', /PKS-v1\.pdf/, 'a neutral file name, not the uploaded one');
    assert.ok(!(download.headers.get('content-disposition') ?? '').includes('Ahmad'));
    assert.equal((await call(`${publicOne()}/documents/${ksb}`)).status, 404);
    assert.equal((await call(`${publicOne()}/documents/${internal}`)).status, 404);
  });

  it('keeps an append-only history: a later change adds a release and the earlier one is unchanged', async () => {
    await ok<View>(publication('/refresh'), { json: {}, session: a.sessions.secretariat });
    await ok<View>(publication(), { method: 'PUT', json: { visibility: { ruangLingkup: true } }, session: a.sessions.secretariat });
    const pkg = await ok<Package>(`${publicOne()}/releases`);
    assert.deepEqual(pkg.releases.map((r) => [r.sequence, r.tag]), [[1, 'publication'], [2, 'update']], 'refresh without change adds nothing');
    assert.equal(pkg.releases[0]!.cooperation!.ruangLingkup, undefined);
    assert.deepEqual(pkg.releases[1]!.cooperation!.ruangLingkup, ['Pengangkutan sampah antardaerah', 'Pengelolaan TPA regional']);
    const refused = await ctx().db.execute(sql`UPDATE portal_release SET released_at = now() WHERE cooperation_id = ${id}`).then(
      () => null,
      (err: Error & { cause?: Error }) => err.cause?.message ?? err.message,
    );
    assert.match(refused ?? '', /append-only/);
    assert.equal((await call(publication(), { method: 'PUT', json: { rowVersion: 1, visibility: {} }, session: a.sessions.secretariat })).status, 409, 'a stale version');
  });

  it('offers a change feed (since) in release order, with cursor pages', async () => {
    const before = ctx().clock.now().toISOString();
    ctx().clock.advance(60_000);
    const second = await signedCooperation('Pengelolaan air minum lintas kabupaten');
    await ok<View>(`/api/cooperations/${second}/publication/publish`, { json: {}, session: a.sessions.secretariat });
    ctx().clock.advance(60_000);
    const third = await signedCooperation('Pengembangan wisata sungai bersama');
    await ok<View>(`/api/cooperations/${third}/publication/publish`, { json: {}, session: a.sessions.secretariat });
    const page1 = await ok<PublicCooperationList>(`/api/public/cooperations?since=${encodeURIComponent(before)}&limit=1`);
    assert.deepEqual(page1.items.map((i) => i.id), [second]);
    const page2 = await ok<PublicCooperationList>(`/api/public/cooperations?since=${encodeURIComponent(before)}&limit=1&cursor=${page1.nextCursor}`);
    assert.deepEqual([page2.items.map((i) => i.id), page2.nextCursor], [[third], null]);
    const found = await ok<PublicCooperationList>('/api/public/cooperations?q=air%20minum');
    assert.deepEqual(found.items.map((i) => i.id), [second]);
    assert.match(found.items[0]!.snippet ?? '', /<mark>/);
    assert.equal((await ok<PublicCooperationList>('/api/public/cooperations?region=63')).items.length, 3, 'a province code matches its kabupaten');
  });

  it('answers 304 to a harvester that has the current version (ETag and Last-Modified)', async () => {
    const first = await call('/api/public/cooperations');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    assert.ok(etag && lastModified);
    assert.match(first.headers.get('cache-control') ?? '', /public/);
    assert.equal((await call('/api/public/cooperations', { headers: { 'if-none-match': etag } })).status, 304);
    assert.equal((await call('/api/public/metadata', { headers: { 'if-modified-since': lastModified } })).status, 304);
    ctx().clock.advance(60_000);
    await ok<View>(publication(), { method: 'PUT', json: { visibility: { funding: true } }, session: a.sessions.secretariat });
    const changed = await call('/api/public/cooperations', { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('gives the same counts in CSV, bulk JSON, datasets and the paginated API', async () => {
    const csvRows = (text: string) => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).length - 1;
    const csv = await call('/api/public/cooperations.csv');
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const bulk = await ok<{ count: number; items: PublicCooperation[] }>('/api/public/cooperations.json');
    const list = await ok<PublicCooperationList>('/api/public/cooperations?limit=200');
    assert.deepEqual([csvRows(await csv.text()), bulk.count, bulk.items.length], [list.items.length, list.items.length, list.items.length]);
    assert.equal(list.items.length, 3);
    for (const name of ['parties', 'documents', 'indicators', 'updates']) {
      const json = await ok<{ count: number }>(`/api/public/datasets/${name}.json`);
      assert.equal(csvRows(await (await call(`/api/public/datasets/${name}.csv`)).text()), json.count, name);
    }
    assert.equal((await ok<{ count: number }>('/api/public/datasets/parties.json')).count, 6);
    assert.equal((await ok<{ count: number }>('/api/public/datasets/documents.json?q=sampah')).count, 1);
  });

  it('describes the open data for Satu Data (metadata) and DCAT (JSON-LD)', async () => {
    const m = await ok<OpenDataMetadata>('/api/public/metadata');
    assert.equal(m.producer, 'Jejaring');
    assert.deepEqual(m.licence, { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    assert.deepEqual(m.period, { from: '2026-01-01', to: '2028-12-31' });
    assert.ok(m.title.id && m.description.en && m.walidata.id && m.updateFrequency.code && m.lastModified);
    assert.match(m.referenceCodes.regions.decree, /Kepmendagri/);
    assert.deepEqual(m.referenceCodes.urusan.codes.map((u) => u.code), ['2.11']);
    assert.deepEqual(m.datasets.map((d) => d.name), ['cooperations', 'parties', 'documents', 'indicators', 'updates']);
    for (const d of m.datasets) {
      assert.ok(d.variables.length > 3 && d.variables.every((v) => v.definition.id && v.definition.en), d.name);
      assert.deepEqual(d.distributions.map((x) => x.format), ['CSV', 'JSON']);
    }
    const res = await call('/api/public/metadata.jsonld');
    assert.match(res.headers.get('content-type') ?? '', /application\/ld\+json/);
    const ld = (await res.json()) as Record<string, unknown> & { 'dcat:dataset': Record<string, unknown>[] };
    assert.equal(ld['@type'], 'dcat:Catalog');
    assert.equal((ld['@context'] as Record<string, string>).dcat, 'http://www.w3.org/ns/dcat#');
    assert.equal(ld['dcat:dataset'].length, 5);
    const dataset = ld['dcat:dataset'][0]!;
    assert.equal(dataset['@type'], 'dcat:Dataset');
    const dist = (dataset['dcat:distribution'] as Record<string, unknown>[])[0]!;
    assert.deepEqual([dist['@type'], dist['dcat:mediaType']], ['dcat:Distribution', 'text/csv']);
  });

  it('withdraws: the record is 404, its documents too, but the release history stays', async () => {
    const before = ctx().clock.now().toISOString();
    ctx().clock.advance(60_000);
    await ok<View>(publication('/withdraw'), { json: { reason: 'Perlu koreksi data' }, session: a.sessions.secretariat });
    assert.equal((await call(publicOne())).status, 404);
    assert.equal((await call(`${publicOne()}/documents/${pks}`)).status, 404);
    const pkg = await ok<Package>(`${publicOne()}/releases`);
    assert.deepEqual(pkg.releases.map((r) => r.tag), ['publication', 'update', 'update', 'withdrawal']);
    assert.equal(pkg.releases.at(-1)!.cooperation, null);
    assert.ok(!(await ok<PublicCooperationList>('/api/public/cooperations')).items.some((i) => i.id === id));
    const feed = await ok<{ items: { tag: string; cooperation: unknown }[]; nextCursor: string | null }>(`/api/public/releases?since=${encodeURIComponent(before)}`);
    assert.deepEqual(feed.items.map((r) => [r.tag, r.cooperation]), [['withdrawal', null]], 'the release feed tells harvesters about the withdrawal');
    const all = await ok<{ items: unknown[]; nextCursor: string | null }>('/api/public/releases?limit=2');
    assert.equal(all.items.length, 2);
    assert.equal((await ok<{ items: unknown[] }>(`/api/public/releases?limit=100&cursor=${all.nextCursor}`)).items.length, 4, 'six releases in all');
    const back = await ok<View>(publication('/publish'), { json: {}, session: a.sessions.secretariat });
    assert.deepEqual(back.latestRelease && [back.latestRelease.sequence, back.latestRelease.tag], [5, 'publication'], 're-publishing after a withdrawal');
  });
});
