/**
 * Writes the sample registers in server/modules/cooperations/fixtures: the cooperation register
 * a kabupaten Bagian Kerja Sama keeps in Excel (XLSX and its CSV export), and a short register
 * with exactly two bad rows plus its corrected version for the import journey (e2e/import.spec.ts).
 *
 *   npx tsx scripts/make-import-fixtures.ts
 *
 * Pemda and the ministry are real bodies named as in the demo data; every partner and person is
 * invented and says so "(fiktif)", and every number is made up. The sheet is as messy as real
 * ones: a merged title over the header, dates typed in several ways or stored as date cells,
 * amounts as numbers or as typed text, a note column, and a signature block under the table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'server', 'modules', 'cooperations', 'fixtures');
// A fixed moment so the workbook metadata does not change from one run to the next.
const MADE_AT = new Date('2026-01-05T01:00:00Z');

type Cell = string | number | Date | null;
type Row = {
  title: string;
  partner: string;
  kind: string;
  ownNumber: Cell;
  partnerNumber: Cell;
  start: Cell;
  end: Cell;
  amount: Cell;
  opd: Cell;
  urusan: Cell;
  status: string;
  note?: string;
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const HEADERS = ['No', 'Judul Kerja Sama', 'Mitra', 'Jenis', 'Nomor (Pihak Kesatu)', 'Nomor (Pihak Kedua)', 'Tanggal Mulai', 'Tanggal Berakhir', 'Nilai (Rp)', 'OPD Pelaksana', 'Bidang', 'Status', 'Keterangan'];

/** The register of Kabupaten Hulu Sungai Selatan as its Bagian Kerja Sama might keep it. */
export const SAMPLE_ROWS: Row[] = [
  {
    title: 'Pengelolaan Tempat Pemrosesan Akhir Sampah Regional',
    partner: 'Pemerintah Kabupaten Hulu Sungai Tengah',
    kind: 'Kerja Sama Daerah dengan Daerah Lain',
    ownNumber: '180/012/KS-HSS/2024',
    partnerNumber: '180/021/Pem-HST/2024',
    start: day('2024-01-02'),
    end: day('2028-12-31'),
    amount: 2750000000,
    opd: 'Dinas Lingkungan Hidup',
    urusan: 'Lingkungan Hidup',
    status: 'Berlaku',
  },
  {
    title: 'Penanganan Pasien Rujukan antar Rumah Sakit Umum Daerah',
    partner: 'Kab. Tapin',
    kind: 'KSDD',
    ownNumber: '180/031/KS-HSS/2023',
    partnerNumber: '180/017/Hk-Tapin/2023',
    start: '15/03/2023',
    end: '31/12/2025',
    amount: 'Rp 480.000.000',
    opd: 'Dinas Kesehatan',
    urusan: 'Kesehatan',
    status: 'Berlaku',
    note: 'Perpanjangan sedang dibahas',
  },
  {
    title: 'Pembangunan Jalan Penghubung Kecamatan Perbatasan Daha–Tapin',
    partner: 'Pemkab Tapin',
    kind: 'antar daerah',
    ownNumber: null,
    partnerNumber: null,
    start: null,
    end: null,
    amount: null,
    opd: 'Dinas PUPR',
    urusan: '1.03',
    status: 'Penyusunan PKS',
    note: 'KSB ditandatangani 2025',
  },
  {
    title: 'Peningkatan Jalan Provinsi Ruas Kandangan–Loksado',
    partner: 'Pemprov Kalsel',
    kind: 'KSDD',
    ownNumber: '180/007/KS-HSS/2025',
    partnerNumber: '120/055/Biro-Pem/2025',
    start: '2025-02-10',
    end: '2027-12-31',
    amount: 'Rp5.200.000.000,00',
    opd: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    urusan: 'Pekerjaan Umum dan Penataan Ruang',
    status: 'Berlaku',
  },
  {
    title: 'Penyediaan Air Bersih Kawasan Perkotaan Kandangan',
    partner: 'PT Banua Tirta Lestari (fiktif)',
    kind: 'Kerja Sama Daerah dengan Pihak Ketiga',
    ownNumber: '180/044/KS-HSS/2022',
    partnerNumber: 'BTL/PKS/022/VII/2022',
    start: '1 Juli 2022',
    end: '30 Juni 2027',
    amount: 'Rp1.500.000.000,00',
    opd: 'Dinas PUPR',
    urusan: '1.03',
    status: 'Berlaku',
  },
  {
    title: 'Kuliah Kerja Nyata Tematik dan Pendampingan Desa',
    partner: 'Universitas Banua Raya (fiktif)',
    kind: 'KSDPK',
    ownNumber: '180/052/KS-HSS/2024',
    partnerNumber: '1123/UBR/KS/2024',
    start: day('2024-08-01'),
    end: day('2027-07-31'),
    amount: '-',
    opd: 'Bappeda',
    urusan: 'Pemberdayaan Masyarakat dan Desa',
    status: 'Berlaku',
  },
  {
    title: 'Pengelolaan Rekening Kas Umum Daerah dan Layanan Pembayaran Non-Tunai',
    partner: 'PT Bank Pembangunan Daerah Banua Sejahtera (fiktif)',
    kind: 'Pihak Ketiga',
    ownNumber: '900/003/BPKAD/2025',
    partnerNumber: 'BBS/KS/2025/0091',
    start: '10-01-2025',
    end: '09-01-2028',
    amount: 'Tanpa biaya',
    opd: 'BPKAD',
    urusan: null,
    status: 'Berlaku',
  },
  {
    title: 'Rehabilitasi Daerah Aliran Sungai Amandit',
    partner: 'Yayasan Sungai Amandit Lestari (fiktif)',
    kind: 'KSDPK',
    ownNumber: '180/009/KS-HSS/2021',
    partnerNumber: 'YSAL/009/III/2021',
    start: day('2021-03-01'),
    end: day('2024-02-29'),
    amount: 350000000,
    opd: 'Dinas Lingkungan Hidup',
    urusan: '2.11',
    status: 'Berakhir',
  },
  {
    title: 'Pelatihan Vokasi Tenaga Kerja Lokal',
    partner: 'Politeknik Negeri Kandangan (fiktif)',
    kind: 'KSDPK',
    ownNumber: '180/061/KS-HSS/2023',
    partnerNumber: '77/PNK/HK/2023',
    start: '1 September 2023',
    end: '31 Agustus 2026',
    amount: 'Rp 210.000.000,-',
    opd: 'Dinas Tenaga Kerja',
    urusan: 'Pendidikan; Tenaga Kerja',
    status: 'Berakhir',
  },
  {
    title: 'Penyediaan Jaringan Internet Desa',
    partner: 'PT Telekomunikasi Banua Digital (fiktif)',
    kind: 'KSDPK',
    ownNumber: null,
    partnerNumber: null,
    start: null,
    end: null,
    amount: '1.250.000.000',
    opd: 'Dinas Komunikasi dan Informatika',
    urusan: 'Komunikasi dan Informatika',
    status: 'Penandatanganan PKS',
  },
  {
    title: 'Sister City: Pertukaran Budaya, Pendidikan dan Pariwisata',
    partner: 'Riverbend City Council (fiktif)',
    kind: 'Kerja Sama Daerah dengan Pemerintah Daerah di Luar Negeri',
    ownNumber: '180/070/KS-HSS/2023',
    partnerNumber: 'RCC-IA-2023-14',
    start: '20 Nov 2023',
    end: '19 Nov 2028',
    amount: null,
    opd: 'Dinas Pariwisata',
    urusan: 'Pariwisata',
    status: 'Berlaku',
  },
  {
    title: 'Bantuan Teknis Pengelolaan Rawa dan Pengendalian Banjir',
    partner: 'Delta Water Cooperation Foundation (fiktif)',
    kind: 'Kerja Sama Daerah dengan Lembaga di Luar Negeri',
    ownNumber: '180/033/KS-HSS/2022',
    partnerNumber: 'DWCF/ID/2022/07',
    start: day('2022-05-01'),
    end: day('2025-04-30'),
    amount: 'Rp 2,5 miliar',
    opd: 'Dinas PUPR',
    urusan: 'Pekerjaan Umum dan Penataan Ruang',
    status: 'Berakhir',
  },
  {
    title: 'Sinergi Penanganan Banjir Sungai Negara',
    partner: 'Kementerian Pekerjaan Umum',
    kind: 'Sinergi',
    ownNumber: '180/004/KS-HSS/2025',
    partnerNumber: 'HK.02.03-Kpu/112',
    start: '03/02/2025',
    end: '31/12/2027',
    amount: 'Rp12.500.000.000,00',
    opd: 'Dinas PUPR',
    urusan: '1.03',
    status: 'Berlaku',
  },
  {
    title: 'Pemanfaatan Bersama Laboratorium Kesehatan Daerah',
    partner: 'Pemerintah Kabupaten Hulu Sungai Tengah',
    kind: 'KSDD',
    ownNumber: '180/027/KS-HSS/2023',
    partnerNumber: '180/040/Pem-HST/2023',
    start: '25 Agustus 2023',
    end: '24 Agustus 2026',
    amount: 96000000,
    opd: 'Dinas Kesehatan',
    urusan: 'Kesehatan',
    status: 'Berakhir',
  },
  {
    title: 'Pengelolaan Destinasi Wisata Bambu Rafting Loksado',
    partner: 'CV Loksado Wisata Alam (fiktif)',
    kind: 'KSDPK',
    ownNumber: '180/015/KS-HSS/2024',
    partnerNumber: '03/CV-LWA/IV/2024',
    start: day('2024-04-01'),
    end: day('2029-03-31'),
    amount: 'Rp125.000.000,00',
    opd: 'Dinas Pariwisata',
    urusan: 'Pariwisata',
    status: 'Berlaku',
  },
  {
    title: 'Penanaman Pohon dan Edukasi Lingkungan di Sekolah',
    partner: 'Yayasan Amandit Lestari (fiktif)',
    kind: 'KSDPK',
    ownNumber: '180/019/KS-HSS/2025',
    partnerNumber: null,
    start: '2025-06-05',
    end: '2026-06-04',
    amount: 'Rp 45.000.000',
    opd: null,
    urusan: 'Lingkungan Hidup',
    status: 'Berakhir',
    note: 'Nama yayasan ditulis singkat di naskah',
  },
  {
    title: 'Pengendalian Kebakaran Hutan dan Lahan Terpadu',
    partner: 'Kab. Hulu Sungai Tengah',
    kind: 'KSDD',
    ownNumber: '180/018/KS-HSS/2020',
    partnerNumber: '180/026/Pem-HST/2020',
    start: '01/06/2020',
    end: '31/05/2023',
    amount: null,
    opd: null,
    urusan: 'Kehutanan',
    status: 'Berakhir',
  },
  {
    title: 'Pengembangan Pertanian Padi Organik Lahan Rawa',
    partner: 'PT Agro Hulu Sungai Sejahtera (fiktif)',
    kind: 'KSDPK',
    ownNumber: null,
    partnerNumber: null,
    start: null,
    end: null,
    amount: null,
    opd: null,
    urusan: 'Pertanian',
    status: 'Usulan',
  },
  {
    title: 'Penyediaan Rumah Layak Huni bagi Masyarakat Berpenghasilan Rendah',
    partner: 'Kementerian Pekerjaan Umum',
    kind: 'Sinergi',
    ownNumber: null,
    partnerNumber: null,
    start: null,
    end: null,
    amount: null,
    opd: 'Dinas PUPR',
    urusan: 'Perumahan Rakyat dan Kawasan Permukiman',
    status: 'Penyusunan NK',
  },
  {
    title: 'Hilirisasi Komoditas Kayu Manis Loksado',
    partner: 'Koperasi Produsen Kayu Manis Loksado (fiktif)',
    kind: 'Kerja Sama Daerah dengan Pihak Ketiga',
    ownNumber: '180/006/KS-HSS/2025',
    partnerNumber: '12/KPKML/II/2025',
    start: '12/02/2025',
    end: '11/02/2028',
    amount: 'Rp75.000.000,00',
    opd: 'Dinas Koperasi dan UKM',
    urusan: 'Koperasi, Usaha Kecil, dan Menengah',
    status: 'Berlaku',
  },
];

