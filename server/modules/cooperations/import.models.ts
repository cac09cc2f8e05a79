import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import type { Kind, ObjectCategory, State } from './cooperations.machine.js';

/**
 * Importing a register kept before Jejaring (usually an Excel list of the Bagian Kerja Sama):
 * reading the sheet, recognising its columns, and reading each cell as people actually type it
 * ("25/04/2025", "Rp1.500.000,00", "Kerja Sama Daerah dengan Daerah Lain"). Everything here is
 * pure; matching against the database happens in import.usecases.ts.
 */

export const IMPORT_FIELDS = [
  'title',
  'partner',
  'partnerCode',
  'kind',
  'ksddCategory',
  'state',
  'startDate',
  'endDate',
  'ownNumber',
  'partnerNumber',
  'amount',
  'fundingSource',
  'objek',
  'ruangLingkup',
  'urusan',
  'leadOpd',
  'objectCategory',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row cannot become a cooperation; dates are required only for signed states. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['title', 'partner', 'kind'];

export const MAX_ROWS = 1000;
export const MAX_COLUMNS = 60;

/** Lower case, no diacritics, punctuation as spaces: how headers and labels are compared. */
export const fold = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Who keeps the register of a pemda (ksd-domain.md: the Bagian Kerja Sama as TKKSD secretariat). */
export const IMPORT_ROLES: readonly string[] = ['KSD_SECRETARIAT_ADMIN', 'TKKSD_SEKRETARIS'];

/**
 * The pemda an actor may import a register for: their own, and only while they hold a
 * secretariat role in it. Null for everyone else (OPD staff, heads, partners, overseers).
 */
export const importTenantOf = (actor: { tenantId: string | null; roles: readonly { role: string; tenantId: string | null }[] }): string | null => {
  const tenantId = actor.tenantId;

  return tenantId && actor.roles.some((r) => r.tenantId === tenantId && IMPORT_ROLES.includes(r.role)) ? tenantId : null;
};

// ---------------------------------------------------------------------------------------------
// Reading the file

export type CellValue = string | number | boolean | Date | null;
export type SheetRow = { rowNumber: number; cells: CellValue[] };
export type Sheet = { sheets: string[]; sheet: string; rows: SheetRow[] };

/** Column letters as in Excel: 0 → A, 25 → Z, 26 → AA. */
export const columnKey = (index: number): string => {
  let n = index + 1;
  let key = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    key = String.fromCharCode(65 + r) + key;
    n = Math.floor((n - 1) / 26);
  }

  return key;
};

export const columnIndex = (key: string): number => [...key].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;

type ExcelValue = ExcelJS.CellValue;

/** What a cell shows: formulas give their result, rich text its text, hyperlinks their label. */
const cellOf = (value: ExcelValue): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelValue }).result ?? null);
    if ('hyperlink' in value) return cellOf((value as { text?: ExcelValue }).text ?? null);
    if ('error' in value) return null;
  }

  return null;
};

const trimRow = (cells: CellValue[]) => {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === null || cells[end - 1] === '')) end--;

  return cells.slice(0, Math.min(end, MAX_COLUMNS));
};

export class UnreadableFileError extends Error {
  constructor(readonly reason: 'unreadable' | 'no_sheet' | 'too_many_rows') {
    super(reason);
  }
}

/**
 * The cells of one sheet, with the row numbers people see in Excel. A merged title over several
 * columns counts once (in its first cell), not once per column it spans.
 */
export const readXlsx = async (bytes: Uint8Array, sheetName?: string): Promise<Sheet> => {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('unreadable');
  }
  const sheets = book.worksheets.map((w) => w.name);
  const sheet = sheetName ? book.getWorksheet(sheetName) : (book.worksheets.find((w) => w.actualRowCount > 0) ?? book.worksheets[0]);
  if (!sheet) throw new UnreadableFileError('no_sheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > MAX_ROWS + 50) throw new UnreadableFileError('too_many_rows');
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > MAX_COLUMNS) return;
      cells[col - 1] = cell.isMerged && cell.master !== cell ? null : cellOf(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    const trimmed = trimRow(cells);
    if (trimmed.length > 0) rows.push({ rowNumber, cells: trimmed });
  });

  return { sheets, sheet: sheet.name, rows };
};

/** Indonesian Excel saves CSV with semicolons; others use commas or tabs. The most frequent wins. */
export const detectDelimiter = (text: string) => {
  const head = text.split(/\r?\n/).slice(0, 10).join('\n');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: head.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);

  return counts[0]!.n > 0 ? counts[0]!.d : ',';
};

export const readCsv = (bytes: Uint8Array): Sheet => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError('unreadable');
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as never;
  } catch {
    throw new UnreadableFileError('unreadable');
  }
  if (records.length > MAX_ROWS + 50) throw new UnreadableFileError('too_many_rows');
  const rows = records
    .map((r) => ({ rowNumber: r.info.lines, cells: trimRow(r.record.map((c) => (c.trim() === '' ? null : c))) }))
    .filter((r) => r.cells.length > 0);

  return { sheets: ['CSV'], sheet: 'CSV', rows };
};

// ---------------------------------------------------------------------------------------------
// Columns

