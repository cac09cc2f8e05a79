import { longDateId, periodLabelId, realisationPercent, rupiah, type ReportFigures } from './figures.models.js';

/**
 * The report's content as titled tables, in Indonesian (the language of an official report). The
 * XLSX and the PDF are both rendered from this one list, so the two files always say the same.
 */
export type Cell = string | number;
export type ReportTable = { key: string; title: string; headers: string[]; rows: Cell[][] };

/** Worksheet names (Excel allows 31 characters). */
export const SHEET_NAMES: Record<string, string> = { summary: 'Ringkasan', byKind: 'Jenis', byUrusan: 'Urusan', byState: 'Tahap', expiring: 'Akan berakhir', dormant: 'Dormant', regions: 'Kabupaten-Kota' };

const STATUS_ID = { DRAFT: 'Draf', SUBMITTED: 'Diajukan', RETURNED: 'Dikembalikan', ACCEPTED: 'Diterima' } as const;

export const reportTitle = (f: ReportFigures) =>
  `Laporan ${periodLabelId(f.year, f.period)} Kerja Sama Daerah ${f.organization.name}`;

export const recipientLine = (f: ReportFigures) =>
  f.level === 'PEMDA' ? 'Kepada: Gubernur selaku Wakil Pemerintah Pusat' : 'Kepada: Menteri Dalam Negeri';

export const reportTables = (f: ReportFigures): ReportTable[] => {
  const pct = realisationPercent(f.money);
  const tables: ReportTable[] = [
    {
      key: 'summary',
      title: 'Ringkasan',
      headers: ['Uraian', 'Nilai'],
      rows: [
        ['Periode', `${longDateId(f.periodStart)} – ${longDateId(f.periodEnd)}`],
        ['Data per tanggal', longDateId(f.asOf)],
        ['Jumlah kerja sama', f.totals.cooperations],
        ['Kerja sama berlaku', f.totals.inForce],
        ['Kerja sama baru (ditandatangani dalam periode)', f.totals.signed],
        ['Kerja sama berakhir/diakhiri dalam periode', f.totals.ended],
        ['Kerja sama akan berakhir (6 bulan setelah periode)', f.totals.expiring],
        ['Kerja sama tidak aktif (dormant)', f.totals.dormant],
        ['Anggaran kegiatan', rupiah(f.money.budget)],
        ['Realisasi kegiatan', rupiah(f.money.realisation)],
        ['Persentase realisasi', pct === null ? '–' : `${String(pct).replace('.', ',')}%`],
        ['Indikator tercapai', `${f.indicators.achieved} dari ${f.indicators.total}`],
      ],
    },
    { key: 'byKind', title: 'Kerja sama menurut jenis', headers: ['Jenis', 'Jumlah'], rows: f.byKind.map((k) => [k.key, k.count]) },
    { key: 'byUrusan', title: 'Kerja sama menurut urusan pemerintahan', headers: ['Kode', 'Urusan', 'Jumlah'], rows: f.byUrusan.map((u) => [u.code, u.name, u.count]) },
    { key: 'byState', title: 'Kerja sama menurut tahap', headers: ['Tahap', 'Jumlah'], rows: f.byState.map((s) => [s.key, s.count]) },
    { key: 'expiring', title: 'Kerja sama yang akan berakhir', headers: ['Kode', 'Judul', 'Tanggal berakhir'], rows: f.expiring.map((e) => [e.code, e.title, longDateId(e.endDate)]) },
    { key: 'dormant', title: 'Kerja sama tidak aktif (dormant)', headers: ['Kode', 'Judul', 'Bulan tanpa pemantauan'], rows: f.dormant.map((d) => [d.code, d.title, d.monthsQuiet]) },
  ];
  if (f.level === 'PROVINCE')
    tables.push({
      key: 'regions',
      title: 'Rekapitulasi per kabupaten/kota',
      headers: ['Kode', 'Pemerintah daerah', 'Kerja sama', 'Berlaku', 'Baru', 'Berakhir', 'Akan berakhir', 'Dormant', 'Anggaran', 'Realisasi', 'Status laporan'],
      rows: f.regions.map((r) => [
        r.regionCode,
        r.name,
        r.cooperations,
        r.inForce,
        r.signed,
        r.ended,
        r.expiring,
        r.dormant,
        rupiah(r.budget),
        rupiah(r.realisation),
        r.reportStatus ? STATUS_ID[r.reportStatus] : 'Belum melapor',
      ]),
    });

  return tables;
};
