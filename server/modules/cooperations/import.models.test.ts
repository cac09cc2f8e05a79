import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { projectRoot } from '../../platform/paths.js';
import {
  columnKey,
  columnIndex,
  decideMatch,
  detectDelimiter,
  detectHeaderRow,
  duplicateNumbers,
  guessField,
  importTenantOf,
  issueMessage,
  matchUnit,
  normalizeOrgName,
  parseDate,
  parseKind,
  parsePartnerCode,
  parseRow,
  parseRupiah,
  parseState,
  parseUrusan,
  readCsv,
  readXlsx,
  suggestMapping,
  columnsOf,
  isDataRow,
  type SheetRow,
} from './import.models.js';

const fixture = (name: string) => fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'cooperations', 'fixtures', name));
const value = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : 'FAIL');

describe('who imports', () => {
  it('is the secretariat (or TKKSD secretary) of their own pemda, nobody else', () => {
    const role = (r: string, tenantId: string | null = 't1') => ({ role: r, tenantId });
    assert.equal(importTenantOf({ tenantId: 't1', roles: [role('KSD_SECRETARIAT_ADMIN')] }), 't1');
    assert.equal(importTenantOf({ tenantId: 't1', roles: [role('TKKSD_SEKRETARIS')] }), 't1');
    for (const r of ['OPD_STAFF', 'TKKSD_KETUA', 'KEPALA_DAERAH', 'TENANT_ADMIN']) assert.equal(importTenantOf({ tenantId: 't1', roles: [role(r)] }), null, r);
    assert.equal(importTenantOf({ tenantId: 't1', roles: [role('KSD_SECRETARIAT_ADMIN', 't2')] }), null, 'a role in another pemda');
    assert.equal(importTenantOf({ tenantId: null, roles: [role('KSD_SECRETARIAT_ADMIN', null)] }), null, 'a partner');
  });
});

