import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describeEachDatabase } from '../../test/context.js';
import { buildPemdaWorld, ksddInput, type PemdaWorld } from '../../test/cooperations.factories.js';
import { cooperation } from './cooperations.tables.js';

type Page = { items: { id: string; title: string; state: string }[]; nextCursor: string | null };

describeEachDatabase('cooperations: the register’s filters, saved filters and export', (ctx) => {
  let a: PemdaWorld;
  let b: PemdaWorld;
  const ids: Record<string, string> = {};

  before(async () => {
    a = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    b = await buildPemdaWorld(ctx(), '63.07', 'Kabupaten Hulu Sungai Tengah');
    const make = async (key: string, over: Record<string, unknown>) => {
      const res = await ctx().request('/api/cooperations', { method: 'POST', json: ksddInput(a, b, over), session: a.sessions.secretariat });
      assert.equal(res.status, 201, await res.clone().text());
      ids[key] = ((await res.json()) as { id: string }).id;
    };
    await make('sampah', { title: 'Pengelolaan sampah regional', urusanCodes: ['2.11'], locationCodes: ['63.06.01'] });
    await make('jalan', { title: 'Pembangunan jalan penghubung', objectCategory: 'INFRASTRUKTUR', urusanCodes: ['1.03'], locationCodes: [] });
    await make('wisata', { title: 'Promosi wisata bersama', urusanCodes: ['3.26'], parties: [{ orgId: a.tenant.id }, { orgId: b.tenant.id, leadOpdId: b.opd.id }] });
    // One in force, ending in 40 days (the test clock is 2 March 2026).
    await ctx().db.update(cooperation).set({ state: 'BERLAKU', startDate: '2022-04-11', endDate: '2026-04-11' }).where(eq(cooperation.id, ids.jalan!));
  });

  const list = async (query: string) => (await (await ctx().request(`/api/cooperations?${query}`, { session: b.sessions.secretariat })).json()) as Page;
  const titles = (p: Page) => p.items.map((i) => i.title).sort();

  it('filters by urusan, region (any level), OPD, state, expiry and year, and sorts by title', async () => {
    assert.deepEqual(titles(await list('urusan=2.11')), ['Pengelolaan sampah regional']);
    assert.deepEqual(titles(await list('region=63.06.01')), ['Pengelolaan sampah regional']);
    assert.equal((await list('region=63')).items.length, 3, 'every party pemda is in province 63');
    assert.equal((await list('region=95')).items.length, 0);
    assert.deepEqual(titles(await list(`opd=${a.opd.id}`)), ['Pembangunan jalan penghubung', 'Pengelolaan sampah regional']);
    assert.deepEqual(titles(await list('state=BERLAKU&expiringWithinDays=60')), ['Pembangunan jalan penghubung']);
    assert.equal((await list('expiringWithinDays=30')).items.length, 0);
    assert.equal((await list('year=2023')).items.length, 1, 'in force during 2023');
    assert.deepEqual((await list('sort=title')).items.map((i) => i.title), ['Pembangunan jalan penghubung', 'Pengelolaan sampah regional', 'Promosi wisata bersama']);
    const bad = await ctx().request('/api/cooperations?cursor=bukan-kursor', { session: b.sessions.secretariat });
    assert.equal(bad.status, 400);
    const badKind = await ctx().request('/api/cooperations?kind=KSDX', { session: b.sessions.secretariat });
    assert.equal(badKind.status, 400);
  });

  it('keeps saved filters per person', async () => {
    const saved = await ctx().request('/api/saved-filters', { method: 'POST', json: { name: 'Segera berakhir', query: { state: 'BERLAKU', expiringWithinDays: 90 } }, session: b.sessions.secretariat });
    assert.equal(saved.status, 201);
    const twice = await ctx().request('/api/saved-filters', { method: 'POST', json: { name: 'segera berakhir', query: {} }, session: b.sessions.secretariat });
    assert.equal(twice.status, 409);
    const mine = (await (await ctx().request('/api/saved-filters', { session: b.sessions.secretariat })).json()) as { items: { id: string; query: Record<string, unknown> }[] };
    assert.deepEqual(mine.items[0]!.query, { state: 'BERLAKU', expiringWithinDays: 90 });
    assert.equal((await ctx().request(`/api/saved-filters/${mine.items[0]!.id}`, { method: 'DELETE', session: b.sessions.secretariat })).status, 204);
  });

  it('exports the filtered register as XLSX with real dates and numbers, and as CSV', async () => {
    const res = await ctx().request('/api/cooperations/export?format=xlsx&urusan=1.03', { session: b.sessions.secretariat });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /kerja-sama-2026-03-02\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.rowCount, 2);
    assert.equal(sheet.getRow(1).getCell(2).value, 'Judul');
    assert.equal(sheet.getRow(2).getCell(2).value, 'Pembangunan jalan penghubung');
    assert.ok(sheet.getRow(2).getCell(13).value instanceof Date);
    assert.equal(sheet.getRow(2).getCell(17).value, 1500000000);
    const csv = await (await ctx().request('/api/cooperations/export?format=csv', { session: b.sessions.secretariat, headers: { 'accept-language': 'en' } })).text();
    assert.ok(csv.replace(/^\uFEFF/, '').startsWith('Code,Title,Kind'));
    assert.equal(csv.trim().split('\n').length, 4);
  });
});
