import type { Clock } from '../platform/clock.js';
import {
  attachDocument,
  createCooperationInTx,
  generateDraft,
  performAction,
  type ActionBody,
  type CooperationCreateInput,
  type StructuredBody,
  type TemplateType,
} from '../modules/cooperations/index.js';
import { demoActor, type DemoSeedDeps } from './demo.actors.js';

/**
 * The demo register: cooperations of every kind in the states a pemda secretariat meets, created
 * and moved through the procedure by the demo users with the real use cases (documents drafted
 * from the national templates, signed copies recorded, DPRD decisions entered). Every date is
 * relative to the seed's clock, so "in force", "expiring soon" and "waiting for the DPRD" stay
 * true whenever the demo is seeded. All names, numbers and amounts are fictional.
 */

const DAY = 86_400_000;

type Step =
  | { day: number; by: string; action: Parameters<typeof performAction>[0]['action']; body?: ActionBody }
  | { day: number; by: string; draft: TemplateType; place?: string }
  /** A signed copy of the latest draft of the type, as scanned back from the signing. */
  | { day: number; by: string; signed: TemplateType; place: string; number: string }
  | { day: number; by: string; attach: 'KAK' | 'SURAT_JAWABAN'; title: string; body: StructuredBody };

type DemoCooperation = {
  /** Days from the seed's today when it was registered (negative: in the past). */
  day: number;
  by: string;
  input: (o: (key: string) => string, d: (offset: number) => string) => CooperationCreateInput;
  /** Recorded as it stood in a register kept before Jejaring (state and register numbers given). */
  imported?: { state: 'BERLAKU' | 'BERAKHIR'; registerNumbers: (o: (key: string) => string) => Record<string, string> };
  steps: Step[];
};

const SIGNATORIES = {
  hss: { signatoryName: 'H. Ahmad Fauzan (fiktif)', signatoryPosition: 'Bupati Hulu Sungai Selatan' },
  hst: { signatoryName: 'H. Muhammad Yamin (fiktif)', signatoryPosition: 'Bupati Hulu Sungai Tengah' },
  tapin: { signatoryName: 'H. Arifin Noor (fiktif)', signatoryPosition: 'Bupati Tapin' },
  jayawijaya: { signatoryName: 'Yohanes Wenda (fiktif)', signatoryPosition: 'Bupati Jayawijaya' },
  papeg: { signatoryName: 'Markus Tabuni (fiktif)', signatoryPosition: 'Gubernur Papua Pegunungan' },
};

/** The terms of reference (kerangka acuan kerja) a proposing OPD writes, from the cooperation's own facts. */
const kak = (c: { title: string; background: string; goals: string; scope: string[]; output: string; schedule: string; funding: string; office: string; head: string; position: string }): StructuredBody => ({
  titleLines: ['KERANGKA ACUAN KERJA', c.title.toLocaleUpperCase('id-ID')],
  sections: [
    { clause: null, heading: 'A. Latar Belakang', text: c.background },
    { clause: 'MAKSUD_TUJUAN', heading: 'B. Maksud dan Tujuan', text: c.goals },
    { clause: 'OBJEK_RUANG_LINGKUP', heading: 'C. Ruang Lingkup', text: c.scope.map((s, i) => `${i + 1}. ${s}`).join('\n') },
    { clause: null, heading: 'D. Keluaran yang Diharapkan', text: c.output },
    { clause: 'JANGKA_WAKTU', heading: 'E. Jadwal Pelaksanaan', text: c.schedule },
    { clause: 'PEMBIAYAAN', heading: 'F. Pembiayaan', text: c.funding },
  ],
  signingNote: 'Kandangan',
  signatories: [{ orgId: null, label: '', organization: c.office, name: c.head, position: c.position }],
  template: null,
});

const PUPR_HSS = 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Hulu Sungai Selatan';
const KADIS_PUPR = 'Ir. Zainal Arifin (fiktif)';
const SETDA_HSS = 'Bagian Kerja Sama Sekretariat Daerah Kabupaten Hulu Sungai Selatan';

/** The usual first steps of a proposal from a pemda: terms of reference, review by the TKKSD, the offer letter. */
const offerSteps = (from: number, proposer: string, terms: StructuredBody, acceptor: string): Step[] => [
  { day: from, by: proposer, attach: 'KAK', title: 'Kerangka Acuan Kerja', body: terms },
  { day: from + 2, by: 'sekretariat.hss', action: 'submit' },
  { day: from + 12, by: 'tkksd.ketua.hss', action: 'recommend' },
  { day: from + 14, by: 'sekretariat.hss', draft: 'SURAT_PENAWARAN', place: 'Kandangan' },
  { day: from + 15, by: 'sekretariat.hss', action: 'send_offer' },
  { day: from + 30, by: acceptor, action: 'accept' },
];

