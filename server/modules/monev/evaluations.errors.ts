import { defineError } from '../../platform/http/errors.js';

export const evaluationErrors = {
  notFound: defineError({
    code: 'monev.evaluation_not_found',
    status: 404,
    message: { id: 'Evaluasi tidak ditemukan.', en: 'Evaluation not found.' },
  }),
  openForbidden: defineError({
    code: 'monev.evaluation_open_forbidden',
    status: 403,
    message: {
      id: 'Hanya sekretariat kerja sama pemda pihak yang dapat membuka evaluasi.',
      en: "Only the cooperation secretariat of a party pemda can open an evaluation.",
    },
  }),
  notInForce: defineError({
    code: 'monev.evaluation_not_in_force',
    status: 409,
    message: {
      id: 'Evaluasi hanya untuk kerja sama yang berlaku atau sudah berakhir; tahap saat ini: {state}.',
      en: 'Only a cooperation in force or ended can be evaluated; current state: {state}.',
    },
  }),
  alreadyOpen: defineError({
    code: 'monev.evaluation_already_open',
    status: 409,
    message: {
      id: 'Sudah ada evaluasi terbuka untuk periode {period}; selesaikan evaluasi itu terlebih dahulu.',
      en: 'An evaluation for the period {period} is already open; finalise that one first.',
    },
  }),
  finalised: defineError({
    code: 'monev.evaluation_finalised',
    status: 409,
    message: { id: 'Evaluasi ini sudah difinalkan dan terkunci.', en: 'This evaluation is finalised and locked.' },
  }),
  notRater: defineError({
    code: 'monev.evaluation_not_rater',
    status: 403,
    message: {
      id: 'Anda tidak termasuk penilai evaluasi ini (OPD, mitra, TKKSD, atau sekretariat pihak).',
      en: 'You are not a rater of this evaluation (OPD, partner, TKKSD or secretariat of a party).',
    },
  }),
  ratingsInvalid: defineError({
    code: 'monev.ratings_invalid',
    status: 422,
    message: { id: 'Penilaian tidak dapat disimpan; periksa isian yang ditandai.', en: 'The ratings cannot be saved; check the marked fields.' },
  }),
  finaliseForbidden: defineError({
    code: 'monev.evaluation_finalise_forbidden',
    status: 403,
    message: { id: 'Hanya sekretariat pemda yang membuka evaluasi ini yang dapat memfinalkannya.', en: 'Only the secretariat of the pemda that opened this evaluation can finalise it.' },
  }),
  nothingRated: defineError({
    code: 'monev.evaluation_not_rated',
    status: 409,
    message: { id: 'Evaluasi belum dapat difinalkan karena belum ada penilaian.', en: 'The evaluation cannot be finalised before anyone has rated it.' },
  }),
  rubricForbidden: defineError({
    code: 'monev.rubric_forbidden',
    status: 403,
    message: {
      id: 'Hanya admin pemda atau sekretariat kerja sama yang dapat menerbitkan rubrik evaluasi pemda ini.',
      en: "Only the pemda's administrator or cooperation secretariat can publish its evaluation rubric.",
    },
  }),
  rubricNoTenant: defineError({
    code: 'monev.rubric_no_tenant',
    status: 403,
    message: { id: 'Rubrik evaluasi diterbitkan oleh pemda; akun Anda tidak berada di pemda.', en: 'Evaluation rubrics are published by a pemda; your account does not belong to one.' },
  }),
  rubricInvalid: defineError({
    code: 'monev.rubric_invalid',
    status: 422,
    message: { id: 'Rubrik tidak valid; periksa isian yang ditandai.', en: 'The rubric is not valid; check the marked fields.' },
  }),
  rubricBackdated: defineError({
    code: 'monev.rubric_backdated',
    status: 422,
    message: { id: 'Tanggal berlaku tidak boleh sebelum hari ini.', en: 'The valid-from date cannot be before today.' },
  }),
};
