import type { Role } from '../modules/identity/index.js';
import { KABUPATEN } from './demo.organizations.js';

/**
 * One demo account for every role, mostly in Kab. Hulu Sungai Selatan, plus a KSD secretariat
 * account for each other demo kabupaten. Every person is invented ("fiktif"); NIP and phone numbers
 * are deliberately impossible (born 1 January 1900, the unassigned +62 800 range) so they can
 * exercise personal-data handling without belonging to anyone.
 */
export type DemoUser = { email: string; name: string; role: Role; orgKey: string; nip?: string; phone?: string; decreeRef?: string };

export const DEMO_EMAIL_DOMAIN = 'jejaring.test';

const fakeNip = (serial: number) => `1900010119000110${String(serial).padStart(2, '0')}`;
const fakePhone = (serial: number) => `+62 800 0000 ${String(serial).padStart(4, '0')}`;
const TKKSD_DECREE = 'SK Bupati Hulu Sungai Selatan Nomor 000/DEMO/TKKSD/2026 (fiktif)';

const HSS_USERS: DemoUser[] = [
  { email: 'admin.hss', name: 'Rina Maulida (fiktif)', role: 'TENANT_ADMIN', orgKey: 'hss', nip: fakeNip(2), phone: fakePhone(2) },
  { email: 'sekretariat.hss', name: 'Muhammad Rizani (fiktif)', role: 'KSD_SECRETARIAT_ADMIN', orgKey: 'hss.kerjasama', nip: fakeNip(3), phone: fakePhone(3) },
  { email: 'bupati.hss', name: 'H. Ahmad Fauzan (fiktif)', role: 'KEPALA_DAERAH', orgKey: 'hss' },
  { email: 'sekda.hss', name: 'Drs. Syahrani Noor (fiktif)', role: 'SEKDA', orgKey: 'hss', nip: fakeNip(4) },
  { email: 'tkksd.ketua.hss', name: 'Ir. Fitriani Hasanah (fiktif)', role: 'TKKSD_KETUA', orgKey: 'hss', nip: fakeNip(5), decreeRef: TKKSD_DECREE },
  { email: 'tkksd.sekretaris.hss', name: 'Nor Aisyah (fiktif)', role: 'TKKSD_SEKRETARIS', orgKey: 'hss.kerjasama', nip: fakeNip(6), decreeRef: TKKSD_DECREE },
  { email: 'tkksd.anggota.hss', name: 'Budi Santoso (fiktif)', role: 'TKKSD_ANGGOTA', orgKey: 'hss.bappeda', nip: fakeNip(7), decreeRef: TKKSD_DECREE },
  { email: 'tkksd.lokus.hss', name: 'dr. Siti Rahmah (fiktif)', role: 'TKKSD_LOKUS', orgKey: 'hss.dinkes', nip: fakeNip(8), decreeRef: TKKSD_DECREE },
  { email: 'ppksd.pupr.hss', name: 'Hendra Gunawan (fiktif)', role: 'PPKSD', orgKey: 'hss.pupr', nip: fakeNip(9), phone: fakePhone(9) },
  { email: 'kadis.pupr.hss', name: 'Ir. Zainal Arifin (fiktif)', role: 'OPD_HEAD', orgKey: 'hss.pupr', nip: fakeNip(10) },
  { email: 'staf.pupr.hss', name: 'Dewi Lestari (fiktif)', role: 'OPD_STAFF', orgKey: 'hss.pupr', nip: fakeNip(11) },
  { email: 'dprd.hss', name: 'Agus Salim (fiktif)', role: 'DPRD_SECRETARIAT', orgKey: 'hss.dprd', nip: fakeNip(12) },
];

const OTHER_USERS: DemoUser[] = [
  { email: 'admin.platform', name: 'Andi Pratama (fiktif)', role: 'PLATFORM_ADMIN', orgKey: 'kemendagri', phone: fakePhone(1) },
  { email: 'pemantau.kemendagri', name: 'Yulia Kartika (fiktif)', role: 'KEMENDAGRI_VIEWER', orgKey: 'kemendagri', nip: fakeNip(13) },
  { email: 'gwpp.kalsel', name: 'Gusti Rahmadi (fiktif)', role: 'GWPP_REVIEWER', orgKey: 'gwpp.kalsel', nip: fakeNip(14) },
  { email: 'mitra.banuatirta', name: 'Sarah Wijaya (fiktif)', role: 'PARTNER_USER', orgKey: 'partner.pt', phone: fakePhone(15) },
];

const SECRETARIATS: DemoUser[] = KABUPATEN.filter((k) => k.key !== 'hss').map((k, i) => ({
  email: `sekretariat.${k.key}`,
  name: `Sekretariat KSD ${k.place} (fiktif)`,
  role: 'KSD_SECRETARIAT_ADMIN',
  orgKey: `${k.key}.kerjasama`,
  nip: fakeNip(20 + i),
}));

/** The DPRD secretariat of the neighbouring pemda, so a KSDD between HSS and HST can run both DPRD rounds. */
const NEIGHBOUR_DPRD: DemoUser[] = [{ email: 'dprd.hst', name: 'Sekretariat DPRD Hulu Sungai Tengah (fiktif)', role: 'DPRD_SECRETARIAT', orgKey: 'hst.dprd', nip: fakeNip(40) }];

/** The OPD liaisons of Jayawijaya who answer this year's mapping questionnaire (issue 5). */
const JAYAWIJAYA_MAPPING: DemoUser[] = [
  { email: 'ppksd.dinkes.jayawijaya', name: 'Yosina Wenda (fiktif)', role: 'PPKSD', orgKey: 'jayawijaya.dinkes', nip: fakeNip(41) },
  { email: 'ppksd.pupr.jayawijaya', name: 'Markus Lokobal (fiktif)', role: 'PPKSD', orgKey: 'jayawijaya.pupr', nip: fakeNip(42) },
  { email: 'ppksd.bappeda.jayawijaya', name: 'Elisabeth Hubi (fiktif)', role: 'PPKSD', orgKey: 'jayawijaya.bappeda', nip: fakeNip(43) },
  { email: 'ppksd.dinkes.hss', name: 'Rina Wati, S.KM. (fiktif)', role: 'PPKSD', orgKey: 'hss.dinkes', nip: fakeNip(45) },
  { email: 'kepala.bpkad.jayawijaya', name: 'Yohanes Itlay (fiktif)', role: 'OPD_HEAD', orgKey: 'jayawijaya.bpkad', nip: fakeNip(44) },
];

/** Every demo account; e-mail addresses are on the reserved .test domain. */
export const DEMO_USERS: DemoUser[] = [...OTHER_USERS, ...HSS_USERS, ...SECRETARIATS, ...NEIGHBOUR_DPRD, ...JAYAWIJAYA_MAPPING].map((u) => ({ ...u, email: `${u.email}@${DEMO_EMAIL_DOMAIN}` }));