/** Kesepakatan Bersama drafted, discussed (berita acara), finalised and signed. */
const ksbSteps = (from: number, place: string, number: string): Step[] => [
  { day: from, by: 'tkksd.sekretaris.hss', draft: 'KSB', place },
  { day: from + 1, by: 'tkksd.sekretaris.hss', draft: 'BERITA_ACARA', place },
  { day: from + 8, by: 'tkksd.sekretaris.hss', action: 'finalize_ksb' },
  { day: from + 20, by: 'sekretariat.hss', signed: 'KSB', place, number },
  { day: from + 20, by: 'sekretariat.hss', action: 'sign_ksb' },
];

/** The cooperation agreement drafted, finalised, signed and recorded in force with its term. */
const pksSteps = (from: number, place: string, number: string, term: { start: string; end: string; signedOn: string }, type: TemplateType = 'PKS'): Step[] => [
  { day: from, by: 'tkksd.sekretaris.hss', draft: type, place },
  { day: from + 10, by: 'tkksd.sekretaris.hss', action: type === 'NK' ? 'finalize_nk' : 'finalize_pks' },
  { day: from + 20, by: 'sekretariat.hss', signed: type, place, number },
  { day: from + 20, by: 'bupati.hss', action: 'sign', body: { startDate: term.start, endDate: term.end, signedAt: term.signedOn } },
];

/** The signed agreement of a cooperation carried over from the old register, regenerated from the template and recorded as signed. */
const archivedCopy = (day: number, drafter: string, recorder: string, place: string, number: string): Step[] => [
  { day, by: drafter, draft: 'PKS', place },
  { day, by: recorder, signed: 'PKS', place, number },
];

const WASTE_KAK = kak({
  title: 'Pengelolaan Sampah Regional Banua Anam',
  background:
    'Tempat pemrosesan akhir sampah di Kabupaten Hulu Sungai Selatan, Hulu Sungai Tengah dan Tapin mendekati batas kapasitasnya. Timbulan sampah ketiga kabupaten mencapai sekitar 310 ton per hari dan terus meningkat, sementara pengelolaan sendiri-sendiri tidak efisien.',
  goals: 'Menyediakan tempat pemrosesan akhir sampah regional yang dikelola bersama, dengan pembagian biaya yang adil sesuai volume sampah yang dikirim masing-masing kabupaten.',
  scope: ['penyiapan lahan dan pembangunan TPA regional', 'pengangkutan sampah dari depo masing-masing kabupaten', 'pembagian biaya operasional dan pemeliharaan'],
  output: 'Satu TPA regional dengan sistem lahan urug saniter yang melayani tiga kabupaten.',
  schedule: 'Penyusunan kesepakatan pada tahun berjalan, pembangunan dua tahun anggaran berikutnya.',
  funding: 'APBD masing-masing kabupaten sesuai proporsi volume sampah, serta dukungan APBN bila tersedia.',
  office: PUPR_HSS,
  head: KADIS_PUPR,
  position: 'Kepala Dinas',
});

const WATER_KAK = kak({
  title: 'Penyediaan Air Minum Curah Kandangan dan Sekitarnya',
  background:
    'Cakupan layanan air minum perpipaan di Kecamatan Kandangan, Angkinang dan Simpur baru 58 persen. PT Banua Tirta Lestari (fiktif) menawarkan pembangunan instalasi pengolahan air berkapasitas 100 liter per detik dengan skema penjualan air curah kepada Perumda Air Minum.',
  goals: 'Meningkatkan cakupan layanan air minum menjadi 80 persen dalam lima tahun tanpa membebani APBD untuk investasi instalasi.',
  scope: ['pembangunan instalasi pengolahan air oleh mitra', 'penjualan air curah kepada Perumda Air Minum', 'penyediaan lahan milik daerah dengan kerja sama pemanfaatan'],
  output: 'Instalasi pengolahan air 100 liter per detik dan 6.000 sambungan rumah baru.',
  schedule: 'Pembangunan 18 bulan sejak penandatanganan perjanjian, operasi selama sisa jangka waktu kerja sama.',
  funding: 'Investasi sepenuhnya oleh mitra; pemerintah daerah menyediakan lahan dan jaringan distribusi dari APBD yang telah dianggarkan.',
  office: 'PT Banua Tirta Lestari (fiktif)',
  head: 'Sarah Wijaya (fiktif)',
  position: 'Direktur Utama',
});

