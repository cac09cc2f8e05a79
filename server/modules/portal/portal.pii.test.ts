import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { DATASET_NAMES } from './datasets.models.js';
import { describeEachDatabase } from '../../test/context.js';
import { seedDemoData } from '../../demo/index.js';
import { loadPublicationSource } from '../cooperations/index.js';
import { OPTIONAL_PUBLIC_FIELDS } from '../../../contracts/portal.js';
import { publishableDocuments } from './portal.models.js';
import * as repo from './portal.repository.js';
import { releaseIfChanged } from './release.usecases.js';

/**
 * No personal data on any public response (issue 6 item 2). The demo is seeded and published as
 * the demo publishes it, then — the worst case — every cooperation is published with every field
 * and document public. Every personal value of the database is collected generically, by column
 * and JSON key names (e-mail, phone, NIP/NIK, signatory, contact, person, author, actor …; and the
 * name column of any table that has such a column), so a new PII column is caught without
 * editing this test. Then every GET route under /api/public in the OpenAPI document is called
 * with every id, region and dataset, and no body may contain any of those values.
 */
const PII_KEY = /(^|_)(e_?mail|email_lower|phone|nip|nik|signatory_name|person_name|contact|attendee)($|_)|(actor|author|owner|reviewer|reviewed_by|submitted_by|decided_by|finalised_by|rater|created_by|holder|head|member)_name$/;
const CONTACT_KEY = /(^|_)(e_?mail|phone|nip|nik)($|_)/;
/** Objects under these keys describe people: their `name` is personal. */
const PERSON_CONTAINER = /(signator|attendee|invitee|member|participant|person|contact|rater|walk_?ins?|liaison|head)/;
const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

type ColumnRow = { table_name: string; column_name: string; data_type: string };

const collectFromJson = (value: unknown, into: Set<string>, personal = false) => {
  if (Array.isArray(value)) for (const v of value) collectFromJson(v, into, personal);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const key = snake(k);
      if (typeof v === 'string' && (PII_KEY.test(key) || (personal && key === 'name'))) into.add(v);
      else collectFromJson(v, into, PERSON_CONTAINER.test(key));
    }
};

const collectPersonalValues = async (db: Parameters<typeof loadPublicationSource>[0]) => {
  const columns = ((await db.execute(
    sql`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'ARRAY') ORDER BY table_name, ordinal_position`,
  )) as unknown as { rows: ColumnRow[] }).rows;
  const personTables = new Set(columns.filter((c) => CONTACT_KEY.test(c.column_name)).map((c) => c.table_name));
  const values = new Set<string>();
  for (const c of columns) {
    const personal = PII_KEY.test(c.column_name) || (personTables.has(c.table_name) && c.column_name === 'name');
    if (c.data_type === 'jsonb') {
      const rows = ((await db.execute(sql`SELECT ${sql.identifier(c.column_name)} AS v FROM ${sql.identifier(c.table_name)} WHERE ${sql.identifier(c.column_name)} IS NOT NULL`)) as unknown as { rows: { v: unknown }[] }).rows;
      for (const r of rows) collectFromJson(typeof r.v === 'string' ? JSON.parse(r.v) : r.v, values, personal);
    } else if (personal && c.data_type === 'text') {
      const rows = ((await db.execute(sql`SELECT DISTINCT ${sql.identifier(c.column_name)} AS v FROM ${sql.identifier(c.table_name)} WHERE ${sql.identifier(c.column_name)} IS NOT NULL`)) as unknown as { rows: { v: string }[] }).rows;
      for (const r of rows) values.add(r.v);
    }
  }
  // "Muhammad Rizani (fiktif)" also without the demo's marker; very short values would match by chance.
  const variants = [...values].flatMap((v) => [v, v.replace(/\s*\(fiktif\)\s*$/, '')]).map((v) => v.trim());

  return [...new Set(variants.filter((v) => v.length >= 6))];
};

