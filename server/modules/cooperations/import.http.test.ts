import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { projectRoot } from '../../platform/paths.js';
import { describeEachDatabase, type TestSession } from '../../test/context.js';
import { buildPemdaWorld, type PemdaWorld } from '../../test/cooperations.factories.js';
import { buildOrg, buildTenant } from '../../test/factories.js';
import { postFile } from '../../test/uploads.js';

type Issue = { field: string; code: string; message: string };
type PreviewRow = {
  rowNumber: number;
  status: 'ready' | 'invalid' | 'needs_confirmation';
  values: { title: string; kind: string | null; state: string | null; amount: string | null; urusanCodes: string[]; leadOpd: { id: string } | null };
  errors: Issue[];
  warnings: Issue[];
  partner: { status: string; candidates: { id: string; name: string; score: number }[]; chosen: { kind: string; orgId: string | null; name: string } | null; canCreate: boolean };
};
type Preview = { headerRow: number; mapping: Record<string, string>; missingFields: string[]; skippedRows: number[]; rows: PreviewRow[]; summary: Record<string, number> };
type Problem = { code: string; detail: string; rows?: { rowNumber: number; errors: Issue[] }[] };

const fixture = (name: string) => fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'cooperations', 'fixtures', name));
const csvBytes = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
const CSV_HEADER = 'No;Judul Kerja Sama;Mitra;Jenis;Nomor (Pihak Kesatu);Tanggal Mulai;Tanggal Berakhir;Nilai (Rp);Status';