const ROAD_KAK = kak({
  title: 'Peningkatan Jalan Poros Kandangan – Barabai',
  background: 'Ruas jalan poros Kandangan – Barabai sepanjang 24 kilometer melintasi perbatasan Hulu Sungai Selatan dan Hulu Sungai Tengah; sebagian rusak berat sehingga waktu tempuh angkutan hasil pertanian dua kali lipat.',
  goals: 'Meningkatkan kemantapan jalan poros lintas kabupaten dengan pembagian ruas dan pemeliharaan yang jelas.',
  scope: ['peningkatan struktur jalan di ruas perbatasan', 'pemeliharaan rutin dan berkala bersama', 'pengawasan muatan angkutan barang'],
  output: '24 kilometer jalan poros dalam kondisi mantap.',
  schedule: 'Tiga tahun anggaran.',
  funding: 'APBD masing-masing kabupaten untuk ruas di wilayahnya.',
  office: PUPR_HSS,
  head: KADIS_PUPR,
  position: 'Kepala Dinas',
});

const generic = (k: string) =>
  kak({
    title: k,
    background: `Pemerintah Kabupaten Hulu Sungai Selatan memandang ${k.toLocaleLowerCase('id-ID')} lebih efektif dan efisien bila dilaksanakan bersama mitra yang memiliki keahlian dan sumber daya di bidangnya.`,
    goals: `Melaksanakan ${k.toLocaleLowerCase('id-ID')} untuk meningkatkan pelayanan publik dan kesejahteraan masyarakat.`,
    scope: ['penyusunan rencana kerja bersama', 'pelaksanaan kegiatan sesuai pembagian peran', 'monitoring dan evaluasi tahunan'],
    output: 'Laporan pelaksanaan tahunan dan indikator kinerja yang disepakati.',
    schedule: 'Sesuai rencana kerja yang disepakati para pihak.',
    funding: 'APBD Kabupaten Hulu Sungai Selatan yang telah dianggarkan dan sumber lain yang sah dan tidak mengikat.',
    office: SETDA_HSS,
    head: 'Muhammad Rizani (fiktif)',
    position: 'Kepala Bagian Kerja Sama',
  });

const REPLY_BODY: StructuredBody = {
  titleLines: ['PEMERINTAH KABUPATEN HULU SUNGAI SELATAN', 'SURAT JAWABAN ATAS PENAWARAN KERJA SAMA'],
  sections: [
    {
      clause: null,
      heading: '',
      text: 'Menindaklanjuti surat penawaran PT Banua Tirta Lestari (fiktif) tentang penyediaan air minum curah, Pemerintah Kabupaten Hulu Sungai Selatan menyampaikan bahwa berdasarkan kajian Tim Koordinasi Kerja Sama Daerah, penawaran tersebut pada prinsipnya dapat diterima untuk ditindaklanjuti dengan penyusunan Kesepakatan Bersama.',
    },
    { clause: null, heading: '', text: 'Pembahasan teknis dilaksanakan bersama Dinas Pekerjaan Umum dan Penataan Ruang serta Perumda Air Minum Kabupaten Hulu Sungai Selatan.' },
  ],
  signingNote: 'Kandangan',
  signatories: [{ orgId: null, label: '', organization: 'Pemerintah Kabupaten Hulu Sungai Selatan', name: 'H. Ahmad Fauzan (fiktif)', position: 'Bupati Hulu Sungai Selatan' }],
  template: null,
};

const rupiah = (millions: number) => `${millions}000000.00`;