/** Header words people use, folded; the exact header wins over one that merely contains it. */
const HEADER_SYNONYMS: Record<ImportField | 'ignore', string[]> = {
  ignore: ['no', 'no urut', 'nomor urut', 'keterangan', 'ket', 'catatan', 'number', 'notes', 'remarks'],
  title: ['judul kerja sama', 'judul', 'nama kerja sama', 'judul perjanjian', 'nama perjanjian', 'perihal', 'tentang', 'title', 'cooperation title', 'subject'],
  partner: ['mitra', 'mitra kerja sama', 'nama mitra', 'pihak kedua', 'pihak mitra', 'partner', 'counterparty', 'partner name'],
  partnerCode: ['kode mitra', 'kode wilayah mitra', 'npwp mitra', 'nib mitra', 'partner code'],
  kind: ['jenis', 'jenis kerja sama', 'bentuk kerja sama', 'kategori kerja sama', 'type', 'kind', 'cooperation type'],
  ksddCategory: ['kategori ksdd', 'sifat ksdd', 'sifat', 'ksdd category'],
  state: ['status', 'status kerja sama', 'keadaan', 'state'],
  startDate: ['tanggal mulai', 'tgl mulai', 'mulai', 'mulai berlaku', 'tanggal mulai berlaku', 'tmt', 'start date', 'start', 'valid from'],
  endDate: ['tanggal berakhir', 'tgl berakhir', 'berakhir', 'tanggal selesai', 'selesai', 'berlaku sampai', 'sampai dengan', 'end date', 'end', 'expiry date', 'valid until'],
  ownNumber: ['nomor pihak kesatu', 'nomor pihak pertama', 'no pihak kesatu', 'nomor pemda', 'nomor perjanjian', 'no perjanjian', 'nomor', 'our number', 'number first party'],
  partnerNumber: ['nomor pihak kedua', 'no pihak kedua', 'nomor mitra', 'partner number', 'number second party'],
  amount: ['nilai rp', 'nilai', 'nilai kerja sama', 'nilai kontrak', 'anggaran', 'nilai rupiah', 'value', 'amount', 'value idr', 'amount idr'],
  fundingSource: ['sumber dana', 'sumber anggaran', 'sumber pendanaan', 'funding source', 'source of funds'],
  objek: ['objek', 'objek kerja sama', 'object'],
  ruangLingkup: ['ruang lingkup', 'lingkup', 'scope'],
  urusan: ['urusan', 'urusan pemerintahan', 'bidang urusan', 'bidang', 'government affair', 'sector'],
  leadOpd: ['opd pelaksana', 'opd', 'perangkat daerah', 'perangkat daerah pelaksana', 'skpd', 'skpd pelaksana', 'unit pelaksana', 'pelaksana', 'lead agency', 'implementing agency'],
  objectCategory: ['kategori objek', 'kategori', 'object category'],
};

const SYNONYMS = Object.entries(HEADER_SYNONYMS).flatMap(([field, words]) => words.map((w) => ({ field: field as ImportField | 'ignore', word: w })));

/** The field a header most likely names, or null: exact words first, then the longest contained phrase. */
export const guessField = (header: string): ImportField | 'ignore' | null => {
  const h = fold(header);
  if (!h) return null;
  const exact = SYNONYMS.find((s) => s.word === h);
  if (exact) return exact.field;
  const contained = SYNONYMS.filter((s) => s.word.length > 3 && ` ${h} `.includes(` ${s.word} `)).sort((a, b) => b.word.length - a.word.length);

  return contained[0]?.field ?? null;
};

export type Mapping = Record<string, ImportField>;

/** One column per field: a field claimed by two columns goes to the one whose header names it exactly. */
export const suggestMapping = (headers: readonly string[]): Mapping => {
  const taken = new Map<ImportField, { key: string; exact: boolean }>();
  headers.forEach((header, i) => {
    const field = guessField(header);
    if (!field || field === 'ignore') return;
    const exact = SYNONYMS.some((s) => s.field === field && s.word === fold(header));
    const prior = taken.get(field);
    if (!prior || (exact && !prior.exact)) taken.set(field, { key: columnKey(i), exact });
  });

  return Object.fromEntries([...taken].map(([field, { key }]) => [key, field]));
};

const textOf = (cell: CellValue | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);

  return String(cell).replace(/\s+/g, ' ').trim();
};

/** The header row: among the first rows, the one naming most known columns (title rows above it name none). */
export const detectHeaderRow = (rows: readonly SheetRow[]): number | null => {
  let best: { rowNumber: number; hits: number } | null = null;
  for (const row of rows.slice(0, 20)) {
    const hits = row.cells.filter((c) => typeof c === 'string' && guessField(c) !== null).length;
    if (hits >= 2 && (!best || hits > best.hits)) best = { rowNumber: row.rowNumber, hits };
  }

  return best?.rowNumber ?? rows.find((r) => r.cells.filter((c) => textOf(c) !== '').length >= 3)?.rowNumber ?? null;
};

export type Column = { key: string; header: string; samples: string[] };