describeEachDatabase('importing a cooperation register', (ctx) => {
  let hss: PemdaWorld;
  let other: PemdaWorld;
  const org: Record<string, string> = {};

  before(async () => {
    const db = ctx().db;
    hss = await buildPemdaWorld(ctx(), '63.06', 'Kabupaten Hulu Sungai Selatan');
    other = await buildPemdaWorld(ctx(), '63.08', 'Kabupaten Hulu Sungai Utara');
    await buildOrg(db, { type: 'OPD', name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Hulu Sungai Selatan', shortName: 'Dinas PUPR HSS', tenantId: hss.tenant.id, parentId: hss.tenant.id, regionCode: '63.06' });
    await buildOrg(db, { type: 'OPD', name: 'Dinas Kesehatan Kabupaten Hulu Sungai Selatan', shortName: 'Dinkes HSS', tenantId: hss.tenant.id, parentId: hss.tenant.id, regionCode: '63.06' });
    org.hst = (await buildTenant(db, { regionCode: '63.07', name: 'Pemerintah Kabupaten Hulu Sungai Tengah' })).id;
    org.tapin = (await buildTenant(db, { regionCode: '63.05', name: 'Pemerintah Kabupaten Tapin' })).id;
    const kalsel = randomUUID();
    await buildOrg(db, { id: kalsel, type: 'PEMDA', name: 'Pemerintah Provinsi Kalimantan Selatan', shortName: 'Pemprov Kalsel', regionCode: '63', tenantId: kalsel });
    const partner = async (key: string, type: 'PIHAK_KETIGA' | 'FOREIGN_LOCAL_GOV' | 'FOREIGN_INSTITUTION' | 'KL_PUSAT', name: string, countryCode?: string) => {
      org[key] = (await buildOrg(db, { type, name, countryCode: countryCode ?? null })).id;
    };
    await partner('pt', 'PIHAK_KETIGA', 'PT Banua Tirta Lestari (fiktif)');
    await partner('ubr', 'PIHAK_KETIGA', 'Universitas Banua Raya (fiktif)');
    await partner('yayasan', 'PIHAK_KETIGA', 'Yayasan Sungai Amandit Lestari (fiktif)');
    await partner('riverbend', 'FOREIGN_LOCAL_GOV', 'Riverbend City Council (fiktif)', 'AU');
    await partner('delta', 'FOREIGN_INSTITUTION', 'Delta Water Cooperation Foundation (fiktif)', 'NL');
    await partner('kempu', 'KL_PUSAT', 'Kementerian Pekerjaan Umum');
  });

  const upload = async (session: TestSession, name: string, bytes: Uint8Array) => {
    const res = await postFile(ctx(), session, { name, bytes });
    assert.equal(res.status, 201, await res.clone().text());

    return ((await res.json()) as { id: string }).id;
  };
  const preview = async (session: TestSession, body: Record<string, unknown>, lang = 'id') => {
    const res = await ctx().request('/api/cooperations/import/preview', { json: body, session, headers: { 'accept-language': lang } });
    assert.equal(res.status, 200, await res.clone().text());

    return (await res.json()) as Preview;
  };
  const runImport = (session: TestSession, body: Record<string, unknown>) => ctx().request('/api/cooperations/import', { json: body, session });
  const count = async (sqlText: ReturnType<typeof sql>) => Number(((await ctx().db.execute(sqlText)) as unknown as { rows: { n: number | string }[] }).rows[0]!.n);
  const cooperationsOf = (tenantId: string) => count(sql`SELECT count(*) AS n FROM cooperation WHERE tenant_id = ${tenantId}`);
  const importAudits = () => count(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'cooperation.import'`);

  it('previews the sample register with per-row values, warnings and partner matches, then imports all of it in one go', async () => {
    const fileId = await upload(hss.sessions.secretariat, 'register-kerja-sama-contoh.xlsx', fixture('register-kerja-sama-contoh.xlsx'));
    const p = await preview(hss.sessions.secretariat, { fileId });
    assert.equal(p.headerRow, 4);
    assert.deepEqual(p.missingFields, []);
    assert.equal(p.mapping.B, 'title');
    assert.deepEqual(p.skippedRows, [26, 27, 29], 'the signature block is not a cooperation');
    assert.equal(p.rows.length, 20);
    const byRow = new Map(p.rows.map((r) => [r.rowNumber, r]));

    const tpa = byRow.get(5)!;
    assert.equal(tpa.status, 'ready');
    assert.equal(tpa.partner.status, 'exact');
    assert.equal(tpa.partner.chosen?.orgId, org.hst);
    assert.equal(tpa.values.amount, '2750000000.00');
    assert.deepEqual(tpa.values.urusanCodes, ['2.11']);
    assert.ok(tpa.values.leadOpd, '"Dinas Lingkungan Hidup" is the OPD of the world');
    // "Berlaku" with an end date already past is imported as ended, and the preview says so.
    const rujukan = byRow.get(6)!;
    assert.equal(rujukan.values.state, 'BERAKHIR');
    assert.equal(rujukan.partner.chosen?.orgId, org.tapin, '"Kab. Tapin" is Pemerintah Kabupaten Tapin');
    assert.ok(rujukan.warnings.some((w) => w.code === 'expired' && w.message.includes('2025-12-31') && w.message.includes('Berakhir')));
    assert.equal(byRow.get(8)!.partner.chosen?.name, 'Pemerintah Provinsi Kalimantan Selatan', 'short name "Pemprov Kalsel"');
    assert.equal(byRow.get(15)!.partner.chosen?.orgId, org.riverbend);
    assert.equal(byRow.get(17)!.partner.chosen?.orgId, org.kempu);
    const tenaga = byRow.get(13)!;
    assert.ok(tenaga.warnings.some((w) => w.code === 'opd_unknown'), 'an OPD not in the pemda is left out with a warning');

    // A short form of a partner's name is only a probable match: a person confirms it.
    const shortName = byRow.get(20)!;
    assert.equal(shortName.status, 'needs_confirmation');
    assert.equal(shortName.partner.status, 'probable');
    assert.equal(shortName.partner.candidates[0]!.id, org.yayasan);
    assert.ok(shortName.partner.candidates[0]!.score < 1);
    const newPartners = p.rows.filter((r) => r.status === 'needs_confirmation' && r.rowNumber !== 20);
    assert.deepEqual(newPartners.map((r) => r.rowNumber), [11, 13, 14, 19, 22, 24]);
    assert.ok(newPartners.every((r) => r.partner.canCreate && r.errors.every((e) => e.code.startsWith('partner_'))));
    assert.equal(p.summary.invalid, 0);

    const refused = await runImport(hss.sessions.secretariat, { fileId, dryRun: false });
    assert.equal(refused.status, 422);
    const problem = (await refused.json()) as Problem;
    assert.equal(problem.code, 'import.rows_invalid');
    assert.deepEqual(problem.rows!.map((r) => r.rowNumber), [11, 13, 14, 19, 20, 22, 24]);
    assert.equal(await cooperationsOf(hss.tenant.id), 0);

    const confirmations = Object.fromEntries([...newPartners.map((r) => [String(r.rowNumber), { createPartner: {} }]), ['20', { partyOrgId: org.yayasan }]]);
    const confirmed = await preview(hss.sessions.secretariat, { fileId, confirmations });
    assert.equal(confirmed.summary.ready, 20, JSON.stringify(confirmed.rows.filter((r) => r.status !== 'ready')));

    const partnersBefore = await count(sql`SELECT count(*) AS n FROM organization WHERE type = 'PIHAK_KETIGA'`);
    const dry = await runImport(hss.sessions.secretariat, { fileId, confirmations, dryRun: true });
    assert.equal(dry.status, 200, await dry.clone().text());
    assert.deepEqual(await dry.json(), { dryRun: true, imported: 20, createdPartners: 6, cooperationIds: [] });
    assert.equal(await cooperationsOf(hss.tenant.id), 0, 'a dry run keeps nothing');
    assert.equal(await count(sql`SELECT count(*) AS n FROM organization WHERE type = 'PIHAK_KETIGA'`), partnersBefore);

    const done = await runImport(hss.sessions.secretariat, { fileId, confirmations, dryRun: false });
    assert.equal(done.status, 200, await done.clone().text());
    const result = (await done.json()) as { imported: number; createdPartners: number; cooperationIds: string[] };
    assert.equal(result.imported, 20);
    assert.equal(result.createdPartners, 6);
    assert.equal(await cooperationsOf(hss.tenant.id), 20);
    assert.equal(await count(sql`SELECT count(*) AS n FROM organization WHERE type = 'PIHAK_KETIGA'`), partnersBefore + 6);
    assert.equal(await importAudits(), 1, 'one audit row for the batch');
    assert.equal(await count(sql`SELECT count(*) AS n FROM cooperation_event WHERE kind = 'IMPORTED'`), 20);

    const list = (await (await ctx().request('/api/cooperations?q=Rujukan', { session: hss.sessions.secretariat })).json()) as { items: { id: string; state: string; kind: string }[] };
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0]!.state, 'BERAKHIR');
    const detail = (await (await ctx().request(`/api/cooperations/${list.items[0]!.id}`, { session: hss.sessions.secretariat })).json()) as {
      parties: { orgId: string; registerNumber: string | null }[];
      funding: { amount: string }[];
    };
    assert.deepEqual(
      detail.parties.map((x) => [x.orgId, x.registerNumber]),
      [
        [hss.tenant.id, '180/031/KS-HSS/2023'],
        [org.tapin, '180/017/Hk-Tapin/2023'],
      ],
      'each party keeps the number it already gave',
    );
    assert.equal(Number(detail.funding[0]!.amount), 480000000);

    // The same file again: every number is already in the register.
    const again = await preview(hss.sessions.secretariat, { fileId, confirmations });
    assert.ok(again.rows.filter((r) => r.values.title !== '' && r.errors.some((e) => e.code === 'number_registered')).length >= 15);
  });

  it('imports nothing while rows have errors, explains each in the user’s language, and imports the corrected file', async () => {
    const bad = await upload(hss.sessions.secretariat, 'register-kerja-sama-dua-baris-salah.xlsx', fixture('register-kerja-sama-dua-baris-salah.xlsx'));
    const before = await cooperationsOf(hss.tenant.id);
    const p = await preview(hss.sessions.secretariat, { fileId: bad }, 'en');
    assert.deepEqual(
      p.rows.map((r) => [r.rowNumber, r.status]),
      [
        [5, 'ready'],
        [6, 'ready'],
        [7, 'invalid'],
        [8, 'invalid'],
      ],
    );
    assert.deepEqual(p.rows[2]!.errors.map((e) => e.field), ['kind']);
    assert.match(p.rows[2]!.errors[0]!.message, /Cooperation kind "Kemitraan Strategis" is not recognised/);
    assert.deepEqual(p.rows[3]!.errors.map((e) => [e.field, e.code]), [['endDate', 'end_before_start']]);

    for (const dryRun of [true, false]) {
      const res = await runImport(hss.sessions.secretariat, { fileId: bad, dryRun });
      assert.equal(res.status, 422);
      const problem = (await res.json()) as Problem;
      assert.equal(problem.code, 'import.rows_invalid');
      assert.deepEqual(problem.rows!.map((r) => r.rowNumber), [7, 8]);
      assert.match(problem.rows![1]!.errors[0]!.message, /Tanggal berakhir \(2024-06-30\) sebelum tanggal mulai \(2025-07-01\)/);
    }
    assert.equal(await cooperationsOf(hss.tenant.id), before);

    // Mapping the kind column away leaves the kind unmapped: a mapping problem, not a row problem.
    const unmapped = await preview(hss.sessions.secretariat, { fileId: bad, mapping: { B: 'title', C: 'partner' } });
    assert.deepEqual(unmapped.missingFields, ['kind']);
    const incomplete = await runImport(hss.sessions.secretariat, { fileId: bad, mapping: { B: 'title', C: 'partner' }, dryRun: true });
    assert.equal(((await incomplete.json()) as Problem).code, 'import.mapping_incomplete');

    const fixed = await upload(hss.sessions.secretariat, 'register-kerja-sama-dua-baris-diperbaiki.xlsx', fixture('register-kerja-sama-dua-baris-diperbaiki.xlsx'));
    const res = await runImport(hss.sessions.secretariat, { fileId: fixed, dryRun: false });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(((await res.json()) as { imported: number }).imported, 4);
    const list = (await (await ctx().request('/api/cooperations?q=Banua%20Anam', { session: hss.sessions.secretariat })).json()) as { items: unknown[] };
    assert.equal(list.items.length, 4);
  });

  it('rolls back every row when one fails midway: a cooperation rule, or the database itself', async () => {
    const lines = [
      CSV_HEADER,
      '1;Pengolahan Sampah Terpadu Hulu Sungai Utara;Pemerintah Kabupaten Hulu Sungai Tengah;KSDD;180/1/HSU/2025;01/02/2025;31/01/2028;Rp 100.000.000;Berlaku',
      // Ten years for a cooperation of category "Lainnya" (at most five): only the rules see it.
      '2;Penyediaan Air Baku Hulu Sungai Utara;PT Banua Tirta Lestari (fiktif);KSDPK;180/2/HSU/2025;01/02/2025;31/01/2035;Rp 200.000.000;Berlaku',
      '3;Pendampingan Desa Wisata Hulu Sungai Utara;Universitas Banua Raya (fiktif);KSDPK;180/3/HSU/2025;01/03/2025;28/02/2027;-;Berlaku',
    ];
    const fileId = await upload(other.sessions.secretariat, 'register-hsu.csv', csvBytes(lines));
    const p = await preview(other.sessions.secretariat, { fileId });
    assert.deepEqual(p.rows.map((r) => r.status), ['ready', 'invalid', 'ready']);
    assert.deepEqual(p.rows[1]!.errors.map((e) => [e.field, e.code]), [['endDate', 'not_saved']]);
    assert.match(p.rows[1]!.errors[0]!.message, /5 tahun/);

    const res = await runImport(other.sessions.secretariat, { fileId, dryRun: false });
    assert.equal(res.status, 422);
    assert.deepEqual(((await res.json()) as Problem).rows!.map((r) => r.rowNumber), [3]);
    assert.equal(await cooperationsOf(other.tenant.id), 0, 'the first row, recorded before the second failed, is gone too');

    // A database failure in the second row: the transaction as a whole is rolled back.
    const fixedId = await upload(other.sessions.secretariat, 'register-hsu-2.csv', csvBytes([lines[0]!, lines[1]!, lines[2]!.replace('31/01/2035', '31/01/2028'), lines[3]!]));
    assert.equal((await preview(other.sessions.secretariat, { fileId: fixedId })).summary.ready, 3);
    const audits = await importAudits();
    await ctx().db.execute(sql.raw(`ALTER TABLE cooperation ADD CONSTRAINT import_test_guard CHECK (title <> 'Penyediaan Air Baku Hulu Sungai Utara')`));
    try {
      const failed = await runImport(other.sessions.secretariat, { fileId: fixedId, dryRun: false });
      assert.equal(failed.status, 500);
      assert.equal(await cooperationsOf(other.tenant.id), 0);
      assert.equal(await importAudits(), audits);
    } finally {
      await ctx().db.execute(sql.raw('ALTER TABLE cooperation DROP CONSTRAINT import_test_guard'));
    }
    const ok = await runImport(other.sessions.secretariat, { fileId: fixedId, dryRun: false });
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.equal(await cooperationsOf(other.tenant.id), 3);
  });

  it('asks for a confirmation of uncertain matches, and registers a new partner in the same transaction', async () => {
    const fileId = await upload(
      other.sessions.secretariat,
      'mitra.csv',
      csvBytes([
        CSV_HEADER,
        '1;Riset Pangan Lokal;Universitas Banua (fiktif);KSDPK;180/9/HSU/2025;01/05/2025;30/04/2027;;Berlaku',
        '2;Beasiswa Vokasi;Akademi Komunitas Amuntai (fiktif);KSDPK;180/10/HSU/2025;01/05/2025;30/04/2027;;Berlaku',
        '3;Pertukaran Pelajar;Kota Kembar Lakeside (fiktif);Sister City;180/11/HSU/2025;01/05/2025;30/04/2027;;Berlaku',
      ]),
    );
    const p = await preview(other.sessions.secretariat, { fileId });
    assert.deepEqual(p.rows.map((r) => [r.partner.status, r.status]), [
      ['probable', 'needs_confirmation'],
      ['none', 'needs_confirmation'],
      ['none', 'needs_confirmation'],
    ]);
    assert.equal(p.rows[0]!.partner.candidates[0]!.id, org.ubr);
    assert.equal(p.rows[0]!.errors[0]!.code, 'partner_unconfirmed');
    assert.equal(p.rows[1]!.errors[0]!.code, 'partner_not_found');
    assert.equal((await runImport(other.sessions.secretariat, { fileId, dryRun: true })).status, 422);

    // A foreign partner needs its country; a partner of the wrong type is refused.
    const [uni, akademi, lakeside] = p.rows.map((r) => String(r.rowNumber)) as [string, string, string];
    assert.deepEqual([uni, akademi, lakeside], ['2', '3', '4'], 'rows are numbered as in the file (the header is line 1)');
    const wrong = await preview(other.sessions.secretariat, {
      fileId,
      confirmations: { [uni]: { partyOrgId: org.hst }, [akademi]: { createPartner: {} }, [lakeside]: { createPartner: {} } },
    });
    assert.deepEqual(wrong.rows.map((r) => r.errors.map((e) => e.code)), [['partner_type_mismatch'], [], ['partner_country_required']]);

    const confirmations = { [uni]: { partyOrgId: org.ubr }, [akademi]: { createPartner: { legalForm: 'PTS' } }, [lakeside]: { createPartner: { countryCode: 'NZ' } } };
    const res = await runImport(other.sessions.secretariat, { fileId, confirmations, dryRun: false });
    assert.equal(res.status, 200, await res.clone().text());
    const result = (await res.json()) as { cooperationIds: string[]; createdPartners: number };
    assert.equal(result.createdPartners, 2);
    const first = (await (await ctx().request(`/api/cooperations/${result.cooperationIds[0]}`, { session: other.sessions.secretariat })).json()) as { parties: { orgId: string }[] };
    assert.equal(first.parties[1]!.orgId, org.ubr);
    assert.equal(await count(sql`SELECT count(*) AS n FROM organization WHERE name = 'Kota Kembar Lakeside (fiktif)' AND type = 'FOREIGN_LOCAL_GOV' AND country_code = 'NZ'`), 1);
  });

  it("answers 404 for another pemda's file and 403 to people who do not keep the register", async () => {
    const fileId = await upload(other.sessions.secretariat, 'register-kerja-sama-contoh.csv', fixture('register-kerja-sama-contoh.csv'));
    for (const url of ['/api/cooperations/import/preview', '/api/cooperations/import']) {
      const res = await ctx().request(url, { json: url.endsWith('preview') ? { fileId } : { fileId, dryRun: true }, session: hss.sessions.secretariat });
      assert.equal(res.status, 404, url);
      assert.equal(((await res.json()) as Problem).code, 'import.file_not_found');
    }
    const own = await upload(hss.sessions.opdStaff, 'register.csv', fixture('register-kerja-sama-contoh.csv'));
    for (const session of [hss.sessions.opdStaff, hss.sessions.tkksd, hss.sessions.kepala]) {
      const res = await ctx().request('/api/cooperations/import/preview', { json: { fileId: own }, session });
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as Problem).code, 'import.forbidden');
    }
    const pdf = await upload(hss.sessions.secretariat, 'bukan-register.pdf', fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'files', 'fixtures', 'sample.pdf')));
    const res = await ctx().request('/api/cooperations/import/preview', { json: { fileId: pdf }, session: hss.sessions.secretariat });
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as Problem).code, 'import.file_type');
  });
});
