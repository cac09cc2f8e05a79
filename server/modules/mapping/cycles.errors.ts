import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { AppError, defineError, type ErrorFactory, type FieldError } from '../../platform/http/errors.js';

export const cycleErrors = {
  invalid: defineError({ code: 'mapping.cycle_invalid', status: 422, message: { id: 'Siklus pemetaan tidak dapat disimpan; periksa isian yang ditandai.', en: 'The mapping cycle cannot be saved; check the marked fields.' } }),
  notFound: defineError({ code: 'mapping.cycle_not_found', status: 404, message: { id: 'Siklus pemetaan tidak ditemukan.', en: 'Mapping cycle not found.' } }),
  manageForbidden: defineError({
    code: 'mapping.manage_forbidden',
    status: 403,
    message: { id: 'Siklus pemetaan dikelola oleh sekretariat kerja sama, Ketua atau Sekretaris TKKSD pemda ini.', en: 'The mapping cycle is run by this pemda’s cooperation secretariat or the TKKSD chair or secretary.' },
  }),
  exists: defineError({ code: 'mapping.cycle_exists', status: 409, message: { id: 'Siklus pemetaan tahun {year} sudah ada untuk pemda ini.', en: 'This pemda already has a mapping cycle for {year}.' } }),
  stale: defineError({ code: 'mapping.cycle_stale', status: 409, message: { id: 'Siklus ini baru saja diubah orang lain. Muat ulang.', en: 'Someone else just changed this cycle. Reload.' } }),
  notEditable: defineError({
    code: 'mapping.cycle_not_editable',
    status: 409,
    message: { id: 'Jadwal, OPD peserta dan kuesioner hanya dapat diubah pada tahap Persiapan atau Proses Pemetaan.', en: 'Schedule, participating OPDs and questionnaire change only during Persiapan or Proses Pemetaan.' },
  }),
  wrongStage: defineError({ code: 'mapping.cycle_wrong_stage', status: 409, message: { id: 'Tindakan {action} tidak dapat dilakukan pada tahap {stage}.', en: 'Action {action} is not possible at stage {stage}.' } }),
  stageRoleForbidden: defineError({
    code: 'mapping.stage_role_forbidden',
    status: 403,
    message: { id: 'Peran Anda tidak termasuk peran yang menutup tahap {stage} menurut rule pack.', en: 'Your role is not one the rule pack lets close stage {stage}.' },
  }),
  noParticipants: defineError({ code: 'mapping.cycle_no_participants', status: 409, message: { id: 'Tetapkan setidaknya satu OPD peserta sebelum pemetaan dimulai.', en: 'Name at least one participating OPD before the mapping starts.' } }),
  deadlinePassed: defineError({ code: 'mapping.cycle_deadline_passed', status: 409, message: { id: 'Batas waktu pengisian sudah lewat; tetapkan batas waktu baru.', en: 'The answer deadline has passed; set a new one.' } }),
  answersOutstanding: defineError({
    code: 'mapping.cycle_answers_outstanding',
    status: 409,
    message: { id: 'Masih ada {count} OPD yang belum mengirim jawaban dan batas waktunya belum lewat.', en: '{count} OPD(s) have not submitted and their deadline has not passed.' },
  }),
  reviewsPending: defineError({ code: 'mapping.cycle_reviews_pending', status: 409, message: { id: 'Masih ada {count} jawaban OPD yang menunggu ditinjau TKKSD.', en: '{count} OPD answer(s) still await the TKKSD’s review.' } }),
  nothingAccepted: defineError({ code: 'mapping.cycle_nothing_accepted', status: 409, message: { id: 'Belum ada jawaban OPD yang diterima TKKSD.', en: 'The TKKSD has not accepted any OPD answer yet.' } }),
  plenaryMissing: defineError({
    code: 'mapping.cycle_plenary_missing',
    status: 409,
    message: { id: 'Rapat pleno TKKSD belum memutuskan skala prioritas yang akan ditetapkan.', en: 'The TKKSD plenary has not decided the priority list to adopt yet.' },
  }),
  decreeMissing: defineError({
    code: 'mapping.cycle_decree_missing',
    status: 409,
    message: { id: 'Isi nomor dan tanggal Keputusan Kepala Daerah yang menetapkan hasil pemetaan.', en: 'Give the number and date of the Kepala Daerah decree adopting the mapping result.' },
  }),
};

const FIELD_MESSAGES: Record<string, Message> = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  wrong_type: { id: 'Jenis isian tidak sesuai pertanyaan.', en: 'The value does not fit the question.' },
  too_long: { id: 'Isian terlalu panjang.', en: 'Too long.' },
  not_an_option: { id: 'Pilihan tidak tersedia.', en: 'Not one of the options.' },
  out_of_range: { id: 'Angka di luar rentang yang diizinkan.', en: 'The number is out of range.' },
  invalid_amount: { id: 'Isi nominal Rupiah, misalnya 1500000 atau 1500000.50.', en: 'Enter a Rupiah amount, e.g. 1500000 or 1500000.50.' },
  too_many_items: { id: 'Terlalu banyak butir.', en: 'Too many items.' },
  unknown_section: { id: 'Bagian ini tidak ada dalam kuesioner.', en: 'This section is not in the questionnaire.' },
  unknown_question: { id: 'Pertanyaan ini tidak ada dalam kuesioner.', en: 'This question is not in the questionnaire.' },
  unknown_reference: { id: 'Kode tidak dikenal dalam data referensi.', en: 'The code is not known in the reference data.' },
  file_not_own: { id: 'Berkas tidak ditemukan atau tidak diunggah oleh organisasi Anda.', en: 'The file does not exist or was not uploaded by your organisation.' },
  not_a_unit: { id: 'Bukan OPD atau unit pemda ini.', en: 'Not an OPD or unit of this pemda.' },
  stage_order: { id: 'Jadwal harus memuat keempat tahap secara berurutan.', en: 'The schedule must list the four stages in order.' },
  period: { id: 'Tanggal selesai sebelum tanggal mulai.', en: 'The end is before the start.' },
  overlap: { id: 'Tahap dimulai sebelum tahap sebelumnya.', en: 'The stage starts before the previous one.' },
  not_found: { id: 'Tidak ditemukan.', en: 'Not found.' },
  has_answer: { id: 'OPD ini sudah mengisi jawaban.', en: 'This OPD has already written an answer.' },
  past: { id: 'Tanggal sudah lewat.', en: 'The date has passed.' },
  unknown_criterion: { id: 'Kriteria ini tidak ada dalam rule pack yang berlaku.', en: 'This criterion is not in the rule pack in force.' },
  duplicate: { id: 'Disebut lebih dari sekali.', en: 'Listed more than once.' },
};

export type FieldProblem = { path: string; code: string };

/** A 422 (or the given coded error) naming each field, in the request's language. */
export const fieldErrors = (problems: readonly FieldProblem[], lang: Lang, error: ErrorFactory = cycleErrors.invalid) =>
  new AppError(
    error.definition,
    {},
    problems.map((p): FieldError => ({ path: p.path, code: p.code, message: format(FIELD_MESSAGES[p.code] ?? { id: 'Nilai tidak valid.', en: 'Invalid value.' }, lang, {}) })),
  );
