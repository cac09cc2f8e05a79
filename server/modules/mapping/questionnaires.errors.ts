import { defineError } from '../../platform/http/errors.js';

export const questionnaireErrors = {
  invalid: defineError({ code: 'mapping.questionnaire_invalid', status: 422, message: { id: 'Kuesioner tidak valid; periksa isian yang ditandai.', en: 'The questionnaire is not valid; check the marked fields.' } }),
  notFound: defineError({ code: 'mapping.questionnaire_not_found', status: 404, message: { id: 'Kuesioner tidak ditemukan.', en: 'Questionnaire not found.' } }),
  notLatest: defineError({
    code: 'mapping.questionnaire_not_latest',
    status: 409,
    message: { id: 'Ada versi kuesioner yang lebih baru (versi {version}); ubah versi terbaru.', en: 'A newer version of this questionnaire exists (version {version}); edit the latest one.' },
  }),
  stale: defineError({ code: 'mapping.questionnaire_stale', status: 409, message: { id: 'Kuesioner ini baru saja diubah orang lain. Muat ulang.', en: 'Someone else just changed this questionnaire. Reload.' } }),
};
