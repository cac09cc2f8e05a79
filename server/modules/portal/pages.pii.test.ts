import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { seedDemoData } from '../../demo/index.js';
import { describeEachDatabase } from '../../test/context.js';

/**
 * The portal pages show only what the published snapshots hold (whose every field the open-data
 * PII test checks in the worst case); this proves the pages add no person on top: over the demo
 * as it publishes itself, no user's name, e-mail, NIP or phone and no signatory's name appears on
 * any page, in either language, for any cooperation (published or not) or region.
 */
describeEachDatabase('portal pages: no personal data on any page', (ctx) => {
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await ctx().db.execute(query)) as unknown as { rows: T[] }).rows;
  let personal: string[];
  let urls: string[];

  before(async () => {
    assert.equal((await seedDemoData({ db: ctx().db, clock: ctx().clock, config: ctx().config })).seeded, true);
    const values = await rows<{ v: string }>(sql`
      SELECT unnest(ARRAY[name, email, nip, phone]) AS v FROM app_user
      UNION SELECT signatory_name FROM cooperation_party`);
    // Without the demo's "(fiktif)" marker too; very short values would match by chance.
    personal = [...new Set(values.flatMap((r) => (r.v ? [r.v, r.v.replace(/\s*\(fiktif\)\s*$/, '')] : [])).filter((v) => v.length >= 6))];
    const ids = (await rows<{ id: string }>(sql`SELECT id FROM cooperation`)).map((r) => `/kerja-sama/${r.id}`);
    const regions = (await rows<{ code: string }>(sql`SELECT DISTINCT region_code AS code FROM organization WHERE region_code IS NOT NULL`)).flatMap((r) => [`/wilayah/${r.code}`, `/wilayah/${r.code.slice(0, 2)}`]);
    urls = ['/', '/?q=pelayanan', '/?q=air', '/statistik', '/data', '/peta', '/sitemap.xml', ...ids, ...regions];
  });

  it('collects the demo’s people', () => {
    assert.ok(personal.some((v) => v.includes('@')) && personal.length > 20, String(personal.length));
  });

  it('finds none of them on any page in Indonesian or English', async () => {
    let shown = 0;
    for (const url of urls)
      for (const lang of ['id', 'en']) {
        const res = await ctx().request(url, { headers: { cookie: `jj_lang=${lang}` } });
        assert.ok(res.status === 200 || res.status === 404, `${url}: ${res.status}`);
        if (res.status === 200) shown++;
        const body = await res.text();
        assert.deepEqual(personal.filter((v) => body.includes(v)), [], `${url} (${lang}) shows personal data`);
      }
    assert.ok(shown > 20, `only ${shown} pages rendered`);
  });
});