const COOPERATIONS = (today: string, d: (offset: number) => string): DemoCooperation[] => {
  const year = Number(today.slice(0, 4));
  const yearOf = (offset: number) => Number(d(offset).slice(0, 4));

  return [
    // KSDD in force, taken through every step of the domestic procedure.
    {
      day: -430,
      by: 'ppksd.pupr.hss',
      input: (o) => ({
        kind: 'KSDD',
        ksddCategory: 'SUKARELA',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Pengelolaan Sampah Regional Banua Anam',
        objek: 'Tempat pemrosesan akhir sampah regional di perbatasan Kabupaten Hulu Sungai Selatan dan Hulu Sungai Tengah',
        ruangLingkup: ['Penyiapan lahan dan pembangunan TPA regional', 'Pengangkutan sampah dari depo masing-masing kabupaten', 'Pembagian biaya operasional dan pemeliharaan'],
        objectCategory: 'PELAYANAN_PUBLIK',
        urusanCodes: ['2.11', '1.03'],
        issueIds: [],
        locationCodes: ['63.06', '63.07'],
        burdensCommunity: false,
        planReference: 'RPJMD Kabupaten Hulu Sungai Selatan 2025–2029, Misi 4',
        startDate: d(-290),
        endDate: d(-290 + 3 * 365),
        funding: [
          { source: 'APBD', partyOrgId: o('hss'), year: yearOf(-290), amount: rupiah(1850), budgeted: true },
          { source: 'APBD', partyOrgId: o('hst'), year: yearOf(-290), amount: rupiah(1400), budgeted: true },
        ],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.pupr'), otherOpdIds: [o('hss.bappeda')], ...SIGNATORIES.hss },
          { orgId: o('hst'), leadOpdId: o('hst.pupr'), ...SIGNATORIES.hst },
        ],
      }),
      steps: [
        ...offerSteps(-428, 'ppksd.pupr.hss', WASTE_KAK, 'sekretariat.hst'),
        ...ksbSteps(-395, 'Kandangan', `100.3.7/021/KSD-HSS/${yearOf(-375)}`),
        { day: -370, by: 'tkksd.ketua.hss', action: 'start_pks' },
        ...pksSteps(-330, 'Barabai', `100.3.7/034/KSD-HSS/${yearOf(-310)}`, { start: d(-290), end: d(-290 + 3 * 365), signedOn: d(-310) }),
      ],
    },
    // KSDD with Tapin that burdens the community: the Hulu Sungai Selatan DPRD agreed, Tapin's has not decided yet.
    {
      day: -150,
      by: 'sekretariat.hss',
      input: (o) => ({
        kind: 'KSDD',
        ksddCategory: 'SUKARELA',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Penanggulangan Banjir Daerah Aliran Sungai Amandit – Tapin',
        objek: 'Normalisasi alur sungai, tanggul dan kolam retensi di hilir Sungai Amandit yang melintasi Kabupaten Hulu Sungai Selatan dan Tapin',
        ruangLingkup: ['Pemetaan kawasan rawan banjir', 'Normalisasi sungai dan pembangunan kolam retensi', 'Sistem peringatan dini banjir bersama'],
        objectCategory: 'INFRASTRUKTUR',
        urusanCodes: ['1.03', '1.05'],
        issueIds: [],
        locationCodes: ['63.06', '63.05'],
        burdensCommunity: true,
        startDate: d(60),
        endDate: d(60 + 5 * 365),
        funding: [
          { source: 'APBD', partyOrgId: o('hss'), year: year + 1, amount: rupiah(4200), budgeted: false },
          { source: 'APBD', partyOrgId: o('tapin'), year: year + 1, amount: rupiah(3100), budgeted: false },
        ],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.pupr'), ...SIGNATORIES.hss },
          { orgId: o('tapin'), leadOpdId: o('tapin.pupr'), ...SIGNATORIES.tapin },
        ],
      }),
      steps: [
        ...offerSteps(-148, 'sekretariat.hss', generic('Penanggulangan Banjir Daerah Aliran Sungai Amandit'), 'sekretariat.tapin'),
        ...ksbSteps(-110, 'Rantau', `100.3.7/048/KSD-HSS/${yearOf(-90)}`),
        { day: -30, by: 'sekretariat.hss', draft: 'SURAT_PERMOHONAN_DPRD', place: 'Kandangan' },
        { day: -28, by: 'sekretariat.hss', action: 'request_dprd' },
        { day: -6, by: 'dprd.hss', action: 'record_dprd_decision', body: { decision: 'APPROVED', decidedAt: d(-6), reason: 'Rapat Paripurna DPRD menyetujui rencana kerja sama (fiktif).' } },
      ],
    },
    // KSDD of all three neighbours at the offer stage: sent, waiting for the answers.
    {
      day: -40,
      by: 'sekretariat.hss',
      input: (o) => ({
        kind: 'KSDD',
        ksddCategory: 'SUKARELA',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Promosi Bersama Destinasi Wisata Loksado – Pagat – Tapin',
        objek: 'Paket wisata alam dan budaya lintas tiga kabupaten di kawasan Pegunungan Meratus',
        ruangLingkup: ['Promosi destinasi bersama', 'Pengembangan desa wisata', 'Pelatihan pemandu wisata'],
        objectCategory: 'LAINNYA',
        urusanCodes: ['3.26'],
        issueIds: [],
        locationCodes: ['63.06', '63.07', '63.05'],
        burdensCommunity: false,
        funding: [{ source: 'APBD', partyOrgId: o('hss'), year, amount: rupiah(350), budgeted: true }],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.bappeda'), ...SIGNATORIES.hss },
          { orgId: o('hst'), ...SIGNATORIES.hst },
          { orgId: o('tapin'), ...SIGNATORIES.tapin },
        ],
      }),
      steps: offerSteps(-38, 'sekretariat.hss', generic('Promosi Bersama Destinasi Wisata Loksado – Pagat – Tapin'), 'sekretariat.hss').slice(0, 5),
    },
    // KSDD from the register kept before Jejaring, already expired.
    {
      day: -1600,
      by: 'sekretariat.hss',
      imported: {
        state: 'BERAKHIR',
        registerNumbers: (o) => ({ [o('hss')]: `12/KSD/63.06/${yearOf(-1600)}`, [o('tapin')]: `415.4/09/KS-TPN/${yearOf(-1600)}` }),
      },
      input: (o) => ({
        kind: 'KSDD',
        ksddCategory: 'SUKARELA',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Pelayanan Kesehatan Rujukan RSUD Brigjend H. Hasan Basry bagi Penduduk Tapin',
        objek: 'Layanan rujukan rumah sakit umum daerah bagi penduduk kecamatan perbatasan Kabupaten Tapin',
        ruangLingkup: ['Rujukan pasien antarwilayah', 'Pembiayaan pelayanan bagi penduduk wilayah mitra'],
        objectCategory: 'PELAYANAN_PUBLIK',
        urusanCodes: ['1.02'],
        issueIds: [],
        locationCodes: ['63.06', '63.05'],
        burdensCommunity: false,
        startDate: d(-120 - 4 * 365),
        endDate: d(-120),
        funding: [{ source: 'APBD', partyOrgId: o('tapin'), year: yearOf(-120 - 4 * 365), amount: rupiah(750), budgeted: true }],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.dinkes'), ...SIGNATORIES.hss },
          { orgId: o('tapin'), leadOpdId: o('tapin.dinkes'), ...SIGNATORIES.tapin },
        ],
      }),
      steps: archivedCopy(-1600, 'tkksd.sekretaris.hss', 'sekretariat.hss', 'Kandangan', `180/012/HK-HSS/${yearOf(-1600)}`),
    },
    // KSDD in force whose term ends within 60 days: the expiry reminders fire for it.
    {
      day: -1120,
      by: 'sekretariat.hss',
      imported: {
        state: 'BERLAKU',
        registerNumbers: (o) => ({ [o('hss')]: `31/KSD/63.06/${yearOf(-1120)}`, [o('hst')]: `119/23/KS-HST/${yearOf(-1120)}` }),
      },
      input: (o) => ({
        kind: 'KSDD',
        ksddCategory: 'WAJIB',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Pelayanan Administrasi Kependudukan di Perbatasan Hulu Sungai Selatan – Hulu Sungai Tengah',
        objek: 'Layanan dokumen kependudukan keliling bagi desa-desa di perbatasan kedua kabupaten',
        ruangLingkup: ['Pelayanan keliling terjadwal', 'Pertukaran data kependudukan secara elektronik'],
        objectCategory: 'PELAYANAN_PUBLIK',
        urusanCodes: ['2.12'],
        issueIds: [],
        locationCodes: ['63.06', '63.07'],
        burdensCommunity: false,
        startDate: d(45 - 3 * 365 + 1),
        endDate: d(45),
        funding: [
          { source: 'APBD', partyOrgId: o('hss'), year: yearOf(45 - 3 * 365), amount: rupiah(240), budgeted: true },
          { source: 'APBD', partyOrgId: o('hst'), year: yearOf(45 - 3 * 365), amount: rupiah(210), budgeted: true },
        ],
        parties: [
          { orgId: o('hss'), ...SIGNATORIES.hss },
          { orgId: o('hst'), ...SIGNATORIES.hst },
        ],
      }),
      steps: archivedCopy(-1120, 'tkksd.sekretaris.hss', 'sekretariat.hss', 'Kandangan', `180/031/HK-HSS/${yearOf(-1120)}`),
    },
    // KSDPK offered by the demo partner, taken through to signature.
    {
      day: -265,
      by: 'mitra.banuatirta',
      input: (o) => ({
        kind: 'KSDPK',
        regime: 'KSD_GENERIC',
        initiator: 'MITRA',
        title: 'Penyediaan Air Minum Curah Kandangan dan Sekitarnya',
        objek: 'Instalasi pengolahan air berkapasitas 100 liter per detik dan penjualan air curah kepada Perumda Air Minum',
        ruangLingkup: ['Pembangunan instalasi pengolahan air oleh mitra', 'Penjualan air curah kepada Perumda Air Minum', 'Pemanfaatan lahan milik daerah'],
        objectCategory: 'INFRASTRUKTUR',
        urusanCodes: ['1.03', '1.04'],
        issueIds: [],
        locationCodes: ['63.06'],
        burdensCommunity: false,
        startDate: d(-175),
        endDate: d(-175 + 10 * 365),
        funding: [
          { source: 'MITRA', partyOrgId: o('partner.pt'), year: yearOf(-175), amount: rupiah(38500), budgeted: true },
          { source: 'APBD', partyOrgId: o('hss'), year: yearOf(-175), amount: rupiah(1200), budgeted: true },
        ],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.pupr'), otherOpdIds: [o('hss.bpkad')], ...SIGNATORIES.hss },
          { orgId: o('partner.pt'), signatoryName: 'Sarah Wijaya (fiktif)', signatoryPosition: 'Direktur Utama' },
        ],
      }),
      steps: [
        { day: -264, by: 'mitra.banuatirta', draft: 'SURAT_PENAWARAN', place: 'Banjarmasin' },
        { day: -264, by: 'mitra.banuatirta', attach: 'KAK', title: 'Kerangka Acuan Kerja Penyediaan Air Minum Curah', body: WATER_KAK },
        { day: -258, by: 'sekretariat.hss', action: 'register_offer' },
        { day: -245, by: 'tkksd.ketua.hss', action: 'recommend' },
        { day: -243, by: 'sekretariat.hss', attach: 'SURAT_JAWABAN', title: 'Surat Jawaban atas Penawaran Kerja Sama', body: REPLY_BODY },
        { day: -242, by: 'sekretariat.hss', action: 'send_offer' },
        { day: -236, by: 'sekretariat.hss', action: 'accept' },
        ...ksbSteps(-230, 'Kandangan', `100.3.7/029/KSD-HSS/${yearOf(-210)}`),
        { day: -205, by: 'tkksd.ketua.hss', action: 'start_pks' },
        ...pksSteps(-200, 'Kandangan', `100.3.7/037/KSD-HSS/${yearOf(-180)}`, { start: d(-175), end: d(-175 + 10 * 365), signedOn: d(-180) }),
      ],
    },
    // KSDPK with another partner, its Kesepakatan Bersama being drafted.
    {
      day: -60,
      by: 'sekretariat.hss',
      input: (o) => ({
        kind: 'KSDPK',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Pendampingan Penyusunan Rencana Induk Kawasan Agropolitan Loksado',
        objek: 'Kajian dan pendampingan penyusunan rencana induk kawasan agropolitan oleh perguruan tinggi',
        ruangLingkup: ['Kajian potensi komoditas unggulan', 'Penyusunan rencana induk', 'Pelatihan aparatur desa'],
        objectCategory: 'LAINNYA',
        urusanCodes: ['3.27', '2.13'],
        issueIds: [],
        locationCodes: ['63.06'],
        burdensCommunity: false,
        funding: [{ source: 'APBD', partyOrgId: o('hss'), year, amount: rupiah(425), budgeted: true }],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.bappeda'), ...SIGNATORIES.hss },
          { orgId: o('partner.university'), signatoryName: 'Prof. Dr. Rahmat Hidayat (fiktif)', signatoryPosition: 'Rektor' },
        ],
      }),
      steps: [
        ...offerSteps(-58, 'sekretariat.hss', generic('Pendampingan Penyusunan Rencana Induk Kawasan Agropolitan Loksado'), 'sekretariat.hss'),
        { day: -20, by: 'tkksd.sekretaris.hss', draft: 'KSB', place: 'Kandangan' },
      ],
    },
    // KSDPL: a sister-city plan approved by the DPRD, now waiting for Mendagri and Kemlu.
    {
      day: -200,
      by: 'sekretariat.hss',
      input: (o) => ({
        kind: 'KSDPL',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Kota Kembar Kandangan – Riverbend: Pengelolaan Sungai Perkotaan',
        objek: 'Pertukaran pengetahuan pengelolaan sungai perkotaan dan pelatihan aparatur',
        ruangLingkup: ['Pertukaran tenaga ahli pengelolaan sungai', 'Pelatihan aparatur daerah', 'Promosi budaya dan pariwisata'],
        objectCategory: 'LAINNYA',
        urusanCodes: ['2.11', '3.26'],
        issueIds: [],
        locationCodes: ['63.06'],
        burdensCommunity: false,
        startDate: d(120),
        endDate: d(120 + 5 * 365 - 1),
        funding: [
          { source: 'APBD', partyOrgId: o('hss'), year: year + 1, amount: rupiah(300), budgeted: false },
          { source: 'HIBAH', partyOrgId: o('partner.foreign_city'), year: year + 1, amount: rupiah(900), budgeted: false },
        ],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.bappeda'), ...SIGNATORIES.hss },
          { orgId: o('partner.foreign_city'), signatoryName: 'Margaret Hale (fiktif)', signatoryPosition: 'Mayor of Riverbend' },
        ],
      }),
      steps: [
        ...offerSteps(-198, 'sekretariat.hss', generic('Kota Kembar Kandangan – Riverbend'), 'sekretariat.hss'),
        { day: -160, by: 'sekretariat.hss', draft: 'LOI', place: 'Kandangan' },
        { day: -150, by: 'sekretariat.hss', signed: 'LOI', place: 'Kandangan', number: `000.5.2/011/KSLN-HSS/${yearOf(-150)}` },
        { day: -150, by: 'sekretariat.hss', action: 'sign_loi' },
        { day: -120, by: 'sekretariat.hss', draft: 'SURAT_PERMOHONAN_DPRD', place: 'Kandangan' },
        { day: -118, by: 'bupati.hss', action: 'request_dprd' },
        { day: -80, by: 'dprd.hss', action: 'record_dprd_decision', body: { decision: 'APPROVED', decidedAt: d(-80) } },
      ],
    },
    // KSDLL with a foreign institution: offer accepted, the letter of intent in draft.
    {
      day: -90,
      by: 'sekretariat.hss',
      input: (o) => ({
        kind: 'KSDLL',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Sistem Peringatan Dini Banjir Berbasis Masyarakat Sungai Amandit',
        objek: 'Pemasangan pos duga air dan pelatihan relawan desa untuk peringatan dini banjir',
        ruangLingkup: ['Pemasangan pos duga air otomatis', 'Pelatihan relawan desa', 'Penyusunan prosedur tetap peringatan dini'],
        objectCategory: 'PELAYANAN_PUBLIK',
        urusanCodes: ['1.05'],
        issueIds: [],
        locationCodes: ['63.06'],
        burdensCommunity: false,
        funding: [{ source: 'HIBAH', partyOrgId: o('partner.foreign_institution'), year: year + 1, amount: rupiah(1600), budgeted: false }],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.pupr'), ...SIGNATORIES.hss },
          { orgId: o('partner.foreign_institution'), signatoryName: 'Pieter de Vries (fiktif)', signatoryPosition: 'Executive Director' },
        ],
      }),
      steps: [...offerSteps(-88, 'sekretariat.hss', generic('Sistem Peringatan Dini Banjir Sungai Amandit'), 'sekretariat.hss'), { day: -45, by: 'sekretariat.hss', draft: 'LOI', place: 'Kandangan' }],
    },
    // Sinergi with a ministry, signed and in force.
    {
      day: -240,
      by: 'sekretariat.hss',
      input: (o) => ({
        kind: 'SINERGI',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Sinergi Rehabilitasi Daerah Irigasi Amandit',
        objek: 'Rehabilitasi jaringan irigasi primer dan sekunder Daerah Irigasi Amandit',
        ruangLingkup: ['Rehabilitasi saluran primer oleh Kementerian', 'Rehabilitasi saluran tersier oleh pemerintah daerah', 'Pembinaan perkumpulan petani pemakai air'],
        objectCategory: 'INFRASTRUKTUR',
        urusanCodes: ['1.03', '3.27'],
        issueIds: [],
        locationCodes: ['63.06'],
        burdensCommunity: false,
        startDate: d(-150),
        endDate: d(-150 + 4 * 365),
        funding: [
          { source: 'APBN', partyOrgId: o('kl.pu'), year: yearOf(-150), amount: rupiah(27500), budgeted: true },
          { source: 'APBD', partyOrgId: o('hss'), year: yearOf(-150), amount: rupiah(2300), budgeted: true },
        ],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.pupr'), ...SIGNATORIES.hss },
          { orgId: o('kl.pu'), signatoryName: 'Ir. Bambang Sutrisno (fiktif)', signatoryPosition: 'Direktur Jenderal Sumber Daya Air' },
        ],
      }),
      steps: [
        ...offerSteps(-238, 'sekretariat.hss', generic('Sinergi Rehabilitasi Daerah Irigasi Amandit'), 'sekretariat.hss'),
        { day: -200, by: 'tkksd.sekretaris.hss', draft: 'RENCANA_KERJA', place: 'Kandangan' },
        ...pksSteps(-190, 'Jakarta', `100.3.7/041/KSD-HSS/${yearOf(-170)}`, { start: d(-150), end: d(-150 + 4 * 365), signedOn: d(-170) }, 'NK'),
      ],
    },
    // A fresh proposal of Dinas PUPR, terms of reference attached, not yet submitted.
    {
      day: -3,
      by: 'staf.pupr.hss',
      input: (o) => ({
        kind: 'KSDD',
        ksddCategory: 'SUKARELA',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Peningkatan Jalan Poros Kandangan – Barabai',
        objek: 'Ruas jalan poros Kandangan – Barabai sepanjang 24 kilometer di perbatasan kedua kabupaten',
        ruangLingkup: ['Peningkatan struktur jalan di ruas perbatasan', 'Pemeliharaan rutin dan berkala bersama', 'Pengawasan muatan angkutan barang'],
        objectCategory: 'INFRASTRUKTUR',
        urusanCodes: ['1.03', '2.15'],
        issueIds: [],
        locationCodes: ['63.06', '63.07'],
        burdensCommunity: false,
        funding: [{ source: 'APBD', partyOrgId: o('hss'), year: year + 1, amount: rupiah(6800), budgeted: false }],
        parties: [
          { orgId: o('hss'), leadOpdId: o('hss.pupr'), ...SIGNATORIES.hss },
          { orgId: o('hst'), leadOpdId: o('hst.pupr'), ...SIGNATORIES.hst },
        ],
      }),
      steps: [{ day: -2, by: 'staf.pupr.hss', attach: 'KAK', title: 'Kerangka Acuan Kerja (rancangan)', body: ROAD_KAK }],
    },
    // Another tenant's register: Jayawijaya and its province, in force.
    {
      day: -700,
      by: 'sekretariat.jayawijaya',
      imported: {
        state: 'BERLAKU',
        registerNumbers: (o) => ({ [o('jayawijaya')]: `07/KSD/95.01/${yearOf(-700)}`, [o('papeg')]: `100.3.7/04/PPG/${yearOf(-700)}` }),
      },
      input: (o) => ({
        kind: 'KSDD',
        ksddCategory: 'WAJIB',
        regime: 'KSD_GENERIC',
        initiator: 'DAERAH',
        title: 'Pelayanan Kesehatan Rujukan RSUD Wamena bagi Kabupaten di Papua Pegunungan',
        objek: 'Layanan rujukan dan dokter spesialis di RSUD Wamena',
        ruangLingkup: ['Rujukan pasien antarwilayah', 'Penempatan dokter spesialis', 'Ambulans udara untuk rujukan darurat'],
        objectCategory: 'PELAYANAN_PUBLIK',
        urusanCodes: ['1.02'],
        issueIds: [],
        locationCodes: ['95.01'],
        burdensCommunity: false,
        startDate: d(-640),
        endDate: d(-640 + 5 * 365 - 1),
        funding: [
          { source: 'APBD', partyOrgId: o('papeg'), year: yearOf(-640), amount: rupiah(5200), budgeted: true },
          { source: 'APBD', partyOrgId: o('jayawijaya'), year: yearOf(-640), amount: rupiah(1900), budgeted: true },
        ],
        parties: [
          { orgId: o('jayawijaya'), leadOpdId: o('jayawijaya.dinkes'), ...SIGNATORIES.jayawijaya },
          { orgId: o('papeg'), ...SIGNATORIES.papeg },
        ],
      }),
      steps: archivedCopy(-700, 'sekretariat.jayawijaya', 'sekretariat.jayawijaya', 'Wamena', `100.3.7/07/KSD-JWY/${yearOf(-700)}`),
    },
  ];
};

