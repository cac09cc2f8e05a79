import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { AppError, defineError, type FieldError } from '../../platform/http/errors.js';

export const updateErrors = {
  invalid: defineError({
    code: 'monev.update_invalid',
    status: 422,
    message: { id: 'Pembaruan kemajuan tidak dapat disimpan; periksa isian yang ditandai.', en: 'The progress update cannot be saved; check the marked fields.' },
  }),
  notFound: defineError({ code: 'monev.update_not_found', status: 404, message: { id: 'Pembaruan kemajuan tidak ditemukan.', en: 'Progress update not found.' } }),
  submitForbidden: defineError({
    code: 'monev.update_submit_forbidden',
    status: 403,
    message: {
      id: 'Pembaruan kemajuan dikirim oleh PPKSD, OPD atau sekretariat pemda pihak, atau oleh pengguna mitra pihak kerja sama.',
      en: 'Progress updates are sent by the liaison, OPD or secretariat of a party pemda, or by a party partner’s user.',
    },
  }),
  activityNotOwn: defineError({
    code: 'monev.update_activity_not_own',
    status: 403,
    message: { id: 'Mitra hanya melaporkan kegiatan yang menjadi tanggung jawab organisasinya.', en: 'A partner reports only on the activities its organisation is responsible for.' },
  }),
  reworkForbidden: defineError({
    code: 'monev.update_rework_forbidden',
    status: 403,
    message: { id: 'Hanya organisasi pengirim yang dapat memperbaiki pembaruan ini.', en: 'Only the sending organisation can rework this update.' },
  }),
  reviewForbidden: defineError({
    code: 'monev.update_review_forbidden',
    status: 403,
    message: { id: 'Hanya sekretariat kerja sama pemda peninjau yang dapat menyetujui atau mengembalikan pembaruan.', en: 'Only the reviewing pemda’s cooperation secretariat can approve or return an update.' },
  }),
  ownReview: defineError({
    code: 'monev.update_own_review',
    status: 403,
    message: { id: 'Pembaruan yang Anda kirim sendiri harus ditinjau oleh anggota sekretariat lain.', en: 'An update you sent yourself must be reviewed by another secretariat member.' },
  }),
  queueForbidden: defineError({
    code: 'monev.update_queue_forbidden',
    status: 403,
    message: { id: 'Antrean persetujuan hanya untuk sekretariat kerja sama.', en: 'The approval queue is for the cooperation secretariat only.' },
  }),
  locked: defineError({
    code: 'monev.update_locked',
    status: 409,
    message: {
      id: 'Pembaruan yang sudah disetujui dikunci; ajukan koreksi (revisi baru dengan alasan).',
      en: 'An approved update is locked; file a correction (a new revision with a reason).',
    },
  }),
  wrongStatus: defineError({
    code: 'monev.update_wrong_status',
    status: 409,
    message: { id: 'Tindakan ini tidak dapat dilakukan pada pembaruan berstatus {status}.', en: 'This action is not possible on an update with status {status}.' },
  }),
  revisionOpen: defineError({
    code: 'monev.update_revision_open',
    status: 409,
    message: { id: 'Koreksi untuk pembaruan ini sudah ada dan belum diputuskan.', en: 'A correction of this update already exists and is not decided yet.' },
  }),
  notReportable: defineError({
    code: 'monev.update_not_in_force',
    status: 409,
    message: { id: 'Pembaruan kemajuan hanya untuk kerja sama yang berlaku; tahap saat ini: {state}.', en: 'Progress updates are only for a cooperation in force; current state: {state}.' },
  }),
  stale: defineError({
    code: 'monev.update_stale',
    status: 409,
    message: { id: 'Pembaruan ini baru saja diubah orang lain. Muat ulang untuk melihat perubahan terbaru.', en: 'Someone else just changed this update. Reload to see the latest version.' },
  }),
};

const FIELD_MESSAGES: Record<string, Message> = {
  activity_not_found: { id: 'Kegiatan tidak ada dalam rencana kerja kerja sama ini.', en: 'The activity is not in this cooperation’s work plan.' },
  activity_not_own: { id: 'Kegiatan ini bukan tanggung jawab organisasi Anda.', en: 'Your organisation is not responsible for this activity.' },
  indicator_not_found: { id: 'Indikator tidak ada dalam kerja sama ini.', en: 'The indicator is not part of this cooperation.' },
  indicator_not_own: { id: 'Indikator ini tidak mengukur kegiatan organisasi Anda.', en: 'This indicator does not measure an activity of your organisation.' },
  indicator_by_region: { id: 'Indikator per wilayah dicatat di panel indikator.', en: 'Indicators broken down by region are recorded in the indicators panel.' },
  period_format: { id: 'Periode tidak sesuai frekuensi indikator.', en: 'The period does not match the indicator’s frequency.' },
  duplicate: { id: 'Baris ini muncul dua kali.', en: 'This line appears twice.' },
  file_not_own: { id: 'Berkas tidak ditemukan atau tidak diunggah oleh organisasi Anda.', en: 'The file does not exist or was not uploaded by your organisation.' },
  no_lines: { id: 'Isi setidaknya satu kegiatan atau indikator.', en: 'Fill in at least one activity or indicator.' },
};

export type FieldProblem = { path: string; code: string };

/** A 422 (or the given coded error) naming each field, in the request's language. */
export const fieldErrors = (problems: readonly FieldProblem[], lang: Lang, error = updateErrors.invalid) =>
  new AppError(
    error.definition,
    {},
    problems.map((p): FieldError => ({ path: p.path, code: p.code, message: format(FIELD_MESSAGES[p.code] ?? { id: 'Nilai tidak valid.', en: 'Invalid value.' }, lang, {}) })),
  );
