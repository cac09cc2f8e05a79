import type { PublicCooperation } from '../../../contracts/portal.js';

/**
 * The open-data datasets (issue 6 item 4): each column once, with its Satu Data definition in
 * Indonesian and English. The same definition writes the CSV and JSON rows and the metadata's
 * variables, so a column cannot be published without being described. Rows come from release
 * snapshots only; a dataset of a part the secretariat keeps internal simply has no rows for it.
 */
export type Cell = string | number | boolean | null;
export type Text = { id: string; en: string };
export type Column = { name: string; type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time'; definition: Text };
export type Dataset = { name: DatasetName; title: Text; description: Text; columns: readonly Column[]; rows: (c: PublicCooperation, releasedAt: string) => Cell[][] };

export const DATASET_NAMES = ['cooperations', 'parties', 'documents', 'indicators', 'updates'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

const col = (name: string, type: Column['type'], id: string, en: string): Column => ({ name, type, definition: { id, en } });
const list = (values: readonly string[]) => values.join('; ');

const ocid = col('ocid', 'string', 'Pengenal terbuka kerja sama (gaya OCDS): awalan penerbit dan id kerja sama', 'Open cooperation identifier (OCDS style): publisher prefix and cooperation id');
const cooperationId = col('cooperation_id', 'string', 'Id kerja sama (UUID), tetap di semua rilis', 'Cooperation id (UUID), stable across releases');
const code = col('cooperation_code', 'string', 'Nomor registrasi kerja sama di Jejaring', 'Cooperation register code in Jejaring');

const cooperations: Dataset = {
  name: 'cooperations',
  title: { id: 'Kerja sama daerah yang dipublikasikan', en: 'Published regional cooperations' },
  description: { id: 'Satu baris per kerja sama daerah yang dipublikasikan sekretariat kerja sama pemda.', en: 'One row per regional cooperation published by a pemda’s cooperation secretariat.' },
  columns: [
    ocid,
    cooperationId,
    code,
    col('title', 'string', 'Judul kerja sama', 'Title of the cooperation'),
    col('kind', 'string', 'Jenis: KSDD (antardaerah), KSDPK (dengan pihak ketiga), KSDPL (dengan pemerintah daerah luar negeri), KSDLL (dengan lembaga luar negeri), SINERGI', 'Kind: KSDD (between regions), KSDPK (with third parties), KSDPL (with foreign local governments), KSDLL (with foreign institutions), SINERGI'),
    col('ksdd_category', 'string', 'Kategori KSDD: WAJIB atau SUKARELA (PP 28/2018)', 'KSDD category: WAJIB (mandatory) or SUKARELA (voluntary) (PP 28/2018)'),
    col('state', 'string', 'Tahap kerja sama (mis. KSB_BERLAKU, BERLAKU, DIADENDUM, BERAKHIR)', 'Stage of the cooperation (e.g. KSB_BERLAKU, BERLAKU, DIADENDUM, BERAKHIR)'),
    col('object_category', 'string', 'Kategori objek: PELAYANAN_PUBLIK, INFRASTRUKTUR, ASET, INVESTASI, LAINNYA', 'Object category: PELAYANAN_PUBLIK, INFRASTRUKTUR, ASET, INVESTASI, LAINNYA'),
    col('objek', 'string', 'Objek kerja sama', 'Object of the cooperation'),
    col('urusan_codes', 'string', 'Kode urusan pemerintahan (dipisah titik koma)', 'Government affairs (urusan) codes, separated by semicolons'),
    col('urusan_names', 'string', 'Nama urusan pemerintahan (dipisah titik koma)', 'Government affairs (urusan) names, separated by semicolons'),
    col('region_codes', 'string', 'Kode wilayah Kemendagri para pihak pemda dan lokasi (dipisah titik koma)', 'Kemendagri region codes of the pemda parties and locations, separated by semicolons'),
    col('party_names', 'string', 'Nama lembaga para pihak (dipisah titik koma)', 'Names of the party institutions, separated by semicolons'),
    col('start_date', 'date', 'Tanggal mulai berlaku', 'Start date'),
    col('end_date', 'date', 'Tanggal berakhir', 'End date'),
    col('signed_at', 'date', 'Tanggal penandatanganan', 'Date signed'),
    col('inactive', 'boolean', '“Tidak aktif”: berlaku tetapi tidak dipantau selama jangka yang ditetapkan', '“Tidak aktif”: in force but not monitored for the set period'),
    col('progress', 'number', 'Kemajuan pelaksanaan 0–100 (kosong bila tidak dipublikasikan)', 'Implementation progress 0–100 (empty when not published)'),
    col('released_at', 'date-time', 'Waktu rilis terbaru', 'Time of the newest release'),
  ],
  rows: (c, releasedAt) => [
    [
      c.ocid,
      c.id,
      c.code,
      c.title,
      c.kind,
      c.ksddCategory,
      c.state,
      c.objectCategory,
      c.objek,
      list(c.urusan.map((u) => u.code)),
      list(c.urusan.map((u) => u.name)),
      list([...new Set([...c.parties.map((p) => p.regionCode).filter((x): x is string => x !== null), ...(c.locations ?? []).map((l) => l.code)])]),
      list(c.parties.map((p) => p.name)),
      c.startDate,
      c.endDate,
      c.signedAt,
      c.inactive,
      c.progress ?? null,
      releasedAt,
    ],
  ],
};

const parties: Dataset = {
  name: 'parties',
  title: { id: 'Para pihak kerja sama daerah', en: 'Parties of regional cooperations' },
  description: { id: 'Satu baris per lembaga pihak pada kerja sama yang dipublikasikan (tanpa nama orang).', en: 'One row per party institution of a published cooperation (no person’s name).' },
  columns: [
    ocid,
    cooperationId,
    code,
    col('party_name', 'string', 'Nama lembaga pihak', 'Name of the party institution'),
    col('party_type', 'string', 'Jenis lembaga: PEMDA, PIHAK_KETIGA, KL_PUSAT, FOREIGN_LOCAL_GOV, FOREIGN_INSTITUTION, …', 'Institution type: PEMDA, PIHAK_KETIGA, KL_PUSAT, FOREIGN_LOCAL_GOV, FOREIGN_INSTITUTION, …'),
    col('region_code', 'string', 'Kode wilayah Kemendagri pihak pemda', 'Kemendagri region code of a pemda party'),
    col('region_name', 'string', 'Nama wilayah pihak pemda', 'Region name of a pemda party'),
    col('is_initiator', 'boolean', 'Pihak pemrakarsa', 'Initiating party'),
    col('lead_opd', 'string', 'Perangkat daerah (OPD) pengampu', 'Lead regional agency (OPD)'),
  ],
  rows: (c) => c.parties.map((p) => [c.ocid, c.id, c.code, p.name, p.type, p.regionCode, p.regionName, p.isInitiator, p.leadOpd]),
};

const documents: Dataset = {
  name: 'documents',
  title: { id: 'Metadata dokumen kerja sama', en: 'Cooperation document metadata' },
  description: { id: 'Satu baris per versi dokumen yang dipublikasikan, dengan tautan unduhan.', en: 'One row per published document version, with its download link.' },
  columns: [
    ocid,
    cooperationId,
    code,
    col('document_id', 'string', 'Id versi dokumen', 'Document version id'),
    col('document_type', 'string', 'Jenis dokumen: KSB, PKS, NK, ADENDUM, …', 'Document type: KSB, PKS, NK, ADENDUM, …'),
    col('title', 'string', 'Judul dokumen', 'Document title'),
    col('version', 'integer', 'Nomor versi dokumen', 'Document version number'),
    col('signed_at', 'date', 'Tanggal penandatanganan dokumen', 'Date the document was signed'),
    col('media_type', 'string', 'Jenis berkas (media type)', 'File media type'),
    col('size_bytes', 'integer', 'Ukuran berkas dalam bita', 'File size in bytes'),
    col('download_path', 'string', 'Alamat unduhan (relatif terhadap alamat portal)', 'Download path (relative to the portal address)'),
  ],
  rows: (c) => c.documents.map((d) => [c.ocid, c.id, c.code, d.id, d.type, d.title, d.version, d.signedAt, d.mediaType, d.size, d.downloadPath]),
};

const indicators: Dataset = {
  name: 'indicators',
  title: { id: 'Indikator kinerja kerja sama', en: 'Cooperation performance indicators' },
  description: { id: 'Satu baris per indikator dengan capaian periode terakhir.', en: 'One row per indicator with its latest period’s achievement.' },
  columns: [
    ocid,
    cooperationId,
    code,
    col('indicator', 'string', 'Nama indikator', 'Indicator name'),
    col('unit', 'string', 'Satuan', 'Unit'),
    col('baseline', 'number', 'Nilai dasar', 'Baseline'),
    col('target', 'number', 'Target akhir', 'Final target'),
    col('latest_period', 'string', 'Periode terakhir yang tercatat (mis. 2026-Q1)', 'Latest recorded period (e.g. 2026-Q1)'),
    col('latest_actual', 'number', 'Realisasi periode terakhir', 'Actual value of the latest period'),
    col('latest_target', 'number', 'Target periode terakhir', 'Target of the latest period'),
    col('achievement', 'number', 'Capaian periode terakhir dalam persen (0–100)', 'Achievement of the latest period in percent (0–100)'),
  ],
  rows: (c) =>
    (c.indicators ?? []).map((i) => [c.ocid, c.id, c.code, i.name, i.unit, i.baseline, i.target, i.latest?.period ?? null, i.latest?.actual ?? null, i.latest?.target ?? null, i.latest?.achievement ?? null]),
};

const updates: Dataset = {
  name: 'updates',
  title: { id: 'Laporan kemajuan kerja sama', en: 'Cooperation progress updates' },
  description: { id: 'Satu baris per laporan kemajuan yang telah disetujui sekretariat (tanpa nama pelapor).', en: 'One row per progress update approved by the secretariat (without the reporter’s name).' },
  columns: [
    ocid,
    cooperationId,
    code,
    col('date', 'date', 'Tanggal keadaan laporan', 'Date the update reports on'),
    col('title', 'string', 'Judul ringkas', 'Short title'),
    col('summary', 'string', 'Uraian kemajuan', 'Description of progress'),
    col('progress', 'number', 'Rata-rata kemajuan kegiatan yang dilaporkan (0–100)', 'Mean progress of the activities reported (0–100)'),
  ],
  rows: (c) => (c.updates ?? []).map((u) => [c.ocid, c.id, c.code, u.date, u.title, u.summary, u.progress]),
};

export const DATASETS: Record<DatasetName, Dataset> = { cooperations, parties, documents, indicators, updates };

/** A dataset's rows as JSON objects keyed by column name. */
export const asObjects = (d: Dataset, rows: Cell[][]) => rows.map((r) => Object.fromEntries(d.columns.map((c, i) => [c.name, r[i] ?? null])));