describeEachDatabase('portal: no personal data in any public response', (ctx) => {
  let personal: string[];
  let cooperationIds: string[];

  before(async () => {
    const seeded = await seedDemoData({ db: ctx().db, clock: ctx().clock, config: ctx().config });
    assert.equal(seeded.seeded, true);
    const demoPublished = ((await ctx().db.execute(sql`SELECT count(*)::int AS n FROM portal_publication`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    assert.ok(demoPublished >= 3, `the demo publishes its running cooperations (${demoPublished})`);
    // The worst case: everything, with every optional field and every document that has a file.
    cooperationIds = ((await ctx().db.execute(sql`SELECT id FROM cooperation ORDER BY id`)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    const all = Object.fromEntries(OPTIONAL_PUBLIC_FIELDS.map((k) => [k, true])) as Record<(typeof OPTIONAL_PUBLIC_FIELDS)[number], boolean>;
    for (const id of cooperationIds)
      await ctx().db.transaction(async (tx) => {
        const source = (await loadPublicationSource(tx, id))!;
        const now = ctx().clock.now();
        const row = { cooperationId: id, tenantId: source.tenantId ?? (await anyTenant(tx)), status: 'PUBLISHED' as const, visibility: all, publicDocumentIds: publishableDocuments(source).map((d) => d.id), firstPublishedAt: now, updatedAt: now, rowVersion: 1 };
        await repo.savePublication(tx, row);
        await releaseIfChanged({ tx, clock: ctx().clock, settings: { ocidPrefix: 'ocds-jejaring' }, publication: (await repo.findPublication(tx, id))! });
      });
    personal = await collectPersonalValues(ctx().db);
  });

  const anyTenant = async (tx: Parameters<typeof loadPublicationSource>[0]) =>
    ((await tx.execute(sql`SELECT id FROM organization WHERE type = 'PEMDA' ORDER BY id LIMIT 1`)) as unknown as { rows: { id: string }[] }).rows[0]!.id;

  it('collects the personal values of every kind the demo holds', () => {
    for (const expected of ['Muhammad Rizani (fiktif)', 'sekretariat.hss@', 'H. Ahmad Fauzan (fiktif)'])
      assert.ok(personal.some((v) => v.includes(expected)), `the collection misses ${expected}`);
    assert.ok(personal.length > 50, String(personal.length));
  });

  it('finds none of them in any /api/public response, for every id, region and dataset', async () => {
    const doc = (await (await ctx().request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const gets = Object.entries(doc.paths).filter(([path, ops]) => path.startsWith('/api/public/') && ops.get);
    const templates = gets.map(([path]) => path);
    const searchable = new Set(gets.filter(([, ops]) => ops.get!.parameters?.some((p) => p.name === 'q')).map(([path]) => path));
    assert.ok(templates.length >= 10, templates.join(', '));
    const regions = ((await ctx().db.execute(sql`SELECT DISTINCT region_code FROM organization WHERE region_code IS NOT NULL`)) as unknown as { rows: { region_code: string }[] }).rows.map((r) => r.region_code);
    const urls = templates.flatMap((t) => {
      // Document downloads are the signed files the secretariat ticked; their listing is checked through the documents dataset and the records.
      if (t.includes('{documentId}')) return [];
      if (t.includes('{id}')) return cooperationIds.map((id) => t.replace('{id}', id));
      if (t.includes('{code}')) return regions.map((code) => t.replace('{code}', code));
      if (t.includes('{file}')) return DATASET_NAMES.flatMap((n) => [t.replace('{file}', `${n}.csv`), t.replace('{file}', `${n}.json`)]);
      // A parameter this test does not know yet (a later public route): called as written, so at least its 4xx body is checked.
      if (t.includes('{')) return [t];

      return searchable.has(t) ? [t, `${t}?q=sampah`] : [t];
    });
    let checked = 0;
    for (const url of urls) {
      const res = await ctx().request(url);
      assert.ok(res.status === 200 || res.status === 404 || (url.includes('{') && res.status === 400), `${url}: ${res.status}`);
      const body = await res.text();
      const leaked = personal.filter((v) => body.includes(v));
      assert.deepEqual(leaked, [], `${url} leaks personal data`);
      checked++;
    }
    assert.ok(checked > cooperationIds.length * 2);
  });
});
