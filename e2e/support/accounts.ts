/**
 * The demo accounts of docs/demo-logins.md and what each role may use, written out by hand: the
 * journeys check the product against this table, not against the code that draws the menu.
 */
export const DEMO_PASSWORD = 'Jejaring-Demo-2026';

export type DemoAccount = { email: string; role: string; roleLabel: string; organization: string; name: string };

const HSS = 'Kabupaten Hulu Sungai Selatan';
const KEMENDAGRI = 'Direktorat Dekonsentrasi, Tugas Pembantuan dan Kerja Sama — Ditjen Bina Administrasi Kewilayahan';
const kerjaSama = (place: string) => `Bagian Kerja Sama Sekretariat Daerah Kabupaten ${place}`;

const account = (email: string, role: string, roleLabel: string, organization: string, name: string): DemoAccount => ({ email, role, roleLabel, organization, name });

export const PLATFORM_ADMIN = account('admin.platform@jejaring.test', 'PLATFORM_ADMIN', 'Admin platform', KEMENDAGRI, 'Andi Pratama (fiktif)');
export const TENANT_ADMIN_HSS = account('admin.hss@jejaring.test', 'TENANT_ADMIN', 'Admin pemda', `Pemerintah ${HSS}`, 'Rina Maulida (fiktif)');