/** The short register of the import journey: rows 7 and 8 of the sheet are wrong. */
export const JOURNEY_ROWS = (fixed: boolean): Row[] => [
  {
    title: 'Pengelolaan Persampahan Regional Banua Anam',
    partner: 'Pemerintah Kabupaten Hulu Sungai Tengah',
    kind: 'Kerja Sama Daerah dengan Daerah Lain',
    ownNumber: '180/101/KS-HSS/2025',
    partnerNumber: '180/088/Pem-HST/2025',
    start: '01/02/2025',
    end: '31/01/2029',
    amount: 'Rp 1.200.000.000',
    opd: 'Dinas PUPR',
    urusan: 'Lingkungan Hidup',
    status: 'Berlaku',
  },
  {
    title: 'Penyediaan Air Minum Curah Banua Anam',
    partner: 'PT Banua Tirta Lestari (fiktif)',
    kind: 'KSDPK',
    ownNumber: '180/102/KS-HSS/2025',
    partnerNumber: 'BTL/PKS/031/III/2025',
    start: '1 Maret 2025',
    end: '28 Februari 2028',
    amount: 'Rp2.400.000.000,00',
    opd: 'Dinas PUPR',
    urusan: '1.03',
    status: 'Berlaku',
  },
  {
    title: 'Pendampingan UMKM Banua Anam',
    partner: 'Universitas Banua Raya (fiktif)',
    // An unknown kind: the register's own word, not one of PP 28/2018.
    kind: fixed ? 'Kerja Sama Daerah dengan Pihak Ketiga' : 'Kemitraan Strategis',
    ownNumber: '180/103/KS-HSS/2025',
    partnerNumber: '1190/UBR/KS/2025',
    start: '2025-04-14',
    end: '2027-04-13',
    amount: '-',
    opd: 'Bappeda',
    urusan: 'Koperasi, Usaha Kecil, dan Menengah',
    status: 'Berlaku',
  },
  {
    title: 'Pelatihan Aparatur Desa Banua Anam',
    partner: 'Yayasan Sungai Amandit Lestari (fiktif)',
    kind: 'KSDPK',
    ownNumber: '180/104/KS-HSS/2025',
    partnerNumber: 'YSAL/014/VII/2025',
    start: '01/07/2025',
    // The end date typed a year too early: before the start.
    end: fixed ? '30/06/2027' : '30/06/2024',
    amount: 'Rp 150.000.000',
    opd: 'Bappeda',
    urusan: 'Pemberdayaan Masyarakat dan Desa',
    status: 'Berlaku',
  },
];

