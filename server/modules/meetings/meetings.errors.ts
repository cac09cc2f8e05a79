import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { AppError, defineError, type FieldError } from '../../platform/http/errors.js';

export const meetingErrors = {
  notFound: defineError({ code: 'meetings.not_found', status: 404, message: { id: 'Rapat tidak ditemukan.', en: 'Meeting not found.' } }),
  actionNotFound: defineError({ code: 'meetings.action_not_found', status: 404, message: { id: 'Tindak lanjut tidak ditemukan.', en: 'Follow-up action not found.' } }),
  manageForbidden: defineError({
    code: 'meetings.manage_forbidden',
    status: 403,
    message: { id: 'Rapat dikelola oleh sekretariat kerja sama, ketua atau sekretaris TKKSD pemda.', en: 'Meetings are managed by the pemda’s cooperation secretariat or the TKKSD chair or secretary.' },
  }),
  actionForbidden: defineError({
    code: 'meetings.action_forbidden',
    status: 403,
    message: { id: 'Status tindak lanjut diubah oleh penanggung jawabnya atau pengelola rapat.', en: 'A follow-up action’s status is changed by its owner or a meeting manager.' },
  }),
  wrongStatus: defineError({
    code: 'meetings.wrong_status',
    status: 409,
    message: { id: 'Tindakan ini tidak dapat dilakukan pada rapat berstatus {status}.', en: 'This action is not possible on a meeting with status {status}.' },
  }),
  minutesFinal: defineError({
    code: 'meetings.minutes_final',
    status: 409,
    message: { id: 'Notulen rapat ini sudah final dan terkunci; tidak ada lagi yang dapat diubah.', en: 'The minutes of this meeting are final and locked; nothing can be changed any more.' },
  }),
  minutesMissing: defineError({
    code: 'meetings.minutes_missing',
    status: 409,
    message: { id: 'Tulis notulen sebelum memfinalkannya.', en: 'Write the minutes before finalising them.' },
  }),
  useReschedule: defineError({
    code: 'meetings.use_reschedule',
    status: 409,
    message: { id: 'Undangan sudah terkirim: ubah waktu rapat melalui “Jadwalkan ulang” agar semua undangan menerima kalender baru.', en: 'Invitations were sent: change the time through “Reschedule” so everyone receives the new calendar entry.' },
  }),
  invalid: defineError({
    code: 'meetings.invalid',
    status: 422,
    message: { id: 'Rapat tidak dapat disimpan; periksa isian yang ditandai.', en: 'The meeting cannot be saved; check the marked fields.' },
  }),
};

const FIELD_MESSAGES: Record<string, Message> = {
  ends_before_start: { id: 'Waktu selesai harus setelah waktu mulai.', en: 'The end must be after the start.' },
  place_required: { id: 'Isi tempat untuk rapat luring atau hibrida.', en: 'Give a place for an in-person or hybrid meeting.' },
  link_required: { id: 'Isi tautan untuk rapat daring atau hibrida.', en: 'Give a link for an online or hybrid meeting.' },
  cooperation_not_found: { id: 'Kerja sama tidak ditemukan.', en: 'Cooperation not found.' },
  user_not_in_pemda: { id: 'Pengguna ini bukan pegawai aktif pemda penyelenggara.', en: 'This user is not an active member of the organising pemda.' },
  already_invited: { id: 'Sudah diundang.', en: 'Already invited.' },
  invitee_not_found: { id: 'Undangan tidak ditemukan pada rapat ini.', en: 'This invitee is not on the meeting.' },
  no_invitees: { id: 'Pilih setidaknya satu undangan.', en: 'Choose at least one invitee.' },
};

export type FieldProblem = { path: string; code: string };

/** A 422 naming each field, in the request's language. */
export const fieldErrors = (problems: readonly FieldProblem[], lang: Lang) =>
  new AppError(
    meetingErrors.invalid.definition,
    {},
    problems.map((p): FieldError => ({ path: p.path, code: p.code, message: format(FIELD_MESSAGES[p.code] ?? { id: 'Nilai tidak valid.', en: 'Invalid value.' }, lang, {}) })),
  );