/** Every demo account whose role does not need two-factor sign-in. */
export const NON_ADMIN_ACCOUNTS: readonly DemoAccount[] = [
  account('pemantau.kemendagri@jejaring.test', 'KEMENDAGRI_VIEWER', 'Pemantau Kemendagri', KEMENDAGRI, 'Yulia Kartika (fiktif)'),
  account('gwpp.kalsel@jejaring.test', 'GWPP_REVIEWER', 'Penelaah Gubernur sebagai WPP', 'Gubernur Kalimantan Selatan selaku Wakil Pemerintah Pusat', 'Gusti Rahmadi (fiktif)'),
  account('mitra.banuatirta@jejaring.test', 'PARTNER_USER', 'Pengguna mitra', 'PT Banua Tirta Lestari (fiktif)', 'Sarah Wijaya (fiktif)'),
  account('sekretariat.hss@jejaring.test', 'KSD_SECRETARIAT_ADMIN', 'Sekretariat kerja sama daerah', kerjaSama('Hulu Sungai Selatan'), 'Muhammad Rizani (fiktif)'),
  account('bupati.hss@jejaring.test', 'KEPALA_DAERAH', 'Kepala daerah', `Pemerintah ${HSS}`, 'H. Ahmad Fauzan (fiktif)'),
  account('sekda.hss@jejaring.test', 'SEKDA', 'Sekretaris daerah', `Pemerintah ${HSS}`, 'Drs. Syahrani Noor (fiktif)'),
  account('tkksd.ketua.hss@jejaring.test', 'TKKSD_KETUA', 'Ketua TKKSD', `Pemerintah ${HSS}`, 'Ir. Fitriani Hasanah (fiktif)'),
  account('tkksd.sekretaris.hss@jejaring.test', 'TKKSD_SEKRETARIS', 'Sekretaris TKKSD', kerjaSama('Hulu Sungai Selatan'), 'Nor Aisyah (fiktif)'),
  account('tkksd.anggota.hss@jejaring.test', 'TKKSD_ANGGOTA', 'Anggota TKKSD', `Badan Perencanaan Pembangunan Daerah ${HSS}`, 'Budi Santoso (fiktif)'),
  account('tkksd.lokus.hss@jejaring.test', 'TKKSD_LOKUS', 'Lokus TKKSD', `Dinas Kesehatan ${HSS}`, 'dr. Siti Rahmah (fiktif)'),
  account('ppksd.pupr.hss@jejaring.test', 'PPKSD', 'Penghubung OPD (PPKSD)', `Dinas Pekerjaan Umum dan Penataan Ruang ${HSS}`, 'Hendra Gunawan (fiktif)'),
  account('kadis.pupr.hss@jejaring.test', 'OPD_HEAD', 'Kepala OPD', `Dinas Pekerjaan Umum dan Penataan Ruang ${HSS}`, 'Ir. Zainal Arifin (fiktif)'),
  account('staf.pupr.hss@jejaring.test', 'OPD_STAFF', 'Staf OPD', `Dinas Pekerjaan Umum dan Penataan Ruang ${HSS}`, 'Dewi Lestari (fiktif)'),
  account('dprd.hss@jejaring.test', 'DPRD_SECRETARIAT', 'Sekretariat DPRD', `Sekretariat Dewan Perwakilan Rakyat Daerah ${HSS}`, 'Agus Salim (fiktif)'),
  account('sekretariat.hst@jejaring.test', 'KSD_SECRETARIAT_ADMIN', 'Sekretariat kerja sama daerah', kerjaSama('Hulu Sungai Tengah'), 'Sekretariat KSD Hulu Sungai Tengah (fiktif)'),
  account('sekretariat.tapin@jejaring.test', 'KSD_SECRETARIAT_ADMIN', 'Sekretariat kerja sama daerah', kerjaSama('Tapin'), 'Sekretariat KSD Tapin (fiktif)'),
  account('sekretariat.jayawijaya@jejaring.test', 'KSD_SECRETARIAT_ADMIN', 'Sekretariat kerja sama daerah', kerjaSama('Jayawijaya'), 'Sekretariat KSD Jayawijaya (fiktif)'),
  account('sekretariat.sorsel@jejaring.test', 'KSD_SECRETARIAT_ADMIN', 'Sekretariat kerja sama daerah', kerjaSama('Sorong Selatan'), 'Sekretariat KSD Sorong Selatan (fiktif)'),
  account('sekretariat.pesawaran@jejaring.test', 'KSD_SECRETARIAT_ADMIN', 'Sekretariat kerja sama daerah', kerjaSama('Pesawaran'), 'Sekretariat KSD Pesawaran (fiktif)'),
  account('sekretariat.merauke@jejaring.test', 'KSD_SECRETARIAT_ADMIN', 'Sekretariat kerja sama daerah', kerjaSama('Merauke'), 'Sekretariat KSD Merauke (fiktif)'),
  account('dprd.hst@jejaring.test', 'DPRD_SECRETARIAT', 'Sekretariat DPRD', 'Sekretariat Dewan Perwakilan Rakyat Daerah Kabupaten Hulu Sungai Tengah', 'Sekretariat DPRD Hulu Sungai Tengah (fiktif)'),
  account('ppksd.dinkes.jayawijaya@jejaring.test', 'PPKSD', 'Penghubung OPD (PPKSD)', 'Dinas Kesehatan Kabupaten Jayawijaya', 'Yosina Wenda (fiktif)'),
  account('ppksd.pupr.jayawijaya@jejaring.test', 'PPKSD', 'Penghubung OPD (PPKSD)', 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Jayawijaya', 'Markus Lokobal (fiktif)'),
  account('ppksd.bappeda.jayawijaya@jejaring.test', 'PPKSD', 'Penghubung OPD (PPKSD)', 'Badan Perencanaan Pembangunan Daerah Kabupaten Jayawijaya', 'Elisabeth Hubi (fiktif)'),
  account('ppksd.dinkes.hss@jejaring.test', 'PPKSD', 'Penghubung OPD (PPKSD)', `Dinas Kesehatan ${HSS}`, 'Rina Wati, S.KM. (fiktif)'),
  account('kepala.bpkad.jayawijaya@jejaring.test', 'OPD_HEAD', 'Kepala OPD', 'Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Jayawijaya', 'Yohanes Itlay (fiktif)'),
];

export const demoAccount = (email: string): DemoAccount => {
  const found = NON_ADMIN_ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`${email} is not a non-admin demo account`);

  return found;
};