const TITLE = 'REGISTER KERJA SAMA DAERAH PEMERINTAH KABUPATEN HULU SUNGAI SELATAN';
const SUBTITLE = 'Bagian Kerja Sama Sekretariat Daerah — keadaan per 31 Desember 2025';

const cellsOf = (r: Row, i: number): Cell[] => [i + 1, r.title, r.partner, r.kind, r.ownNumber, r.partnerNumber, r.start, r.end, r.amount, r.opd, r.urusan, r.status, r.note ?? null];

const writeXlsx = async (file: string, rows: Row[]) => {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bagian Kerja Sama Setda HSS (fiktif)';
  book.created = MADE_AT;
  book.modified = MADE_AT;
  const sheet = book.addWorksheet('Register 2025');
  sheet.addRow([TITLE]);
  sheet.addRow([SUBTITLE]);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.mergeCells(2, 1, 2, HEADERS.length);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.getCell('A2').alignment = { horizontal: 'center' };
  sheet.addRow([]);
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  rows.forEach((r, i) => {
    const row = sheet.addRow(cellsOf(r, i));
    for (const col of [7, 8]) if (row.getCell(col).value instanceof Date) row.getCell(col).numFmt = 'dd/mm/yyyy';
    if (typeof r.amount === 'number') row.getCell(9).numFmt = '"Rp"#,##0.00';
  });
  sheet.addRow([]);
  sheet.addRow([null, null, null, null, null, null, null, null, null, null, 'Kandangan, 5 Januari 2026']);
  sheet.addRow([null, null, null, null, null, null, null, null, null, null, 'Kepala Bagian Kerja Sama,']);
  sheet.addRow([]);
  sheet.addRow([null, null, null, null, null, null, null, null, null, null, 'Hj. Rahmawati, S.Sos. (fiktif)']);
  sheet.columns.forEach((c, i) => {
    c.width = [5, 48, 36, 30, 22, 22, 14, 14, 20, 30, 28, 18, 28][i] ?? 14;
  });
  await book.xlsx.writeFile(file);
};