export const columnsOf = (rows: readonly SheetRow[], headerRow: number): Column[] => {
  const header = rows.find((r) => r.rowNumber === headerRow)?.cells ?? [];
  const data = rows.filter((r) => r.rowNumber > headerRow);
  const width = Math.max(header.length, ...data.slice(0, 50).map((r) => r.cells.length));

  return Array.from({ length: Math.min(width, MAX_COLUMNS) }, (_v, i) => ({
    key: columnKey(i),
    header: textOf(header[i]),
    samples: data
      .map((r) => textOf(r.cells[i]))
      .filter(Boolean)
      .slice(0, 3),
  }));
};

// ---------------------------------------------------------------------------------------------
// Values

export type Parsed<T> = { ok: true; value: T } | { ok: false };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = { ok: false } as const;

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

const isoDate = (y: number, m: number, d: number): Parsed<string> => {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return fail;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail;

  return ok(date.toISOString().slice(0, 10));
};

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A date as registers write it: an Excel date cell or serial number, ISO "2025-04-25", the
 * Indonesian day-first "25/04/2025" (also with "-" or "."), or "25 April 2025" with Indonesian
 * or English month names, abbreviated or not.
 */
export const parseDate = (cell: CellValue | undefined): Parsed<string> => {
  if (cell === null || cell === undefined || cell === '') return fail;
  // exceljs reads date cells as midnight UTC of the date shown.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail : isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    // Excel serial days since 1899-12-30 (the 1900 leap-year bug is before any plausible date).
    if (!Number.isInteger(cell) || cell < 20_000 || cell > 80_000) return fail;
    const date = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);

    return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof cell !== 'string') return fail;
  const s = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (m) return isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(?:[a-z]+,? )?(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$/.exec(s);
  if (m && MONTHS[m[2]!]) return isoDate(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]));
  m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!]) return isoDate(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]));

  return fail;
};

const SCALE: Record<string, number> = { ribu: 3, rb: 3, juta: 6, jt: 6, miliar: 9, milyar: 9, m: 9, triliun: 12, t: 12 };

