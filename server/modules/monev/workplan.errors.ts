import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { AppError, defineError, type FieldError } from '../../platform/http/errors.js';

export const workPlanErrors = {
  invalid: defineError({
    code: 'monev.work_plan_invalid',
    status: 422,
    message: { id: 'Rencana kerja tidak dapat disimpan; periksa isian yang ditandai.', en: 'The work plan item cannot be saved; check the marked fields.' },
  }),
  notEditable: defineError({
    code: 'monev.work_plan_read_only',
    status: 409,
    message: {
      id: 'Rencana kerja hanya dapat diubah sejak penyusunan PKS/NK sampai kerja sama berakhir; tahap saat ini: {state}.',
      en: 'The work plan can be changed from PKS/NK drafting until the cooperation ends; current state: {state}.',
    },
  }),
  forbidden: defineError({
    code: 'monev.work_plan_forbidden',
    status: 403,
    message: {
      id: 'Hanya pemda pihak kerja sama yang dapat mengubah rencana kerja; mitra hanya memperbarui status kewajibannya sendiri.',
      en: "Only a party pemda can change the work plan; a partner only updates the status of its own obligations.",
    },
  }),
  partnerFieldsLimited: defineError({
    code: 'monev.partner_fields_limited',
    status: 403,
    message: { id: 'Mitra hanya dapat mengubah status dan catatan kewajibannya.', en: 'A partner may only change the status and note of its obligations.' },
  }),
  activityNotFound: defineError({ code: 'monev.activity_not_found', status: 404, message: { id: 'Kegiatan tidak ditemukan.', en: 'Activity not found.' } }),
  obligationNotFound: defineError({ code: 'monev.obligation_not_found', status: 404, message: { id: 'Kewajiban tidak ditemukan.', en: 'Obligation not found.' } }),
  milestoneNotFound: defineError({ code: 'monev.milestone_not_found', status: 404, message: { id: 'Tonggak capaian tidak ditemukan.', en: 'Milestone not found.' } }),
  staleActivity: defineError({
    code: 'monev.activity_stale',
    status: 409,
    message: { id: 'Kegiatan ini baru saja diubah orang lain. Muat ulang untuk melihat perubahan terbaru.', en: 'Someone else just changed this activity. Reload to see the latest version.' },
  }),
  figuresLocked: defineError({
    code: 'monev.activity_figures_locked',
    status: 409,
    message: {
      id: 'Kemajuan dan realisasi kegiatan ini berasal dari pembaruan yang sudah disetujui; ubah lewat koreksi pembaruan.',
      en: 'This activity’s progress and realisation come from an approved update; change them through a correction of that update.',
    },
  }),
  activityHasMilestones: defineError({
    code: 'monev.activity_has_milestones',
    status: 409,
    message: {
      id: 'Kegiatan ini masih memiliki {count} tonggak capaian. Hapus atau pindahkan tonggaknya terlebih dahulu.',
      en: 'This activity still has {count} milestone(s). Delete or move them first.',
    },
  }),
};

/** Field-level reasons a work plan item is refused; `{…}` are filled from the problem. */
const FIELD_MESSAGES: Record<string, Message> = {
  not_a_party: { id: 'Organisasi ini bukan pihak dalam kerja sama.', en: 'This organisation is not a party to the cooperation.' },
  opd_not_of_party: { id: 'OPD harus perangkat daerah dari pemda pihak penanggung jawab.', en: 'The OPD must belong to the responsible party’s pemda.' },
  document_not_agreement: {
    id: 'Dokumen harus PKS, NK atau Rencana Kerja dari kerja sama ini.',
    en: 'The document must be a PKS, NK or work plan of this cooperation.',
  },
  activity_not_found: { id: 'Kegiatan tidak ada dalam kerja sama ini.', en: 'The activity is not part of this cooperation.' },
  end_before_start: { id: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', en: 'The end date cannot be before the start date.' },
  figure_locked: {
    id: 'Angka ini terkunci oleh pembaruan kemajuan yang disetujui; ajukan koreksi pembaruan.',
    en: 'This figure is locked by an approved progress update; file a correction of the update.',
  },
  outside_term: { id: 'Tanggal harus dalam jangka waktu kerja sama ({start} s.d. {end}).', en: 'The date must fall within the cooperation’s term ({start} to {end}).' },
};

export type FieldProblem = { path: string; code: keyof typeof FIELD_MESSAGES | string; params?: Record<string, string> };

/** A 422 naming each field that breaks a rule of the plan, in the request's language. */
export const invalidFields = (problems: readonly FieldProblem[], lang: Lang, error = workPlanErrors.invalid) =>
  new AppError(
    error.definition,
    {},
    problems.map((p): FieldError => ({ path: p.path, code: p.code, message: format(FIELD_MESSAGES[p.code] ?? { id: 'Nilai tidak valid.', en: 'Invalid value.' }, lang, p.params ?? {}) })),
  );
