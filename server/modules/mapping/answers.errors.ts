import { defineError } from '../../platform/http/errors.js';

export const answerErrors = {
  invalid: defineError({ code: 'mapping.answer_invalid', status: 422, message: { id: 'Jawaban belum dapat dikirim; periksa pertanyaan yang ditandai.', en: 'The answer cannot be sent yet; check the marked questions.' } }),
  notParticipant: defineError({ code: 'mapping.answer_not_participant', status: 404, message: { id: 'OPD ini bukan peserta siklus pemetaan.', en: 'This OPD does not take part in the mapping cycle.' } }),
  answerForbidden: defineError({
    code: 'mapping.answer_forbidden',
    status: 403,
    message: { id: 'Jawaban OPD diisi dan dikirim oleh PPKSD atau kepala OPD tersebut.', en: 'An OPD’s answer is drafted and sent by that OPD’s liaison (PPKSD) or head.' },
  }),
  notAnswering: defineError({
    code: 'mapping.answer_not_open',
    status: 409,
    message: { id: 'Jawaban hanya dapat diisi pada tahap Proses Pemetaan atau Penyusunan & Pembahasan; tahap saat ini: {stage}.', en: 'Answers are written during Proses Pemetaan or Penyusunan & Pembahasan; current stage: {stage}.' },
  }),
  deadlinePassed: defineError({
    code: 'mapping.answer_deadline_passed',
    status: 409,
    message: { id: 'Batas waktu pengisian ({deadline}) sudah lewat. Minta TKKSD atau sekretariat membuka kembali pengisian untuk OPD Anda.', en: 'The deadline ({deadline}) has passed. Ask the TKKSD or the secretariat to reopen submission for your OPD.' },
  }),
  wrongStatus: defineError({ code: 'mapping.answer_wrong_status', status: 409, message: { id: 'Tindakan ini tidak dapat dilakukan pada jawaban berstatus {status}.', en: 'This action is not possible on an answer with status {status}.' } }),
  stale: defineError({ code: 'mapping.answer_stale', status: 409, message: { id: 'Jawaban ini baru saja diubah orang lain. Muat ulang.', en: 'Someone else just changed this answer. Reload.' } }),
};