describe('column auto-mapping', () => {
  it('recognises Indonesian and English headers, whatever the case and punctuation', () => {
    assert.equal(guessField('Judul Kerja Sama'), 'title');
    assert.equal(guessField('MITRA'), 'partner');
    assert.equal(guessField('Jenis'), 'kind');
    assert.equal(guessField('Nomor (Pihak Kesatu)'), 'ownNumber');
    assert.equal(guessField('Nomor (Pihak Kedua)'), 'partnerNumber');
    assert.equal(guessField('Tanggal Mulai'), 'startDate');
    assert.equal(guessField('Tgl. Berakhir'), 'endDate');
    assert.equal(guessField('Nilai (Rp)'), 'amount');
    assert.equal(guessField('OPD Pelaksana'), 'leadOpd');
    assert.equal(guessField('Status'), 'state');
    assert.equal(guessField('Partner'), 'partner');
    assert.equal(guessField('Start date'), 'startDate');
    assert.equal(guessField('Cooperation type'), 'kind');
    assert.equal(guessField('Value (IDR)'), 'amount');
    assert.equal(guessField('Urusan Pemerintahan'), 'urusan');
    assert.equal(guessField('No'), 'ignore');
    assert.equal(guessField('Warna'), null);
  });

  it('suggests one column per field, keyed by Excel column letters, and leaves "No" unmapped', () => {
    const mapping = suggestMapping(['No', 'Judul Kerja Sama', 'Mitra', 'Jenis', 'Nomor (Pihak Kesatu)', 'Tanggal Mulai', 'Tanggal Berakhir', 'Nilai (Rp)', 'Status', 'Judul']);
    assert.deepEqual(mapping, { B: 'title', C: 'partner', D: 'kind', E: 'ownNumber', F: 'startDate', G: 'endDate', H: 'amount', I: 'state' });
  });

  it('numbers columns as Excel does', () => {
    assert.deepEqual([0, 25, 26, 27, 51, 52].map(columnKey), ['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
    assert.deepEqual(['A', 'Z', 'AA', 'BA'].map(columnIndex), [0, 25, 26, 52]);
  });

  it('finds the header row below a merged title and ignores signature lines under the table', () => {
    const rows: SheetRow[] = [
      { rowNumber: 1, cells: ['REGISTER KERJA SAMA DAERAH KABUPATEN HULU SUNGAI SELATAN'] },
      { rowNumber: 2, cells: ['keadaan per 31 Desember 2025'] },
      { rowNumber: 4, cells: ['No', 'Judul Kerja Sama', 'Mitra', 'Jenis', 'Status'] },
      { rowNumber: 5, cells: [1, 'Pengelolaan sampah regional', 'Kab. Tapin', 'KSDD', 'Berlaku'] },
      { rowNumber: 7, cells: [null, null, null, 'Kandangan, 5 Januari 2026'] },
    ];
    assert.equal(detectHeaderRow(rows), 4);
    const mapping = suggestMapping(columnsOf(rows, 4).map((c) => c.header));
    assert.ok(isDataRow(rows[3]!, mapping));
    assert.ok(!isDataRow(rows[4]!, mapping));
  });
});

describe('dates', () => {
  it('reads day-first, ISO, Indonesian and English month names, Excel date cells and serials', () => {
    assert.equal(value(parseDate('25/04/2025')), '2025-04-25');
    assert.equal(value(parseDate('5-4-2025')), '2025-04-05');
    assert.equal(value(parseDate('25.04.25')), '2025-04-25');
    assert.equal(value(parseDate('2025-04-25')), '2025-04-25');
    assert.equal(value(parseDate('25 April 2025')), '2025-04-25');
    assert.equal(value(parseDate('17 Agustus 2025')), '2025-08-17');
    assert.equal(value(parseDate('1 Agt. 2025')), '2025-08-01');
    assert.equal(value(parseDate('Senin, 3 Maret 2025')), '2025-03-03');
    assert.equal(value(parseDate('20 Nov 2023')), '2023-11-20');
    assert.equal(value(parseDate('1 Desember 2024')), '2024-12-01');
    assert.equal(value(parseDate('April 25, 2025')), '2025-04-25');
    assert.equal(value(parseDate(new Date(Date.UTC(2025, 3, 25)))), '2025-04-25');
    assert.equal(value(parseDate(45772)), '2025-04-25', 'Excel serial');
  });

  it('refuses what is not a date rather than guessing', () => {
    for (const bad of ['31/02/2025', '25/13/2025', 'April 2025', 'segera', '2025', '25 Aprel 2025', 12.5]) assert.equal(parseDate(bad).ok, false, String(bad));
  });
});

describe('rupiah', () => {
  it('reads Indonesian and English grouping, Rp prefixes, ",-" endings, scale words and number cells', () => {
    assert.equal(value(parseRupiah('Rp1.500.000,00')), '1500000.00');
    assert.equal(value(parseRupiah('Rp 1.500.000')), '1500000.00');
    assert.equal(value(parseRupiah('1.500.000')), '1500000.00');
    assert.equal(value(parseRupiah('Rp 210.000.000,-')), '210000000.00');
    assert.equal(value(parseRupiah('1,500,000.50')), '1500000.50');
    assert.equal(value(parseRupiah('1500000')), '1500000.00');
    assert.equal(value(parseRupiah('Rp 2,5 miliar')), '2500000000.00');
    assert.equal(value(parseRupiah('750 juta')), '750000000.00');
    assert.equal(value(parseRupiah('IDR 12.500.000.000,75')), '12500000000.75');
    assert.equal(value(parseRupiah(2750000000)), '2750000000.00');
    assert.equal(value(parseRupiah(1500000.5)), '1500000.50');
  });

  it('treats blanks, dashes and "tanpa biaya" as no amount, and refuses nonsense', () => {
    for (const none of [null, '-', '—', 'Tanpa biaya', 'nihil', '']) assert.equal(value(parseRupiah(none)), null, String(none));
    for (const bad of ['Rp 1.50.000', 'satu juta', '1.500.000,5,0', '-1000', 'Rp 12345678901234567']) assert.equal(parseRupiah(bad).ok, false, bad);
  });
});

describe('kinds and states', () => {
  it('reads a kind from its code, its name in PP 28/2018, or everyday words', () => {
    const cases: [string, string][] = [
      ['KSDD', 'KSDD'],
      ['Kerja Sama Daerah dengan Daerah Lain', 'KSDD'],
      ['antar daerah', 'KSDD'],
      ['Kerja sama antardaerah', 'KSDD'],
      ['Kerja Sama Daerah dengan Pihak Ketiga', 'KSDPK'],
      ['ksdpk', 'KSDPK'],
      ['Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri', 'KSDPL'],
      ['Sister City', 'KSDPL'],
      ['Kerja Sama Daerah dengan Lembaga di Luar Negeri', 'KSDLL'],
      ['Sinergi', 'SINERGI'],
      ['Kerja sama dengan Kementerian/Lembaga', 'SINERGI'],
      ['Inter-regional cooperation', 'KSDD'],
      ['Third party', 'KSDPK'],
    ];
    for (const [label, kind] of cases) assert.equal(value(parseKind(label)), kind, label);
    assert.equal(parseKind('Kemitraan Strategis').ok, false);
  });

  it('reads a state from labels or codes', () => {
    const cases: [string, string][] = [
      ['Berlaku', 'BERLAKU'],
      ['masih berlaku', 'BERLAKU'],
      ['Aktif', 'BERLAKU'],
      ['Berakhir', 'BERAKHIR'],
      ['Habis masa berlaku', 'BERAKHIR'],
      ['Expired', 'BERAKHIR'],
      ['Penyusunan PKS', 'PENYUSUNAN_PKS'],
      ['PENYUSUNAN_PKS', 'PENYUSUNAN_PKS'],
      ['Penandatanganan PKS', 'PENANDATANGANAN_PKS'],
      ['Penyusunan NK', 'PENYUSUNAN_NK'],
      ['Diakhiri', 'DIAKHIRI'],
      ['Usulan', 'USULAN'],
    ];
    for (const [label, state] of cases) assert.equal(value(parseState(label)), state, label);
    assert.equal(parseState('Menunggu DPRD').ok, false);
  });
});

describe('urusan, partners and OPD', () => {
  const urusan = [
    { code: '1.02', nameId: 'Kesehatan', nameEn: 'Health' },
    { code: '1.03', nameId: 'Pekerjaan Umum dan Penataan Ruang', nameEn: 'Public Works and Spatial Planning' },
    { code: '2.11', nameId: 'Lingkungan Hidup', nameEn: 'Environment' },
    { code: '2.17', nameId: 'Koperasi, Usaha Kecil, dan Menengah', nameEn: 'Cooperatives and Small and Medium Enterprises' },
  ];

  it('reads urusan from codes or names, several per cell, and names what it does not know', () => {
    assert.deepEqual(parseUrusan('2.11', urusan), { codes: ['2.11'], unknown: [] });
    assert.deepEqual(parseUrusan('Lingkungan Hidup; kesehatan', urusan), { codes: ['2.11', '1.02'], unknown: [] });
    assert.deepEqual(parseUrusan('1.02 Kesehatan, 1.03', urusan), { codes: ['1.02', '1.03'], unknown: [] });
    assert.deepEqual(parseUrusan('Koperasi, Usaha Kecil, dan Menengah', urusan), { codes: ['2.17'], unknown: [] });
    assert.deepEqual(parseUrusan('Environment', urusan), { codes: ['2.11'], unknown: [] });
    assert.deepEqual(parseUrusan('Keuangan; 2.11', urusan), { codes: ['2.11'], unknown: ['Keuangan'] });
  });

  it('normalises partner names so that abbreviations and the "Pemerintah" prefix do not matter', () => {
    const hst = normalizeOrgName('Pemerintah Kabupaten Hulu Sungai Tengah');
    assert.equal(normalizeOrgName('Kab. Hulu Sungai Tengah'), hst);
    assert.equal(normalizeOrgName('Pemkab  Hulu Sungai Tengah'), hst);
    assert.equal(normalizeOrgName('PT. Banua Tirta Lestari (fiktif)'), normalizeOrgName('PT Banua Tirta Lestari (fiktif)'));
    assert.equal(normalizeOrgName('Univ. Banua Raya'), 'universitas banua raya');
  });

  it('decides exact, probable or no match from the candidates', () => {
    const candidates = [
      { id: 'a', name: 'Pemerintah Kabupaten Hulu Sungai Tengah', shortName: 'Pemkab HST', type: 'PEMDA', score: 0.62 },
      { id: 'b', name: 'Pemerintah Kabupaten Hulu Sungai Selatan', shortName: 'Pemkab HSS', type: 'PEMDA', score: 0.55 },
      { id: 'c', name: 'Yayasan Hulu Sungai (fiktif)', shortName: null, type: 'PIHAK_KETIGA', score: 0.4 },
    ];
    const exact = decideMatch('Kab. Hulu Sungai Tengah', 'PEMDA', candidates);
    assert.equal(exact.status, 'exact');
    assert.equal(exact.exactId, 'a');
    assert.equal(exact.candidates[0]!.score, 1);
    assert.equal(decideMatch('Pemkab HST', 'PEMDA', candidates).exactId, 'a', 'short name');
    const probable = decideMatch('Kabupaten Hulu Sungai', 'PEMDA', candidates);
    assert.equal(probable.status, 'probable');
    assert.deepEqual(probable.candidates.map((c) => c.id), ['a', 'b'], 'only the type the kind needs');
    assert.equal(decideMatch('Hulu Sungai Utara', 'PEMDA', [{ ...candidates[0]!, score: 0.2 }]).status, 'none');
  });

  it('reads partner codes: region code, NIB, NPWP or an id', () => {
    assert.deepEqual(value(parsePartnerCode('63.07')), { kind: 'region', value: '63.07' });
    assert.deepEqual(value(parsePartnerCode('9900000000001')), { kind: 'nib', value: '9900000000001' });
    assert.deepEqual(value(parsePartnerCode('99.000.000.0-001.000')), { kind: 'npwp', value: '990000000001000' });
    assert.equal(value(parsePartnerCode(null)), null);
    assert.equal(parsePartnerCode('ABC').ok, false);
  });

  it('finds the OPD by name, short name or a unique beginning', () => {
    const units = [
      { id: '1', name: 'Dinas Kesehatan Kabupaten Hulu Sungai Selatan', shortName: 'Dinkes HSS' },
      { id: '2', name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Hulu Sungai Selatan', shortName: 'Dinas PUPR HSS' },
      { id: '3', name: 'Badan Perencanaan Pembangunan Daerah Kabupaten Hulu Sungai Selatan', shortName: 'Bappeda HSS' },
    ];
    assert.equal(matchUnit('Dinas Kesehatan', units)?.id, '1');
    assert.equal(matchUnit('Dinas PUPR', units)?.id, '2');
    assert.equal(matchUnit('Bappeda HSS', units)?.id, '3');
    assert.equal(matchUnit('Dinas', units), undefined, 'ambiguous');
    assert.equal(matchUnit('Dinas Pariwisata', units), undefined);
  });
});

describe('rows', () => {
  const mapping = { A: 'title', B: 'partner', C: 'kind', D: 'state', E: 'startDate', F: 'endDate', G: 'amount', H: 'ownNumber' } as const;
  const row = (cells: (string | number | null)[], rowNumber = 5): SheetRow => ({ rowNumber, cells });

  it('parses a complete row without issues', () => {
    const r = parseRow(row(['Penyediaan air bersih', 'PT Banua Tirta Lestari (fiktif)', 'KSDPK', 'Berlaku', '01/07/2025', '30 Juni 2028', 'Rp1.500.000,00', '180/1/KS']), mapping, '2026-03-02');
    assert.deepEqual(r.issues, []);
    assert.equal(r.kind, 'KSDPK');
    assert.equal(r.state, 'BERLAKU');
    assert.equal(r.startDate, '2025-07-01');
    assert.equal(r.endDate, '2028-06-30');
    assert.equal(r.amount, '1500000.00');
  });

  it('names each problem with its field', () => {
    const r = parseRow(row(['', 'Kab. Tapin', 'Kemitraan', 'Berlaku', '01/07/2025', '30/06/2024', 'banyak', null]), mapping, '2026-03-02');
    assert.deepEqual(
      r.issues.map((i) => `${i.field}:${i.code}`),
      ['title:required', 'kind:kind_unknown', 'endDate:end_before_start', 'amount:amount_invalid'],
    );
    assert.equal(issueMessage(r.issues[2]!, 'id'), 'Tanggal berakhir (2024-06-30) sebelum tanggal mulai (2025-07-01).');
    assert.equal(issueMessage(r.issues[1]!, 'en').startsWith('Cooperation kind "Kemitraan" is not recognised'), true);
  });

  it('imports a "Berlaku" record whose end date has passed as ended, with a warning', () => {
    const r = parseRow(row(['Rujukan pasien', 'Kab. Tapin', 'KSDD', 'Berlaku', '15/03/2023', '31/12/2025', null, null]), mapping, '2026-03-02');
    assert.equal(r.state, 'BERAKHIR');
    assert.deepEqual(r.issues.map((i) => i.code), ['expired', 'ksdd_category_default']);
  });

  it('requires dates for signed states, takes the state from the end date when missing, and refuses states a kind never passes', () => {
    assert.deepEqual(
      parseRow(row(['A', 'B', 'KSDPK', 'Berlaku', null, null, null, null]), mapping, '2026-03-02').issues.map((i) => `${i.field}:${i.code}`),
      ['startDate:dates_required', 'endDate:dates_required'],
    );
    const derived = parseRow(row(['A', 'B', 'KSDPK', null, '2024-01-01', '2025-12-31', null, null]), mapping, '2026-03-02');
    assert.equal(derived.state, 'BERAKHIR');
    assert.equal(derived.issues[0]!.code, 'state_from_dates');
    assert.equal(parseRow(row(['A', 'B', 'SINERGI', 'Penyusunan PKS', null, null, null, null]), mapping, '2026-03-02').issues[0]!.code, 'state_not_for_kind');
  });

  it('finds register numbers used twice in a file', () => {
    const dupes = duplicateNumbers([
      { rowNumber: 5, ownNumber: '180/1/KS' },
      { rowNumber: 6, ownNumber: null },
      { rowNumber: 7, ownNumber: '180/1/ks' },
    ]);
    assert.deepEqual([...dupes], [[7, { value: '180/1/ks', other: 5 }]]);
  });
});

describe('reading files', () => {
  it('reads the sample register: merged title once, header in row 4, signature lines not rows', async () => {
    const sheet = await readXlsx(fixture('register-kerja-sama-contoh.xlsx'));
    assert.equal(sheet.sheet, 'Register 2025');
    assert.equal(sheet.rows[0]!.cells.length, 1, 'the merged title counts once');
    const header = detectHeaderRow(sheet.rows)!;
    assert.equal(header, 4);
    const mapping = suggestMapping(columnsOf(sheet.rows, header).map((c) => c.header));
    const data = sheet.rows.filter((r) => r.rowNumber > header && isDataRow(r, mapping));
    assert.equal(data.length, 20);
    assert.ok(data.every((r) => parseRow(r, mapping, '2026-03-02').issues.every((i) => ['expired', 'ksdd_category_default'].includes(i.code))));
  });

  it('reads the CSV export (semicolons, BOM) with the same values as the workbook', async () => {
    const text = fixture('register-kerja-sama-contoh.csv');
    assert.equal(detectDelimiter(text.toString('utf8')), ';');
    const csv = readCsv(text);
    const xlsx = await readXlsx(fixture('register-kerja-sama-contoh.xlsx'));
    const parse = (rows: SheetRow[]) => {
      const header = detectHeaderRow(rows)!;
      const mapping = suggestMapping(columnsOf(rows, header).map((c) => c.header));

      return rows.filter((r) => r.rowNumber > header && isDataRow(r, mapping)).map((r) => ({ ...parseRow(r, mapping, '2026-03-02'), issues: [] }));
    };
    assert.deepEqual(parse(csv.rows), parse(xlsx.rows));
  });

  it('reads formula results, rich text and date cells from a workbook', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Data');
    sheet.addRow(['Judul', 'Mitra', 'Jenis', 'Tanggal Mulai', 'Nilai']);
    sheet.addRow([{ richText: [{ text: 'Air ' }, { text: 'bersih' }] }, 'PT A (fiktif)', 'KSDPK', new Date(Date.UTC(2025, 3, 25)), { formula: '1000*1500', result: 1500000 }]);
    const sheetRead = await readXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    assert.deepEqual(sheetRead.rows[1]!.cells, ['Air bersih', 'PT A (fiktif)', 'KSDPK', new Date(Date.UTC(2025, 3, 25)), 1500000]);
  });
});
