import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { AppError, defineError, type FieldError } from '../../platform/http/errors.js';

export const indicatorErrors = {
  invalid: defineError({
    code: 'monev.indicator_invalid',
    status: 422,
    message: { id: 'Indikator tidak dapat disimpan; periksa isian yang ditandai.', en: 'The indicator cannot be saved; check the marked fields.' },
  }),
  notEditable: defineError({
    code: 'monev.indicator_read_only',
    status: 409,
    message: {
      id: 'Indikator hanya dapat diubah sejak penyusunan PKS/NK sampai kerja sama berakhir; tahap saat ini: {state}.',
      en: 'Indicators can be changed from PKS/NK drafting until the cooperation ends; current state: {state}.',
    },
  }),
  forbidden: defineError({
    code: 'monev.indicator_forbidden',
    status: 403,
    message: { id: 'Hanya pemda pihak kerja sama yang dapat mengubah indikator dan mencatat capaiannya.', en: 'Only a party pemda can change indicators and record their values.' },
  }),
  notFound: defineError({ code: 'monev.indicator_not_found', status: 404, message: { id: 'Indikator tidak ditemukan.', en: 'Indicator not found.' } }),
  stale: defineError({
    code: 'monev.indicator_stale',
    status: 409,
    message: { id: 'Indikator ini baru saja diubah orang lain. Muat ulang untuk melihat perubahan terbaru.', en: 'Someone else just changed this indicator. Reload to see the latest version.' },
  }),
};

/** Field-level reasons an indicator or a value is refused; `{…}` are filled from the problem. */
const FIELD_MESSAGES: Record<string, Message> = {
  activity_not_found: { id: 'Kegiatan tidak ada dalam rencana kerja kerja sama ini.', en: 'The activity is not part of this cooperation’s work plan.' },
  target_wrong_side: {
    id: 'Target harus tidak lebih kecil dari baseline untuk indikator naik, dan tidak lebih besar untuk indikator turun.',
    en: 'The target must not be below the baseline for an increasing indicator, nor above it for a decreasing one.',
  },
  period_format: { id: 'Periode harus berformat {example} untuk frekuensi ini.', en: 'The period must look like {example} for this frequency.' },
  region_required: { id: 'Indikator ini dirinci per wilayah; pilih wilayahnya.', en: 'This indicator is broken down by region; choose the region.' },
  region_not_allowed: { id: 'Indikator ini tidak dirinci per wilayah; kosongkan wilayah.', en: 'This indicator is not broken down by region; leave the region empty.' },
  region_unknown: { id: 'Kode wilayah tidak dikenal atau sudah tidak berlaku.', en: 'The region code is unknown or no longer valid.' },
  has_values: { id: 'Sudah ada capaian tercatat; frekuensi dan rincian wilayah tidak dapat diubah lagi.', en: 'Values are already recorded; the frequency and region breakdown can no longer change.' },
};

export type FieldProblem = { path: string; code: string; params?: Record<string, string> };

/** A 422 naming each field that breaks a rule of indicators, in the request's language. */
export const invalidIndicatorFields = (problems: readonly FieldProblem[], lang: Lang) =>
  new AppError(
    indicatorErrors.invalid.definition,
    {},
    problems.map((p): FieldError => ({ path: p.path, code: p.code, message: format(FIELD_MESSAGES[p.code] ?? { id: 'Nilai tidak valid.', en: 'Invalid value.' }, lang, p.params ?? {}) })),
  );
