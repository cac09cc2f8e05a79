import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { AppError, defineError, type FieldError } from '../../platform/http/errors.js';

export const tkksdErrors = {
  invalid: defineError({
    code: 'tkksd.invalid',
    status: 422,
    message: { id: 'Data TKKSD atau penghubung tidak dapat disimpan; periksa isian yang ditandai.', en: 'The TKKSD or liaison record cannot be saved; check the marked fields.' },
  }),
  noTenant: defineError({
    code: 'tkksd.no_tenant',
    status: 403,
    message: { id: 'TKKSD dan penghubung hanya ada untuk pengguna sebuah pemda.', en: 'The TKKSD and liaisons exist only for users of a pemda.' },
  }),
  periodNotFound: defineError({ code: 'tkksd.period_not_found', status: 404, message: { id: 'Periode TKKSD tidak ditemukan.', en: 'TKKSD period not found.' } }),
  memberNotFound: defineError({ code: 'tkksd.member_not_found', status: 404, message: { id: 'Anggota TKKSD tidak ditemukan.', en: 'TKKSD member not found.' } }),
  liaisonNotFound: defineError({ code: 'tkksd.liaison_not_found', status: 404, message: { id: 'Penghubung tidak ditemukan.', en: 'Liaison not found.' } }),
  periodOverlap: defineError({
    code: 'tkksd.period_overlap',
    status: 409,
    message: {
      id: 'Masa berlaku bertumpang tindih dengan periode TKKSD {decree} ({from} s.d. {to}); akhiri periode itu lebih dulu.',
      en: 'The validity overlaps the TKKSD period {decree} ({from} to {to}); end that period first.',
    },
  }),
  ketuaTaken: defineError({
    code: 'tkksd.ketua_taken',
    status: 409,
    message: { id: 'Periode ini sudah memiliki Ketua pada tanggal tersebut; akhiri masa tugasnya lebih dulu.', en: 'This period already has a Ketua on those dates; end their term first.' },
  }),
  alreadyEnded: defineError({
    code: 'tkksd.appointment_ended',
    status: 409,
    message: { id: 'Penugasan ini sudah berakhir pada {date}.', en: 'This appointment already ended on {date}.' },
  }),
};

const FIELD_MESSAGES: Record<string, Message> = {
  period_invalid: { id: 'Tanggal akhir tidak boleh sebelum tanggal mulai.', en: 'The end date may not be before the start date.' },
  user_not_in_tenant: { id: 'Pengguna tidak ditemukan di pemda ini atau tidak aktif.', en: 'The user is not an active user of this pemda.' },
  org_not_in_tenant: { id: 'Perangkat daerah tidak ditemukan di pemda ini.', en: 'The agency is not part of this pemda.' },
  file_not_found: { id: 'Berkas SK tidak ditemukan atau bukan milik pemda ini.', en: 'The decree file does not exist or does not belong to this pemda.' },
  outside_period: { id: 'Masa tugas harus berada di dalam masa berlaku SK TKKSD.', en: 'The term must lie within the validity of the TKKSD decree.' },
  before_start: { id: 'Tanggal berakhir tidak boleh sebelum mulai bertugas.', en: 'The end date may not be before the appointment started.' },
  after_end: { id: 'Tanggal berakhir melewati akhir masa tugas.', en: 'The end date is after the end of the term.' },
  successor_self: { id: 'Pengganti harus orang lain.', en: 'The successor must be someone else.' },
  person_required: { id: 'Pilih pengguna atau isi nama orang tanpa akun.', en: 'Choose a user or give the name of someone without an account.' },
  already_member: { id: 'Orang ini sudah menjadi anggota periode ini pada tanggal tersebut.', en: 'This person is already a member of this period on those dates.' },
  no_term_left: { id: 'Tidak ada sisa masa tugas untuk pengganti setelah tanggal ini.', en: 'No term is left for a successor after this date.' },
  no_account: { id: 'Serah terima hanya untuk penugasan dengan akun pengguna.', en: 'A hand-over needs an appointment held by a user account.' },
};

export type FieldProblem = { path: string; code: string };

/** A 422 naming each field, in the request's language. */
export const fieldErrors = (problems: readonly FieldProblem[], lang: Lang) =>
  new AppError(
    tkksdErrors.invalid.definition,
    {},
    problems.map((p): FieldError => ({ path: p.path, code: p.code, message: format(FIELD_MESSAGES[p.code] ?? { id: 'Nilai tidak valid.', en: 'Invalid value.' }, lang, {}) })),
  );
