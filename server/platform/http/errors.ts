import { format, type Lang, type Message, type Param } from '../i18n/i18n.js';

/** One field that failed validation: where, a stable code, and a message in the user's language. */
export type FieldError = { path: string; code: string; message: string };

export type ErrorDefinition = { code: string; status: number; message: Message };

/**
 * A coded, expected error. Modules declare them with defineError in their errors file; the error
 * handler turns them into RFC 9457 problem+json in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly definition: ErrorDefinition,
    readonly params: Record<string, Param> = {},
    readonly fieldErrors: FieldError[] = [],
    /** Extra members for the problem body (e.g. retryAfterSeconds); never internals. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(definition.code);
    this.name = 'AppError';
  }

  get code() {
    return this.definition.code;
  }

  get status() {
    return this.definition.status;
  }

  localized(lang: Lang) {
    return format(this.definition.message, lang, this.params);
  }
}

export type ErrorFactory = ((params?: Record<string, Param>, extra?: Record<string, unknown>) => AppError) & {
  definition: ErrorDefinition;
};

export const defineError = (definition: ErrorDefinition): ErrorFactory => {
  const factory = (params?: Record<string, Param>, extra?: Record<string, unknown>) =>
    new AppError(definition, params, [], extra);

  return Object.assign(factory, { definition });
};

/** Errors every module may raise. */
export const commonErrors = {
  validation: defineError({
    code: 'request.invalid',
    status: 400,
    message: { id: 'Data yang dikirim tidak valid.', en: 'The request is not valid.' },
  }),
  malformedJson: defineError({
    code: 'request.malformed_json',
    status: 400,
    message: { id: 'Isi permintaan bukan JSON yang benar.', en: 'The request body is not well-formed JSON.' },
  }),
  unsupportedMediaType: defineError({
    code: 'request.unsupported_media_type',
    status: 415,
    message: { id: 'Jenis isi permintaan tidak didukung.', en: 'The request content type is not supported.' },
  }),
  tooLarge: defineError({
    code: 'request.too_large',
    status: 413,
    message: { id: 'Permintaan terlalu besar (batas {limit}).', en: 'The request is too large (limit {limit}).' },
  }),
  unauthenticated: defineError({
    code: 'auth.unauthenticated',
    status: 401,
    message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  }),
  forbidden: defineError({
    code: 'auth.forbidden',
    status: 403,
    message: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  }),
  twoFactorEnrolmentRequired: defineError({
    code: 'auth.two_factor_enrolment_required',
    status: 403,
    message: {
      id: 'Peran Anda mewajibkan verifikasi dua langkah. Aktifkan dulu di halaman Keamanan Akun.',
      en: 'Your role requires two-factor authentication. Turn it on in Account security first.',
    },
  }),
  csrf: defineError({
    code: 'auth.csrf_failed',
    status: 403,
    message: {
      id: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.',
      en: 'The security (CSRF) token is missing or wrong. Reload the page and try again.',
    },
  }),
  notFound: defineError({
    code: 'resource.not_found',
    status: 404,
    message: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  }),
  routeNotFound: defineError({
    code: 'route.not_found',
    status: 404,
    message: { id: 'Alamat tidak ditemukan.', en: 'No such address.' },
  }),
  methodNotAllowed: defineError({
    code: 'route.method_not_allowed',
    status: 405,
    message: { id: 'Metode tidak diizinkan untuk alamat ini.', en: 'Method not allowed for this address.' },
  }),
  conflict: defineError({
    code: 'resource.conflict',
    status: 409,
    message: { id: 'Data bertentangan dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  }),
  internal: defineError({
    code: 'internal.error',
    status: 500,
    message: {
      id: 'Terjadi kesalahan pada server. Laporkan kode permintaan {requestId} kepada admin.',
      en: 'Something went wrong on the server. Report request id {requestId} to the administrator.',
    },
  }),
  unavailable: defineError({
    code: 'service.unavailable',
    status: 503,
    message: { id: 'Layanan sedang berhenti. Coba lagi sebentar lagi.', en: 'The service is shutting down. Try again shortly.' },
  }),
};