const csvCell = (v: Cell) => {
  if (v === null) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

  return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** As Excel with Indonesian regional settings saves "CSV (semicolon delimited)", in UTF-8 with a BOM. */
const writeCsv = (file: string, rows: Row[]) => {
  const lines = [[TITLE], [SUBTITLE], [], HEADERS, ...rows.map(cellsOf), [], [null, null, null, null, null, null, null, null, null, null, 'Kandangan, 5 Januari 2026']];
  const text = lines.map((l) => l.map(csvCell).join(';')).join('\r\n');
  fs.writeFileSync(file, `\uFEFF${text}\r\n`, 'utf8');
};

fs.mkdirSync(OUT, { recursive: true });
await writeXlsx(path.join(OUT, 'register-kerja-sama-contoh.xlsx'), SAMPLE_ROWS);
writeCsv(path.join(OUT, 'register-kerja-sama-contoh.csv'), SAMPLE_ROWS);
await writeXlsx(path.join(OUT, 'register-kerja-sama-dua-baris-salah.xlsx'), JOURNEY_ROWS(false));
await writeXlsx(path.join(OUT, 'register-kerja-sama-dua-baris-diperbaiki.xlsx'), JOURNEY_ROWS(true));
console.log(`fixtures written to ${path.relative(root, OUT)}`);