/**
 * Creates the demo register in the seed's transaction and returns how many cooperations it made.
 * Each step runs at its own moment in the past, so the timeline reads like months of real work.
 */
export const seedDemoCooperations = async ({ tx, clock, orgs, users }: DemoSeedDeps): Promise<number> => {
  const base = clock.now().getTime();
  const day = (offset: number) => new Date(base + offset * DAY + 7 * 3600_000).toISOString().slice(0, 10);
  const o = (key: string) => {
    const org = orgs.get(key);
    if (!org) throw new Error(`demo cooperation names an unknown organisation ${key}`);

    return org.id;
  };
  const as = (key: string) => {
    const user = users.get(key);
    if (!user) throw new Error(`demo cooperation step names an unknown user ${key}`);

    return demoActor(user, orgs);
  };
  // Steps of one day keep their order through a minute each.
  let tick = 0;
  const at = (offset: number): Clock => {
    const instant = new Date(Math.min(base, base + offset * DAY - 8 * 3600_000 + (tick++ % 600) * 60_000));

    return { now: () => instant };
  };

  const list = COOPERATIONS(day(0), day);
  for (const c of list) {
    const creator = as(c.by);
    const id = await createCooperationInTx({
      db: tx,
      tx,
      clock: at(c.day),
      ...creator,
      input: c.input(o, day),
      options: c.imported ? { initialState: c.imported.state, eventKind: 'IMPORTED', registerNumbers: c.imported.registerNumbers(o) } : {},
    });
    const drafts = new Map<TemplateType, { body: StructuredBody; title: string }>();
    for (const step of c.steps) {
      const who = as(step.by);
      const deps = { db: tx, clock: at(step.day), ...who };
      if ('action' in step) await performAction({ ...deps, lang: 'id', id, action: step.action, body: step.body ?? {} });
      else if ('draft' in step) {
        const doc = await generateDraft({ ...deps, cooperationId: id, input: { type: step.draft, ...(step.place ? { place: step.place } : {}) } });
        drafts.set(step.draft, { body: doc.body!, title: doc.title });
      } else if ('signed' in step) {
        const draft = drafts.get(step.signed);
        if (!draft) throw new Error(`demo cooperation signs a ${step.signed} that was never drafted`);
        await attachDocument({
          ...deps,
          cooperationId: id,
          input: {
            type: step.signed,
            title: `${draft.title} (ditandatangani)`,
            status: 'SIGNED',
            private: false,
            body: { ...draft.body, signingNote: `${step.place}, ${day(step.day)}` },
            number: step.number,
            signingMethod: 'CEREMONIAL',
            signatureKind: 'WET',
            wetChecklist: { paraf: true, materai: true, stempel: true },
            signedAt: day(step.day),
            signedPlace: step.place,
          },
        });
      } else await attachDocument({ ...deps, cooperationId: id, input: { type: step.attach, title: step.title, status: 'FINAL', private: false, body: step.body } });
    }
  }

  return list.length;
};
