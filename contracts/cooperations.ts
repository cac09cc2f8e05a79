/**
 * The vocabulary of cooperations that the server and the web app share at run time: kinds,
 * regimes, object categories, states and actions (ksd-domain.md §2.1, §8.4–8.5). The server's
 * state machine is built on these lists; the web app labels and filters with them.
 */
export const KINDS = ['KSDD', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI'] as const;
export type Kind = (typeof KINDS)[number];

export const REGIMES = ['KSD_GENERIC', 'KPBU', 'BMD_UTILISATION', 'HIBAH', 'PBJ', 'OTHER'] as const;
export type Regime = (typeof REGIMES)[number];

export const OBJECT_CATEGORIES = ['PELAYANAN_PUBLIK', 'INFRASTRUKTUR', 'ASET', 'INVESTASI', 'LAINNYA'] as const;
export type ObjectCategory = (typeof OBJECT_CATEGORIES)[number];

export const STATES = [
  'USULAN',
  'PENAWARAN_MASUK',
  'KAJIAN_TKKSD',
  'PENAWARAN',
  'MENUNGGU_TANGGAPAN',
  'LOI',
  'RENCANA_KERJA_SAMA',
  'PENYUSUNAN_KSB',
  'PENANDATANGANAN_KSB',
  'KSB_BERLAKU',
  'PENYUSUNAN_NK',
  'PENANDATANGANAN_NK',
  'MENUNGGU_PERSETUJUAN_DPRD',
  'MENUNGGU_PERSETUJUAN_PUSAT',
  'PENYUSUNAN_PKS',
  'PENANDATANGANAN_PKS',
  'BERLAKU',
  'DIADENDUM',
  'SENGKETA',
  'DITOLAK',
  'BATAL',
  'DIAKHIRI',
  'BERAKHIR',
] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = [
  'submit',
  'register_offer',
  'return_for_revision',
  'reject',
  'recommend',
  'send_offer',
  'accept',
  'decline',
  'sign_loi',
  'finalize_ksb',
  'sign_ksb',
  'request_dprd',
  'record_dprd_decision',
  'start_pks',
  'request_central',
  'record_central_decision',
  'finalize_pks',
  'finalize_nk',
  'sign',
  'amend',
  'sign_amendment',
  'raise_dispute',
  'escalate_dispute',
  'resolve_dispute',
  'terminate',
  'cancel',
  'extend',
] as const;
export type ActionName = (typeof ACTIONS)[number];

export const FUNDING_SOURCES = ['APBD', 'APBN', 'MITRA', 'HIBAH', 'LAINNYA'] as const;
export const PLAN_EXCEPTIONS = ['DARURAT', 'PSN', 'TUGAS_PEMBANTUAN'] as const;
export const DISPUTE_STAGES = ['MUSYAWARAH', 'GUBERNUR', 'MENTERI', 'PENGADILAN_ARBITRASE', 'NEGOSIASI'] as const;
/** PP 28/2018 Art. 9(1) and 22(2), plus breach and force majeure as the PKS clauses provide. */
export const TERMINATION_GROUNDS = [
  'TUJUAN_TERCAPAI',
  'KESEPAKATAN_PARA_PIHAK',
  'PERUBAHAN_KEBIJAKAN',
  'OBJEK_HILANG',
  'WANPRESTASI',
  'KEADAAN_KAHAR',
  'PUTUSAN_PENGADILAN',
  'PAILIT',
] as const;
