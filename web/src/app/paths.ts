/** Client routes, in Indonesian like the rest of the interface. */
export const paths = {
  home: '/',
  signIn: '/masuk',
  invitation: '/undangan',
  about: '/tentang',
  account: '/akun',
  regions: '/referensi/wilayah',
  urusan: '/referensi/urusan',
  organizations: '/admin/organisasi',
  users: '/admin/pengguna',
  audit: '/admin/audit',
  outbox: '/admin/kotak-keluar',
  strategicIssues: '/admin/isu-strategis',
  cooperations: '/kerja-sama',
  cooperationNew: '/kerja-sama/baru',
  cooperationImport: '/kerja-sama/impor',
  rulePack: '/admin/paket-aturan',
  monevRubric: '/admin/rubrik-evaluasi',
  documentTemplates: '/admin/templat-naskah',
  notifications: '/notifikasi',
  reports: '/laporan-berkala',
  progressUpdatesQueue: '/pembaruan-kemajuan',
  tkksd: '/tkksd',
  dashboard: '/dasbor',
  meetings: '/rapat',
  mapping: '/pemetaan-potensi',
  mappingRegister: '/daftar-potensi',
  mappingOverview: '/pemetaan-nasional',
} as const;

/** A cooperation's page (links in notices use the same path under /app). */
export const cooperationPath = (id: string) => `${paths.cooperations}/${id}`;

/** A meeting's page (the server's notices link to the same path under /app). */
export const meetingPath = (id: string) => `${paths.meetings}/${id}`;
/** A mapping cycle's page, an OPD's answer in it and a questionnaire's builder. */
export const mappingCyclePath = (id: string) => `${paths.mapping}/${id}`;
export const mappingAnswerPath = (id: string, orgId: string) => `${paths.mapping}/${id}/opd/${orgId}`;
export const questionnairePath = (id: string) => `${paths.mapping}/kuesioner/${id}`;

/** A periodic report's page (the server's notices link to the same path under /app). */
export const reportPath = (id: string) => `${paths.reports}/${id}`;

/** Only same-app paths are followed after sign-in, never another site ("//evil.example"). */
export const safeReturnPath = (value: string | null | undefined): string =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : paths.home;

export const signInPath = (returnTo: string) => (returnTo === paths.home ? paths.signIn : `${paths.signIn}?lanjut=${encodeURIComponent(returnTo)}`);
