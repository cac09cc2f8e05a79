import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { cooperation, cooperationDocument } from '../cooperations/cooperations.tables.js';
import { describeEachDatabase } from '../../test/context.js';
import { addDocument, buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { postFile, readFileFixture } from '../../test/uploads.js';

const PAGE_BUDGET = 50 * 1024;

describeEachDatabase('portal pages: server-rendered, published content only, both languages, light', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let published: string;
  let unpublished: string;

  const get = (path: string, headers: Record<string, string> = {}) => ctx().request(path, { headers });
  const html = async (path: string, status = 200, headers: Record<string, string> = {}) => {
    const res = await get(path, headers);
    const body = await res.text();
    assert.equal(res.status, status, `${path}: ${body.slice(0, 300)}`);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);

    return { res, body };
  };
  const create = async (title: string) => {
    const res = await ctx().request('/api/cooperations', { json: ksddInput(a, b, { title }), session: a.sessions.opdStaff });
    assert.equal(res.status, 201, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2025-04-25', endDate: '2030-04-24', signedAt: '2025-04-20' }).where(eq(cooperation.id, id));

    return id;
  };
  /** The owning pemda's secretariat publishes through the back office. */
  const publish = async (id: string, body: Record<string, unknown> = {}) => {
    const res = await ctx().request(`/api/cooperations/${id}/publication/publish`, { json: body, session: a.sessions.secretariat });
    assert.equal(res.status, 200, await res.text());
  };

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    published = await create('Pengelolaan sampah regional bersama');
    unpublished = await create('Rahasia internal: air minum lintas kabupaten');
    await publish(published);
  });

  it('shows a published cooperation in Bahasa Indonesia; funding stays out while internal; the feedback slot is there', async () => {
    const { res, body } = await html(`/kerja-sama/${published}`);
    assert.match(body, /^<!DOCTYPE html><html lang="id">/);
    assert.ok(body.includes('<title>Pengelolaan sampah regional bersama · Jejaring</title>'));
    for (const text of ['Kabupaten Hulu Sungai Selatan', 'Kabupaten Hulu Sungai Tengah', 'Kerja sama antardaerah', 'Berlaku', '25 April 2025 s.d. 24 April 2030', 'Pengangkutan sampah antardaerah'])
      assert.ok(body.includes(text), text);
    assert.ok(body.includes('<section id="tanggapan"'));
    assert.ok(body.includes(`href="/api/public/cooperations/${published}/releases"`));
    assert.ok(body.includes('<link rel="canonical" href="http://localhost'), 'canonical link');
    assert.ok(!body.includes('Rp1.500.000.000,00'), 'funding is internal by default');
    for (const personal of ['Bupati A', a.users.secretariat.email, a.users.opdStaff.email]) assert.ok(!body.includes(personal), personal);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    assert.ok(res.headers.get('etag'));

    // The secretariat makes funding public and ticks the signed PKS.
    const pks = (await addDocument(ctx().db, published, 'PKS', { status: 'SIGNED' })).id;
    const file = (await (await postFile(ctx(), a.sessions.secretariat, { name: 'PKS.pdf', bytes: readFileFixture('sample.pdf') })).json()) as { id: string };
    await ctx().db.update(cooperationDocument).set({ fileId: file.id }).where(eq(cooperationDocument.id, pks));
    await publish(published, { visibility: { funding: true }, publicDocumentIds: [pks] });
    const after = (await html(`/kerja-sama/${published}`)).body;
    assert.ok(after.includes('Rp1.500.000.000,00'), 'funding in Rupiah once public');
    const download = /<a href="(\/api\/public\/[^"]+)" download="">Unduh: [^<]+<\/a><span class="meta"> — Perjanjian kerja sama, versi 1/.exec(after);
    assert.ok(download, 'the public document with its download link');
    assert.equal((await get(download[1]!)).status, 200, 'the link downloads');
  });

  it('answers 404 pages for an unpublished, unknown or malformed cooperation and an unknown region', async () => {
    const { body } = await html(`/kerja-sama/${unpublished}`, 404);
    assert.ok(!body.includes('Rahasia internal'));
    await html('/kerja-sama/00000000-0000-4000-8000-000000000000', 404);
    await html('/kerja-sama/not-an-id', 404);
    await html('/wilayah/99.99', 404);
    await html('/wilayah/abc', 404);
  });

  it('searches with a GET form: published only, highlighted hits, filters', async () => {
    const home = (await html('/')).body;
    assert.ok(home.includes('<form class="search" method="get" action="/"'));
    assert.ok(home.includes(`href="/kerja-sama/${published}"`));
    assert.ok(!home.includes('Rahasia internal'), 'an unpublished cooperation is not listed');
    assert.ok(home.includes('<option value="63.06">Kabupaten Hulu Sungai Selatan</option>'), 'region choices');
    const hit = (await html('/?q=sampah&utm_source=x')).body;
    assert.match(hit, /<mark>[^<]*<\/mark>/);
    assert.ok((await html('/?kind=KSDPK')).body.includes('Tidak ada kerja sama yang cocok'));
    assert.ok((await html('/?region=63')).body.includes(`href="/kerja-sama/${published}"`), 'a province matches its kabupaten');
    assert.ok((await html('/?kind=BOGUS')).body.includes(`href="/kerja-sama/${published}"`), 'an unknown filter value is dropped');
    assert.ok((await html('/?cursor=rusak')).body.includes(`href="/kerja-sama/${published}"`), 'a damaged cursor starts again');
  });

  it('shows a region with its partners and urusan, statistics, open data and the network table', async () => {
    const region = (await html('/wilayah/63.06')).body;
    assert.ok(region.includes('Kerja sama Kabupaten Hulu Sungai Selatan'));
    assert.ok(region.includes('<th scope="row">Kabupaten Hulu Sungai Tengah</th>'), 'the partner');
    assert.ok(region.includes(`href="/kerja-sama/${published}"`));
    const stats = (await html('/statistik')).body;
    assert.ok(stats.includes('Jumlah kerja sama dipublikasikan: 1'));
    assert.ok(stats.includes('<rect width="100" height="10">'), 'an SVG bar sized by attribute');
    assert.ok((await html('/data')).body.includes('href="/api/public/cooperations.csv"'));
    const map = (await html('/peta')).body;
    assert.ok(map.includes('<div id="network-map"'));
    assert.ok(map.includes('data-network-url="/api/public/network"'));
    assert.ok(map.includes('data-source="63.06" data-target="63.07"'), 'the pair of regions');
    const network = (await (await get('/api/public/network')).json()) as { links: unknown[] };
    assert.equal(map.split('<tr data-source=').length - 1, network.links.length, 'the table lists the links the map draws');
  });

  it('speaks English on ?lang=en (remembered in a cookie) and on Accept-Language', async () => {
    const { res, body } = await html('/?lang=en');
    assert.match(body, /<html lang="en">/);
    assert.ok(body.includes('Search regional cooperation'));
    assert.match(res.headers.get('set-cookie') ?? '', /jj_lang=en/);
    assert.equal(res.headers.get('cache-control'), 'private, max-age=0');
    const detail = (await html(`/kerja-sama/${published}`, 200, { 'accept-language': 'en-GB,en;q=0.9' })).body;
    assert.ok(detail.includes('Cooperation between regions'));
    assert.ok(detail.includes('25 April 2025 to 24 April 2030'));
    assert.ok((await html('/statistik', 200, { cookie: 'jj_lang=en' })).body.includes('Regional cooperation statistics'));
  });

  it('lists every published cooperation and region page in sitemap.xml; robots.txt points to it', async () => {
    const res = await get('/sitemap.xml');
    const xml = await res.text();
    assert.match(res.headers.get('content-type') ?? '', /application\/xml/);
    assert.ok(xml.includes(`/kerja-sama/${published}</loc>`));
    assert.ok(!xml.includes(unpublished));
    for (const code of ['63', '63.06', '63.07']) assert.ok(xml.includes(`/wilayah/${code}</loc>`), code);
    const robots = await (await get('/robots.txt')).text();
    assert.match(robots, /Sitemap: http:\/\/localhost(:\d+)?\/sitemap\.xml/);
    assert.match(robots, /Disallow: \/app\//);
  });

  it('revalidates with the ETag, serves one long-cached stylesheet, and keeps every page under 50 KB gzip', async () => {
    const first = await get('/statistik');
    const again = await get('/statistik', { 'if-none-match': first.headers.get('etag')! });
    assert.equal(again.status, 304);
    const page = await first.text();
    const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1];
    assert.match(cssHref ?? '', /^\/portal\/site\.[0-9a-f]{10}\.css$/);
    const css = await get(cssHref!);
    assert.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const cssBytes = gzipSync(await css.text()).length;
    assert.equal((await get('/portal/site.0000000000.css')).status, 404);
    for (const path of ['/', '/?q=sampah', `/kerja-sama/${published}`, '/wilayah/63', '/statistik', '/data', '/peta']) {
      const body = await (await get(path)).text();
      assert.ok(!/<script(?![^>]*\ssrc=)/.test(body), `${path}: no inline script`);
      assert.ok(!/\sstyle=/.test(body), `${path}: no inline style`);
      const weight = gzipSync(body).length + cssBytes;
      assert.ok(weight < PAGE_BUDGET, `${path} weighs ${weight} bytes gzip`);
    }
  });

  it('leaves the back office, the API and the health check where they were', async () => {
    assert.equal((await get('/app')).status, 301);
    assert.equal((await get('/healthz')).status, 200);
    assert.equal((await get('/api/nope')).headers.get('content-type'), 'application/problem+json');
  });
});
