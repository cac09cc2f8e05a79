import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { PublicNetwork } from '../../../contracts/portal.js';
import { describeEachDatabase } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { cooperation } from '../cooperations/cooperations.tables.js';

describeEachDatabase('portal: the public cooperation network', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  let prov: PemdaWorld;
  let c: PemdaWorld;

  const party = (w: PemdaWorld) => ({ orgId: w.tenant.id, leadOpdId: w.opd.id, signatoryName: 'Penandatangan', signatoryPosition: 'Kepala Daerah' });
  /** A cooperation initiated by A, signed and in force; published by A's secretariat unless told not to. */
  const cooperationOf = async (others: PemdaWorld[], overrides: Record<string, unknown>, publish = true) => {
    const res = await ctx().request('/api/cooperations', { json: ksddInput(a, others[0]!, { parties: [a, ...others].map(party), ...overrides }), session: a.sessions.opdStaff });
    assert.equal(res.status, 201, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2026-01-01', endDate: '2028-12-31', signedAt: '2025-12-20' }).where(eq(cooperation.id, id));
    if (publish) {
      const published = await ctx().request(`/api/cooperations/${id}/publication/publish`, { json: {}, session: a.sessions.secretariat });
      assert.equal(published.status, 200, await published.clone().text());
    }
  };
  const network = async (query = '') => {
    const res = await ctx().request(`/api/public/network${query}`);
    assert.equal(res.status, 200, await res.clone().text());

    return (await res.json()) as PublicNetwork;
  };
  const pairs = (n: PublicNetwork) => n.links.map((l) => `${l.source}–${l.target}:${l.count}`);

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    prov = await buildPemdaWorld(ctx(), '63', 'Provinsi Kalimantan Selatan');
    c = await buildPemdaWorld(ctx(), '64.71', 'Kota Balikpapan');
    // A location is where the work happens, not a party: 64.71 must not join the network through it.
    await cooperationOf([b], { urusanCodes: ['2.11'], locationCodes: ['63.06', '63.07', '64.71'] });
    await cooperationOf([b, prov], { urusanCodes: ['2.11', '1.03'], locationCodes: ['63.06'] });
    await cooperationOf([c], { urusanCodes: ['1.03'], locationCodes: ['64.71'] }, false);
  });

  it('links the party pemda of published cooperations only, a kab/kota with its province too', async () => {
    const n = await network();
    assert.deepEqual(pairs(n), ['63.06–63.07:2', '63–63.06:1', '63–63.07:1']);
    assert.deepEqual(n.links[0]!.kinds, { KSDD: 2 });
    assert.deepEqual(n.links[0]!.urusan, { '2.11': 2, '1.03': 1 });
    assert.deepEqual(n.nodes.map((x) => [x.code, x.level, x.count]), [['63', 'PROVINSI', 1], ['63.06', 'KABKOTA', 2], ['63.07', 'KABKOTA', 2]]);
    assert.equal(n.nodes[1]!.name, 'Kabupaten Hulu Sungai Selatan');
    assert.equal(n.nodes[1]!.lon, undefined, 'no boundaries configured: no positions');
    assert.deepEqual(n.urusan.map((u) => u.code), ['1.03', '2.11']);
  });

  it('filters by kind, urusan and region', async () => {
    assert.deepEqual(pairs(await network('?urusan=1.03')), ['63–63.06:1', '63–63.07:1', '63.06–63.07:1']);
    assert.deepEqual((await network('?kind=KSDPL')).links, []);
    assert.deepEqual(pairs(await network('?region=63.07&kind=KSDD')).length, 3);
    // As in the public list: a region also matches the cooperations that work in it (a location).
    assert.deepEqual(pairs(await network('?region=64')), ['63.06–63.07:1']);
    assert.deepEqual((await network('?region=65')).nodes, []);
  });

  it('answers a revalidation with 304, anyone from any origin, and refuses unknown parameters', async () => {
    const res = await ctx().request('/api/public/network');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const etag = res.headers.get('etag')!;
    assert.equal((await ctx().request('/api/public/network', { headers: { 'if-none-match': etag } })).status, 304);
    assert.equal((await ctx().request('/api/public/network?kind=XX')).status, 400);
    assert.equal((await ctx().request('/api/public/network?q=sampah')).status, 400);
  });
});
