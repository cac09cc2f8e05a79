import { defineError } from '../../platform/http/errors.js';

export const plenaryErrors = {
  invalid: defineError({ code: 'mapping.plenary_invalid', status: 422, message: { id: 'Penilaian atau keputusan pleno tidak dapat disimpan; periksa isian yang ditandai.', en: 'The plenary scores or decision cannot be saved; check the marked fields.' } }),
  notOpen: defineError({
    code: 'mapping.plenary_not_open',
    status: 409,
    message: { id: 'Penilaian dan keputusan rapat pleno hanya dapat dilakukan pada tahap Penyusunan & Pembahasan atau Penetapan.', en: 'Plenary scoring and decisions happen only during Penyusunan & Pembahasan or Penetapan.' },
  }),
  meetingNotPlenary: defineError({
    code: 'mapping.plenary_meeting_invalid',
    status: 409,
    message: { id: 'Rapat yang dipilih bukan Rapat Pleno TKKSD pemda ini untuk siklus pemetaan ini.', en: 'The chosen meeting is not a TKKSD plenary of this pemda for this mapping cycle.' },
  }),
  meetingNotHeld: defineError({
    code: 'mapping.plenary_meeting_not_held',
    status: 409,
    message: { id: 'Rapat pleno belum terlaksana: catat notulennya terlebih dahulu.', en: 'The plenary has not been held yet: record its minutes first.' },
  }),
  noAttendance: defineError({ code: 'mapping.plenary_no_attendance', status: 409, message: { id: 'Catat kehadiran peserta rapat pleno terlebih dahulu.', en: 'Record who attended the plenary first.' } }),
  unscored: defineError({
    code: 'mapping.plenary_unscored',
    status: 409,
    message: { id: '{count} usulan prioritas belum dinilai pada semua kriteria.', en: '{count} priority item(s) are not scored on every criterion.' },
  }),
  notDecided: defineError({ code: 'mapping.plenary_not_decided', status: 409, message: { id: 'Rapat pleno belum memutuskan skala prioritas.', en: 'The plenary has not decided the priority list yet.' } }),
  stale: defineError({ code: 'mapping.plenary_stale', status: 409, message: { id: 'Keputusan pleno baru saja diubah orang lain. Muat ulang.', en: 'Someone else just changed the plenary decision. Reload.' } }),
};
