import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { AppError, defineError, type FieldError } from '../../platform/http/errors.js';

export const reportErrors = {
  invalid: defineError({
    code: 'reports.report_invalid',
    status: 422,
    message: { id: 'Laporan tidak dapat dibuat; periksa isian yang ditandai.', en: 'The report cannot be generated; check the marked fields.' },
  }),
  notFound: defineError({ code: 'reports.report_not_found', status: 404, message: { id: 'Laporan tidak ditemukan.', en: 'Report not found.' } }),
  forbidden: defineError({
    code: 'reports.report_forbidden',
    status: 403,
    message: { id: 'Anda tidak berwenang melakukan tindakan ini pada laporan tersebut.', en: 'You are not allowed to do this with that report.' },
  }),
  exists: defineError({
    code: 'reports.report_exists',
    status: 409,
    message: { id: 'Laporan periode ini sudah ada; buka laporan tersebut untuk membuat ulang.', en: 'A report for this period already exists; open it to regenerate.' },
  }),
  locked: defineError({
    code: 'reports.report_locked',
    status: 409,
    message: {
      id: 'Laporan sudah diterima pada {reviewedAt} dan terkunci: isinya tidak dapat dibuat ulang atau diubah.',
      en: 'The report was accepted on {reviewedAt} and is locked: it can no longer be regenerated or changed.',
    },
  }),
  wrongStatus: defineError({
    code: 'reports.report_wrong_status',
    status: 409,
    message: { id: 'Tindakan ini tidak berlaku untuk laporan berstatus {status}.', en: 'This action does not apply to a report with status {status}.' },
  }),
  stale: defineError({
    code: 'reports.report_stale',
    status: 409,
    message: { id: 'Laporan ini baru saja diubah orang lain. Muat ulang untuk melihat perubahan terbaru.', en: 'Someone else just changed this report. Reload to see the latest version.' },
  }),
};

const FIELD_MESSAGES: Record<string, Message> = {
  period_not_ended: { id: 'Periode ini belum berakhir (berakhir {end}); laporan dibuat setelah periode selesai.', en: 'This period has not ended yet (it ends {end}); a report is made after the period.' },
  period_not_in_rules: { id: 'Aturan pelaporan yang berlaku tidak mengenal periode ini.', en: 'The reporting rules in force have no such period.' },
  organization_unknown: { id: 'Pemerintah daerah tidak ditemukan atau bukan wilayah Anda.', en: 'The regional government is unknown or not yours.' },
  comment_required: { id: 'Tuliskan alasan pengembalian laporan.', en: 'Write why the report is returned.' },
};

export type FieldProblem = { path: string; code: string; params?: Record<string, string> };

/** A 422 naming each field that breaks a rule of reports, in the request's language. */
export const invalidReportFields = (problems: readonly FieldProblem[], lang: Lang) =>
  new AppError(
    reportErrors.invalid.definition,
    {},
    problems.map((p): FieldError => ({ path: p.path, code: p.code, message: format(FIELD_MESSAGES[p.code] ?? { id: 'Nilai tidak valid.', en: 'Invalid value.' }, lang, p.params ?? {}) })),
  );
