import type { Lang } from '../../platform/i18n/i18n.js';
import type { Role } from './identity.policy.js';

/** Role names as people read them, for server messages (the web app has the same names in its catalogues). */
export const ROLE_NAMES: Record<Role, { id: string; en: string }> = {
  PLATFORM_ADMIN: { id: 'Admin platform', en: 'Platform administrator' },
  TENANT_ADMIN: { id: 'Admin pemda', en: 'Regional government administrator' },
  KSD_SECRETARIAT_ADMIN: { id: 'Sekretariat kerja sama daerah', en: 'Regional cooperation secretariat' },
  KEPALA_DAERAH: { id: 'Kepala daerah', en: 'Regional head' },
  SEKDA: { id: 'Sekretaris daerah', en: 'Regional secretary' },
  TKKSD_KETUA: { id: 'Ketua TKKSD', en: 'TKKSD chair' },
  TKKSD_SEKRETARIS: { id: 'Sekretaris TKKSD', en: 'TKKSD secretary' },
  TKKSD_ANGGOTA: { id: 'Anggota TKKSD', en: 'TKKSD member' },
  TKKSD_LOKUS: { id: 'Lokus TKKSD', en: 'TKKSD locus' },
  PPKSD: { id: 'Penghubung OPD (PPKSD)', en: 'Agency liaison (PPKSD)' },
  OPD_HEAD: { id: 'Kepala OPD', en: 'Head of agency' },
  OPD_STAFF: { id: 'Staf OPD', en: 'Agency staff' },
  DPRD_SECRETARIAT: { id: 'Sekretariat DPRD', en: 'DPRD secretariat' },
  PARTNER_USER: { id: 'Pengguna mitra', en: 'Partner user' },
  GWPP_REVIEWER: { id: 'Penelaah Gubernur sebagai WPP', en: 'Governor’s (central government representative) reviewer' },
  KEMENDAGRI_VIEWER: { id: 'Pemantau Kemendagri', en: 'Ministry of Home Affairs observer' },
};

export const roleName = (role: string, lang: Lang) => (role in ROLE_NAMES ? ROLE_NAMES[role as Role][lang] : role);