/** Shifts a decimal string by powers of ten without floating point: "2,5" × 10⁹ → "2500000000". */
const scaleDecimal = (intPart: string, frac: string, exp: number) => {
  const digits = (intPart + frac.padEnd(exp, '0').slice(0, exp)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(exp);

  return { intPart: digits, frac: rest };
};

/**
 * Rupiah as people type it: "Rp1.500.000,00", "Rp 1.500.000", "1.500.000", "1,500,000.00",
 * "1500000", "Rp2,5 miliar", or a number cell. Returns "1500000.00" (two decimals, no floats).
 * Empty, "-" and "tanpa biaya" mean no amount (null).
 */
export const parseRupiah = (cell: CellValue | undefined): Parsed<string | null> => {
  if (cell === null || cell === undefined) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 && cell < 1e16 ? ok(cell.toFixed(2)) : fail;
  if (typeof cell !== 'string') return fail;
  const folded = fold(cell);
  if (folded === '' || /^(tanpa biaya|tidak ada|nihil|non anggaran|none|n a|nil)$/.test(folded) || /^[-–—0]+$/.test(cell.trim())) return ok(null);
  const m = /^(?:rp\.?|idr)?\s*([\d.,\s]+?)\s*(?:,-|\.-)?\s*(ribu|rb|juta|jt|miliar|milyar|m|triliun|t)?\.?$/i.exec(cell.trim().replace(/\u00a0/g, ' '));
  if (!m) return fail;
  const number = m[1]!.replace(/\s/g, '');
  const scale = m[2] ? SCALE[m[2].toLowerCase()]! : 0;
  let intPart: string;
  let frac = '';
  const lastDot = number.lastIndexOf('.');
  const lastComma = number.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const thousands = dec === '.' ? ',' : '.';
    const [i, f = ''] = number.split(dec);
    if (number.split(dec).length !== 2 || !/^\d{1,3}(\d{3})*$/.test(i!.split(thousands).join('')) || !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`).test(i!)) return fail;
    intPart = i!.split(thousands).join('');
    frac = f;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = number.split(sep);
    // "1.500.000" groups thousands; "1,5" or "2.50" (one separator, one or two digits after) is a decimal.
    if (parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && parts[0]!.length >= 1 && parts[0]!.length <= 3) {
      intPart = parts.join('');
    } else if (parts.length === 2 && parts[1]!.length <= 2) {
      intPart = parts[0]!;
      frac = parts[1]!;
    } else return fail;
  } else intPart = number;
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return fail;
  const scaled = scaleDecimal(intPart, frac, scale);
  if (scaled.frac.length > 2 && !/^0*$/.test(scaled.frac.slice(2))) return fail;
  const whole = scaled.intPart.replace(/^0+(?=\d)/, '') || '0';
  if (whole.length > 16) return fail;

  return ok(`${whole}.${scaled.frac.slice(0, 2).padEnd(2, '0')}`);
};

const labelMatcher = <T>(table: [RegExp, T][]) => (cell: CellValue | undefined): Parsed<T> => {
  const s = fold(textOf(cell));
  if (!s) return fail;
  for (const [re, value] of table) if (re.test(s)) return ok(value);

  return fail;
};

/**
 * The kind of cooperation from its code or label (PP 28/2018 Art. 4): foreign ones first, since
 * "Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri" also mentions "daerah".
 */
export const parseKind = labelMatcher<Kind>([
  [/^ksdd$|^ksad$/, 'KSDD'],
  [/^ksdpk$|^kspk$/, 'KSDPK'],
  [/^ksdpl$/, 'KSDPL'],
  [/^ksdll$/, 'KSDLL'],
  [/^sinergi\b|\bsinergi\b|\bsynergy\b/, 'SINERGI'],
  [/\bsister (city|province|cities)\b|\bkota kembar\b|\bprovinsi kembar\b/, 'KSDPL'],
  [/\bluar negeri\b.*\b(pemerintah daerah|pemda|kota|provinsi|kabupaten)\b|\b(pemerintah daerah|pemda)\b.*\bluar negeri\b|\bforeign local gov/, 'KSDPL'],
  [/\blembaga\b.*\bluar negeri\b|\bluar negeri\b|\bforeign institution\b|\binternational\b|\binternasional\b/, 'KSDLL'],
  [/\bkementerian\b|\blembaga pusat\b|\bk l\b|\bpemerintah pusat\b|\bministry\b|\bcentral government\b/, 'SINERGI'],
  [/\bpihak ketiga\b|\bswasta\b|\bthird party\b|\bbadan usaha\b/, 'KSDPK'],
  [/\bdaerah lain\b|\bantar ?daerah\b|\bantar pemda\b|\bantarpemerintah daerah\b|\binter ?regional\b|\bother region/, 'KSDD'],
]);

/** The state an imported record is in, from Indonesian or English labels or the code itself. */
export const parseState = labelMatcher<State>([
  [/^(sudah |telah )?(berakhir|habis|selesai|kedaluwarsa|kadaluarsa|expired|ended|tidak berlaku)( masa berlaku(nya)?)?$|^habis masa berlaku$/, 'BERAKHIR'],
  [/^(masih )?(berlaku|aktif|active|in force|berjalan|sedang berjalan)$/, 'BERLAKU'],
  [/^(diakhiri|diputus|pemutusan|dihentikan|terminated|diakhiri sebelum waktunya)$/, 'DIAKHIRI'],
  [/^(batal|dibatalkan|cancell?ed)$/, 'BATAL'],
  [/^(usulan|diusulkan|proposed|proposal)$/, 'USULAN'],
  [/^(penyusunan|drafting) (pks|perjanjian kerja sama|perjanjian)$|^pks dalam penyusunan$/, 'PENYUSUNAN_PKS'],
  [/^(penandatanganan|signing) (pks|perjanjian kerja sama)$|^menunggu (penandatanganan|tanda tangan) pks$/, 'PENANDATANGANAN_PKS'],
  [/^(penyusunan|drafting) (ksb|kesepakatan bersama|mou)$/, 'PENYUSUNAN_KSB'],
  [/^(penyusunan|drafting) (nk|nota kesepakatan)$/, 'PENYUSUNAN_NK'],
  [/^(penandatanganan|signing) (nk|nota kesepakatan)$/, 'PENANDATANGANAN_NK'],
  [/^rencana kerja sama$/, 'RENCANA_KERJA_SAMA'],
]);

/**
 * The states an imported record may start in, with the kinds whose procedure passes through them
 * (cooperations.machine.ts); states that wait on an approval are left out, since the approval
 * request itself would be missing.
 */
export const IMPORTABLE_STATES: Partial<Record<State, readonly Kind[]>> = {
  USULAN: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'],
  PENYUSUNAN_KSB: ['KSDD', 'KSDPK'],
  PENYUSUNAN_NK: ['SINERGI'],
  PENANDATANGANAN_NK: ['SINERGI'],
  RENCANA_KERJA_SAMA: ['KSDPL', 'KSDLL'],
  PENYUSUNAN_PKS: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL'],
  PENANDATANGANAN_PKS: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL'],
  BERLAKU: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'],
  BERAKHIR: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'],
  DIAKHIRI: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'],
  BATAL: ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'],
};
export const DATED_STATES: readonly State[] = ['BERLAKU', 'BERAKHIR', 'DIAKHIRI'];

export const parseObjectCategory = labelMatcher<ObjectCategory>([
  [/^pelayanan( publik)?$|^public service/, 'PELAYANAN_PUBLIK'],
  [/^infrastruktur|^infrastructure/, 'INFRASTRUKTUR'],
  [/^(pemanfaatan )?aset|^bmd$|^barang milik daerah|^asset/, 'ASET'],
  [/^investasi|^penanaman modal|^investment/, 'INVESTASI'],
  [/^lain ?lain|^lainnya|^other/, 'LAINNYA'],
]);

export type FundingSource = 'APBD' | 'APBN' | 'MITRA' | 'HIBAH' | 'LAINNYA';
export const parseFundingSource = labelMatcher<FundingSource>([
  [/^apbd\b/, 'APBD'],
  [/^apbn\b/, 'APBN'],
  [/^(mitra|pihak ketiga|swasta|csr|partner)\b/, 'MITRA'],
  [/^hibah\b|^grant\b/, 'HIBAH'],
  [/^(lain ?lain|lainnya|other)/, 'LAINNYA'],
]);

export const parseKsddCategory = labelMatcher<'WAJIB' | 'SUKARELA'>([
  [/^wajib|^mandatory/, 'WAJIB'],
  [/^sukarela|^voluntary/, 'SUKARELA'],
]);

export type UrusanRef = { code: string; nameId: string; nameEn: string };

/**
 * Urusan pemerintahan from codes ("2.11") or names ("Lingkungan Hidup", "Kesehatan; Pendidikan",
 * "1.02 Kesehatan"). Returns the codes found and the parts that named nothing known.
 */
export const parseUrusan = (cell: CellValue | undefined, list: readonly UrusanRef[]): { codes: string[]; unknown: string[] } => {
  const byName = new Map(list.flatMap((u) => [[fold(u.nameId), u.code] as const, [fold(u.nameEn), u.code] as const]));
  const one = (part: string) => {
    const code = /^(\d\.\d{2}(?:\.\d{2})?)(?:\s|$)/.exec(part)?.[1];
    if (code) return list.find((u) => u.code === code)?.code;
    const f = fold(part);

    return byName.get(f) ?? (f.length >= 5 ? list.find((u) => fold(u.nameId).startsWith(f) || fold(u.nameEn).startsWith(f))?.code : undefined);
  };
  const codes: string[] = [];
  const unknown: string[] = [];
  const add = (code: string) => {
    if (!codes.includes(code)) codes.push(code);
  };
  for (const part of textOf(cell).split(/[;\n/]/).map((p) => p.trim()).filter(Boolean)) {
    // Some names contain commas ("Koperasi, Usaha Kecil, dan Menengah"): try the whole part first.
    const whole = byName.get(fold(part));
    if (whole) {
      add(whole);
      continue;
    }
    for (const sub of part.split(',').map((p) => p.trim()).filter(Boolean)) {
      const code = one(sub);
      if (code) add(code);
      else unknown.push(sub);
    }
  }

  return { codes, unknown };
};

/** Ruang lingkup items: one per line or separated by semicolons; list markers dropped. */
export const parseList = (cell: CellValue | undefined): string[] =>
  (cell === null || cell === undefined ? '' : String(cell))
    .split(/[;\n]/)
    .map((p) => p.replace(/^\s*(?:[-•*]|\d+[.)]|[a-z][.)])\s+/i, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** A partner as written, tidied: one line, single spaces. */
export const parsePartnerName = (cell: CellValue | undefined): string => textOf(cell);

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bpemkab\b/g, 'kabupaten'],
  [/\bpemkot\b/g, 'kota'],
  [/\bpemprov\b/g, 'provinsi'],
  [/\bpemda\b/g, ''],
  [/\bkab\b/g, 'kabupaten'],
  [/\bprov\b/g, 'provinsi'],
  [/\buniv\b/g, 'universitas'],
  [/\bkemen\b/g, 'kementerian'],
  [/\bpersero\b|\btbk\b/g, ''],
];

/**
 * A name reduced to what identifies the organisation: "Pemkab Hulu Sungai Tengah", "Kab. Hulu
 * Sungai Tengah" and "Pemerintah Kabupaten Hulu Sungai Tengah" all become "kabupaten hulu sungai
 * tengah"; "PT. Banua Tirta Lestari, Tbk" becomes "pt banua tirta lestari".
 */
export const normalizeOrgName = (name: string) => {
  let n = fold(name);
  for (const [re, to] of ABBREVIATIONS) n = n.replace(re, to);
  n = n.replace(/\s+/g, ' ').trim();

  return n.replace(/^pemerintah (daerah )?/, '').trim();
};

/** Region code (NN or NN.NN), NIB (13 digits), NPWP (15 or 16 digits) or an organisation id. */
export type PartnerCode = { kind: 'region'; value: string } | { kind: 'nib' | 'npwp'; value: string } | { kind: 'id'; value: string };
export const parsePartnerCode = (cell: CellValue | undefined): Parsed<PartnerCode | null> => {
  const s = textOf(cell);
  if (!s) return ok(null);
  if (/^\d{2}(\.\d{2})?$/.test(s)) return ok({ kind: 'region', value: s });
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return ok({ kind: 'id', value: s.toLowerCase() });
  const digits = s.replace(/[.\- ]/g, '');
  if (/^\d{13}$/.test(digits)) return ok({ kind: 'nib', value: digits });
  if (/^\d{15,16}$/.test(digits)) return ok({ kind: 'npwp', value: digits });

  return fail;
};

/** Which organisation type is the counterparty of each kind (PP 28/2018 Art. 1). */
export const PARTNER_TYPE_OF: Record<Kind, string> = {
  KSDD: 'PEMDA',
  KSDPK: 'PIHAK_KETIGA',
  KSDPL: 'FOREIGN_LOCAL_GOV',
  KSDLL: 'FOREIGN_INSTITUTION',
  SINERGI: 'KL_PUSAT',
};
/** Types a pemda may register itself in the shared partner registry (organizations.policy.ts). */
export const CREATABLE_PARTNER_TYPES = ['PIHAK_KETIGA', 'FOREIGN_LOCAL_GOV', 'FOREIGN_INSTITUTION'] as const;

// ---------------------------------------------------------------------------------------------
// Rows

export type IssueCode = keyof typeof ISSUE_MESSAGES;
export type Issue = { field: ImportField | 'row'; code: IssueCode; params?: Record<string, string | number> };

/** Every per-row message, in both languages; `{…}` are filled from the issue's params. */
export const ISSUE_MESSAGES = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  date_invalid: {
    id: 'Tanggal "{value}" tidak dikenali (contoh: 25/04/2025, 25 April 2025 atau 2025-04-25).',
    en: 'Date "{value}" is not recognised (e.g. 25/04/2025, 25 April 2025 or 2025-04-25).',
  },
  amount_invalid: { id: 'Nilai "{value}" bukan jumlah rupiah yang dikenali (contoh: Rp1.500.000,00).', en: 'Amount "{value}" is not a recognised rupiah amount (e.g. Rp1.500.000,00).' },
  kind_unknown: {
    id: 'Jenis kerja sama "{value}" tidak dikenali: gunakan KSDD, KSDPK, KSDPL, KSDLL atau Sinergi (atau namanya, mis. "Kerja Sama Daerah dengan Daerah Lain").',
    en: 'Cooperation kind "{value}" is not recognised: use KSDD, KSDPK, KSDPL, KSDLL or Sinergi (or its name, e.g. "Kerja Sama Daerah dengan Daerah Lain").',
  },
  state_unknown: { id: 'Status "{value}" tidak dikenali (contoh: Berlaku, Berakhir, Penyusunan PKS).', en: 'Status "{value}" is not recognised (e.g. Berlaku, Berakhir, Penyusunan PKS).' },
  state_not_for_kind: { id: 'Status {state} tidak dapat diimpor untuk kerja sama {kind}.', en: 'Status {state} cannot be imported for a {kind} cooperation.' },
  state_missing: { id: 'Status tidak diisi dan tanggal berakhir tidak ada: isi salah satunya.', en: 'No status and no end date: fill in one of them.' },
  dates_required: { id: 'Kerja sama berstatus {state} wajib memiliki tanggal mulai dan tanggal berakhir.', en: 'A cooperation with status {state} needs a start and an end date.' },
  end_before_start: { id: 'Tanggal berakhir ({end}) sebelum tanggal mulai ({start}).', en: 'The end date ({end}) is before the start date ({start}).' },
  expired: {
    id: 'Tanggal berakhir {end} sudah lewat: dicatat sebagai Berakhir, bukan Berlaku.',
    en: 'The end date {end} has passed: recorded as Berakhir (ended), not Berlaku (in force).',
  },
  state_from_dates: { id: 'Status tidak diisi: ditentukan dari tanggal berakhir ({state}).', en: 'No status given: taken from the end date ({state}).' },
  ksdd_category_default: { id: 'Kategori KSDD tidak diisi: dicatat sebagai Sukarela.', en: 'No KSDD category given: recorded as voluntary (Sukarela).' },
  ksdd_category_unknown: { id: 'Kategori KSDD "{value}" tidak dikenali (Wajib atau Sukarela).', en: 'KSDD category "{value}" is not recognised (Wajib or Sukarela).' },
  category_unknown: {
    id: 'Kategori objek "{value}" tidak dikenali (Pelayanan Publik, Infrastruktur, Aset, Investasi, Lainnya).',
    en: 'Object category "{value}" is not recognised (Pelayanan Publik, Infrastruktur, Aset, Investasi, Lainnya).',
  },
  funding_source_unknown: { id: 'Sumber dana "{value}" tidak dikenali (APBD, APBN, Mitra, Hibah, Lainnya).', en: 'Funding source "{value}" is not recognised (APBD, APBN, Mitra, Hibah, Lainnya).' },
  urusan_unknown: { id: 'Urusan "{value}" tidak dikenali dan tidak dicatat.', en: 'Urusan "{value}" is not recognised and is left out.' },
  opd_unknown: { id: 'OPD "{value}" tidak ditemukan di pemda Anda dan tidak dicatat.', en: 'OPD "{value}" was not found in your pemda and is left out.' },
  too_long: { id: 'Terlalu panjang (paling banyak {max} karakter).', en: 'Too long (at most {max} characters).' },
  number_duplicate_file: { id: 'Nomor {value} juga dipakai baris {other} dalam berkas ini.', en: 'Number {value} is also used by row {other} of this file.' },
  number_registered: { id: 'Nomor {value} sudah tercatat di register ({code}).', en: 'Number {value} is already in the register ({code}).' },
  partner_code_invalid: { id: 'Kode mitra "{value}" bukan kode wilayah, NIB, NPWP atau ID organisasi.', en: 'Partner code "{value}" is not a region code, NIB, NPWP or organisation id.' },
  partner_code_unknown: { id: 'Tidak ada organisasi dengan kode {value}; dicocokkan menurut nama.', en: 'No organisation has code {value}; matched by name instead.' },
  partner_unconfirmed: { id: 'Mitra "{value}" mirip beberapa organisasi: pilih yang benar.', en: 'Partner "{value}" resembles existing organisations: choose the right one.' },
  partner_not_found: {
    id: 'Mitra "{value}" tidak ditemukan: pilih organisasi yang ada atau daftarkan sebagai mitra baru.',
    en: 'Partner "{value}" was not found: choose an existing organisation or register a new partner.',
  },
  partner_cannot_create: {
    id: 'Mitra berjenis {type} tidak dapat didaftarkan dari impor; minta admin platform mendaftarkannya lebih dulu.',
    en: 'A partner of type {type} cannot be registered from an import; ask the platform administrator to register it first.',
  },
  partner_type_mismatch: { id: 'Mitra berjenis {type} tidak sesuai dengan kerja sama {kind} (perlu {expected}).', en: 'A partner of type {type} does not fit a {kind} cooperation (needs {expected}).' },
  partner_country_required: { id: 'Kode negara (ISO, mis. AU) wajib untuk mitra luar negeri baru.', en: 'A country code (ISO, e.g. AU) is required for a new foreign partner.' },
  partner_is_self: { id: 'Mitra tidak boleh pemda Anda sendiri.', en: 'The partner cannot be your own pemda.' },
  not_saved: { id: '{message}', en: '{message}' },
} satisfies Record<string, Message>;

export const issueMessage = (issue: Pick<Issue, 'code' | 'params'>, lang: Lang) => format(ISSUE_MESSAGES[issue.code], lang, issue.params ?? {});

/** Issues that only inform: the row still imports. */
export const WARNING_CODES: ReadonlySet<IssueCode> = new Set([
  'expired',
  'state_from_dates',
  'ksdd_category_default',
  'urusan_unknown',
  'opd_unknown',
  'partner_code_unknown',
]);

export type ParsedRow = {
  rowNumber: number;
  title: string;
  partnerName: string;
  partnerCode: PartnerCode | null;
  kind: Kind | null;
  ksddCategory: 'WAJIB' | 'SUKARELA' | null;
  state: State | null;
  startDate: string | null;
  endDate: string | null;
  ownNumber: string | null;
  partnerNumber: string | null;
  amount: string | null;
  fundingSource: FundingSource;
  objek: string;
  ruangLingkup: string[];
  urusanText: string;
  leadOpdText: string;
  objectCategory: ObjectCategory;
  issues: Issue[];
};

/** The cells of a row by field, under a mapping of column letters to fields. */
export const cellsByField = (row: SheetRow, mapping: Mapping) => {
  const out: Partial<Record<ImportField, CellValue>> = {};
  for (const [key, field] of Object.entries(mapping)) {
    const cell = row.cells[columnIndex(key)] ?? null;
    out[field] = cell;
  }

  return out;
};

/** A data row has something in at least two mapped columns; a signature line or a lone total does not. */
export const isDataRow = (row: SheetRow, mapping: Mapping) =>
  Object.values(cellsByField(row, mapping)).filter((c) => textOf(c) !== '').length >= 2;

const LIMITS: Partial<Record<ImportField, number>> = { title: 300, objek: 4000, ownNumber: 200, partnerNumber: 200, partner: 200 };

/**
 * Reads one row: every value parsed, every problem named with its field. `today` is the Jakarta
 * day: a record still marked "Berlaku" whose end date has passed is imported as ended.
 */
export const parseRow = (row: SheetRow, mapping: Mapping, today: string): ParsedRow => {
  const c = cellsByField(row, mapping);
  const issues: Issue[] = [];
  const text = (field: ImportField) => {
    const v = textOf(c[field]);
    const max = LIMITS[field];
    if (max && v.length > max) issues.push({ field, code: 'too_long', params: { max } });

    return v;
  };
  const raw = (field: ImportField) => textOf(c[field]);

  const title = text('title');
  if (!title) issues.push({ field: 'title', code: 'required' });
  const partnerName = parsePartnerName(c.partner);
  if (partnerName.length > 200) issues.push({ field: 'partner', code: 'too_long', params: { max: 200 } });
  if (!partnerName) issues.push({ field: 'partner', code: 'required' });
  const code = parsePartnerCode(c.partnerCode);
  if (!code.ok) issues.push({ field: 'partnerCode', code: 'partner_code_invalid', params: { value: raw('partnerCode') } });

  const kind = parseKind(c.kind);
  if (!raw('kind')) issues.push({ field: 'kind', code: 'required' });
  else if (!kind.ok) issues.push({ field: 'kind', code: 'kind_unknown', params: { value: raw('kind') } });

  const date = (field: 'startDate' | 'endDate') => {
    if (!raw(field)) return null;
    const d = parseDate(c[field]);
    if (!d.ok) issues.push({ field, code: 'date_invalid', params: { value: raw(field) } });

    return d.ok ? d.value : null;
  };
  const startDate = date('startDate');
  const endDate = date('endDate');
  const reversed = startDate !== null && endDate !== null && endDate < startDate;
  if (reversed) issues.push({ field: 'endDate', code: 'end_before_start', params: { start: startDate, end: endDate } });

  let state: State | null = null;
  if (raw('state')) {
    const s = parseState(c.state);
    if (!s.ok) issues.push({ field: 'state', code: 'state_unknown', params: { value: raw('state') } });
    else state = s.value;
  } else if (endDate) {
    state = endDate < today ? 'BERAKHIR' : 'BERLAKU';
    issues.push({ field: 'state', code: 'state_from_dates', params: { state } });
  } else if (!raw('endDate')) issues.push({ field: 'state', code: 'state_missing' });
  if (state === 'BERLAKU' && endDate && endDate < today && raw('state') && !reversed) {
    state = 'BERAKHIR';
    issues.push({ field: 'state', code: 'expired', params: { end: endDate } });
  }
  if (state && kind.ok && !IMPORTABLE_STATES[state]?.includes(kind.value)) issues.push({ field: 'state', code: 'state_not_for_kind', params: { state, kind: kind.value } });
  if (state && DATED_STATES.includes(state)) {
    if (!raw('startDate')) issues.push({ field: 'startDate', code: 'dates_required', params: { state } });
    if (!raw('endDate')) issues.push({ field: 'endDate', code: 'dates_required', params: { state } });
  }

  let ksddCategory: 'WAJIB' | 'SUKARELA' | null = null;
  if (kind.ok && kind.value === 'KSDD') {
    if (!raw('ksddCategory')) {
      ksddCategory = 'SUKARELA';
      issues.push({ field: 'ksddCategory', code: 'ksdd_category_default' });
    } else {
      const k = parseKsddCategory(c.ksddCategory);
      if (!k.ok) issues.push({ field: 'ksddCategory', code: 'ksdd_category_unknown', params: { value: raw('ksddCategory') } });
      else ksddCategory = k.value;
    }
  }

  const amount = parseRupiah(c.amount);
  if (!amount.ok) issues.push({ field: 'amount', code: 'amount_invalid', params: { value: raw('amount') } });
  let fundingSource: FundingSource = 'APBD';
  if (raw('fundingSource')) {
    const f = parseFundingSource(c.fundingSource);
    if (!f.ok) issues.push({ field: 'fundingSource', code: 'funding_source_unknown', params: { value: raw('fundingSource') } });
    else fundingSource = f.value;
  }
  let objectCategory: ObjectCategory = 'LAINNYA';
  if (raw('objectCategory')) {
    const o = parseObjectCategory(c.objectCategory);
    if (!o.ok) issues.push({ field: 'objectCategory', code: 'category_unknown', params: { value: raw('objectCategory') } });
    else objectCategory = o.value;
  }
  const ruangLingkup = parseList(c.ruangLingkup).slice(0, 50);
  if (ruangLingkup.some((r) => r.length > 1000)) issues.push({ field: 'ruangLingkup', code: 'too_long', params: { max: 1000 } });

  return {
    rowNumber: row.rowNumber,
    title,
    partnerName,
    partnerCode: code.ok ? code.value : null,
    kind: kind.ok ? kind.value : null,
    ksddCategory,
    state,
    startDate,
    endDate,
    ownNumber: text('ownNumber') || null,
    partnerNumber: text('partnerNumber') || null,
    amount: amount.ok ? amount.value : null,
    fundingSource,
    objek: text('objek'),
    ruangLingkup,
    urusanText: raw('urusan'),
    leadOpdText: raw('leadOpd'),
    objectCategory,
    issues,
  };
};

/** Register numbers used twice in one file: the later rows are refused. */
export const duplicateNumbers = (rows: readonly Pick<ParsedRow, 'rowNumber' | 'ownNumber'>[]) => {
  const first = new Map<string, number>();
  const dupes = new Map<number, { value: string; other: number }>();
  for (const r of rows) {
    if (!r.ownNumber) continue;
    const key = fold(r.ownNumber);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.rowNumber);
    else dupes.set(r.rowNumber, { value: r.ownNumber, other: seen });
  }

  return dupes;
};

/** An OPD of the importing pemda from its name or short name as the register writes it. */
export const matchUnit = <T extends { id: string; name: string; shortName: string | null }>(text: string, units: readonly T[]): T | undefined => {
  const t = normalizeOrgName(text);
  if (!t) return undefined;
  const exact = units.filter((u) => normalizeOrgName(u.name) === t || (u.shortName && normalizeOrgName(u.shortName) === t));
  if (exact.length === 1) return exact[0];
  // "Dinas Kesehatan" for "Dinas Kesehatan Kabupaten Hulu Sungai Selatan": the only unit starting so.
  const prefix = units.filter((u) => normalizeOrgName(u.name).startsWith(`${t} `) || (u.shortName !== null && normalizeOrgName(u.shortName).startsWith(`${t} `)));

  return prefix.length === 1 ? prefix[0] : undefined;
};

/** Similarity at or above which a partner candidate is offered (pg_trgm's own default threshold). */
export const PROBABLE_MIN_SCORE = 0.3;

export type Candidate = { id: string; name: string; shortName: string | null; type: string; score: number };
export type MatchStatus = 'exact' | 'probable' | 'none';

/**
 * Decides how sure a partner match is. Exact: the code matched, or exactly one candidate of the
 * right type has the same normalised name or short name. Probable: candidates resemble it and a
 * person must choose. None: nothing resembles it.
 */
export const decideMatch = (name: string, expectedType: string | null, candidates: readonly Candidate[]): { status: MatchStatus; candidates: Candidate[]; exactId: string | null } => {
  const n = normalizeOrgName(name);
  const typed = expectedType ? candidates.filter((c) => c.type === expectedType) : [...candidates];
  const exact = typed.filter((c) => normalizeOrgName(c.name) === n || (c.shortName !== null && normalizeOrgName(c.shortName) === n));
  const ranked = typed
    .map((c) => (exact.includes(c) ? { ...c, score: 1 } : c))
    .filter((c) => c.score >= PROBABLE_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, 5);
  if (exact.length === 1) return { status: 'exact', candidates: ranked, exactId: exact[0]!.id };

  return { status: ranked.length > 0 ? 'probable' : 'none', candidates: ranked, exactId: null };
};