/** What every signed-in user finds in the menu. */
const EVERYONE = ['Beranda', 'Akun', 'Dasbor', 'Kerja sama', 'Rapat & Forum', 'Paket aturan', 'Rubrik evaluasi', 'Templat naskah', 'Wilayah', 'Urusan pemerintahan'];
const STAFF = [...EVERYONE, 'Organisasi', 'Pengguna'];
/** People of a pemda and its overseers (mapping.read) find "Pemetaan Potensi" after "Dasbor"; the tenant admin and partners do not. */
const withMapping = (menu: readonly string[]) => menu.flatMap((i) => (i === 'Dasbor' ? [i, 'Pemetaan Potensi'] : [i]));
/** A pemda's own people also find its TKKSD and liaisons (tkksd.read); overseers and the platform operator do not. */
const WORKER = withMapping([...STAFF, 'TKKSD & Penghubung']);
/** Those who compile or review periodic reports (report.submit / report.review) also find "Laporan berkala" after "Templat naskah". */
const withReports = (menu: readonly string[]) => [...menu.slice(0, menu.indexOf('Templat naskah') + 1), 'Laporan berkala', ...menu.slice(menu.indexOf('Templat naskah') + 1)];
const REPORTER = withReports(WORKER);
/** Overseers and the platform operator (mapping.overview) also find "Pemetaan nasional" after "Pemetaan Potensi". */
const withMappingOverview = (menu: readonly string[]) => menu.flatMap((i) => (i === 'Pemetaan Potensi' ? [i, 'Pemetaan nasional'] : [i]));
const OVERSEER = withReports(withMappingOverview(withMapping(STAFF)));
/** The secretariat (update.review) also finds its approval queue of progress updates, after "Laporan berkala". */
const withUpdateQueue = (menu: readonly string[]) => menu.flatMap((i) => (i === 'Laporan berkala' ? [i, 'Pembaruan menunggu persetujuan'] : [i]));

/** The menu each role should see, in order (the capability table of identity.policy.ts, read as a user). */
export const NAVIGATION_BY_ROLE: Record<string, readonly string[]> = {
  PLATFORM_ADMIN: [...OVERSEER, 'Log audit', 'Kotak keluar', 'Isu strategis'],
  TENANT_ADMIN: [...STAFF, 'TKKSD & Penghubung', 'Log audit', 'Kotak keluar'],
  KSD_SECRETARIAT_ADMIN: withUpdateQueue([...REPORTER, 'Log audit']),
  KEPALA_DAERAH: WORKER,
  SEKDA: WORKER,
  TKKSD_KETUA: WORKER,
  TKKSD_SEKRETARIS: WORKER,
  TKKSD_ANGGOTA: WORKER,
  TKKSD_LOKUS: WORKER,
  PPKSD: WORKER,
  OPD_HEAD: WORKER,
  OPD_STAFF: WORKER,
  DPRD_SECRETARIAT: WORKER,
  // Partners have no dashboard: it aggregates pemda figures.
  PARTNER_USER: [...EVERYONE.filter((item) => item !== 'Dasbor'), 'Organisasi'],
  GWPP_REVIEWER: OVERSEER,
  KEMENDAGRI_VIEWER: OVERSEER,
};

export const navigationOf = (role: string): readonly string[] => {
  const items = NAVIGATION_BY_ROLE[role];
  if (!items) throw new Error(`no navigation expectation for role ${role}`);

  return items;
};

/** Demo roles start on 1 January of the seeding year in WIB, as the seed writes them. */
export const seedYear = () => new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

/** Today as a calendar date in WIB, the way role periods are entered. */
export const todayWib = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A calendar date as Indonesian officials write it: "2026-01-01" → "1 Januari 2026". */
export const tanggal = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number);

  return `${day} ${BULAN[(month ?? 1) - 1]} ${year}`;
};

/** A short unique suffix so that journeys repeated in both projects never collide. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
