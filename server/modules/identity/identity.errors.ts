import { AppError, defineError, type ErrorFactory } from '../../platform/http/errors.js';
import { format, type Lang, type Message } from '../../platform/i18n/i18n.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem } from './identity.passwords.js';

export const identityErrors = {
  invalidCredentials: defineError({
    code: 'auth.invalid_credentials',
    status: 401,
    message: { id: 'E-mail atau kata sandi salah.', en: 'Wrong e-mail address or password.' },
  }),
  totpRequired: defineError({
    code: 'auth.totp_required',
    status: 401,
    message: { id: 'Masukkan kode verifikasi dua langkah dari aplikasi autentikator.', en: 'Enter the two-factor code from your authenticator app.' },
  }),
  totpInvalid: defineError({
    code: 'auth.totp_invalid',
    status: 401,
    message: { id: 'Kode verifikasi salah atau kedaluwarsa.', en: 'The verification code is wrong or has expired.' },
  }),
  lockedOut: defineError({
    code: 'auth.locked_out',
    status: 429,
    message: {
      id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.',
      en: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
    },
  }),
  rateLimited: defineError({
    code: 'auth.rate_limited',
    status: 429,
    message: { id: 'Terlalu banyak percobaan dari alamat ini. Coba lagi nanti.', en: 'Too many attempts from this address. Try again later.' },
  }),
  sessionInvalid: defineError({
    code: 'auth.session_invalid',
    status: 401,
    message: { id: 'Sesi Anda sudah berakhir. Silakan masuk lagi.', en: 'Your session has ended. Please sign in again.' },
  }),
  weakPassword: defineError({
    code: 'auth.weak_password',
    status: 400,
    message: { id: 'Kata sandi tidak memenuhi syarat.', en: 'The password does not meet the rules.' },
  }),
  wrongPassword: defineError({
    code: 'auth.wrong_password',
    status: 400,
    message: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  }),
  totpAlreadyEnabled: defineError({
    code: 'auth.totp_already_enabled',
    status: 409,
    message: { id: 'Verifikasi dua langkah sudah aktif.', en: 'Two-factor authentication is already on.' },
  }),
  totpNotStarted: defineError({
    code: 'auth.totp_not_started',
    status: 409,
    message: { id: 'Mulai pendaftaran autentikator terlebih dahulu.', en: 'Start the authenticator enrolment first.' },
  }),
  totpRequiredByRole: defineError({
    code: 'auth.totp_required_by_role',
    status: 409,
    message: { id: 'Peran Anda mewajibkan verifikasi dua langkah; tidak dapat dimatikan.', en: 'Your role requires two-factor authentication; it cannot be turned off.' },
  }),
  userNotFound: defineError({
    code: 'identity.user_not_found',
    status: 404,
    message: { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  }),
  invitationInvalid: defineError({
    code: 'identity.invitation_invalid',
    status: 410,
    message: {
      id: 'Tautan undangan ini sudah dipakai atau kedaluwarsa. Minta undangan baru kepada sekretariat kerja sama.',
      en: 'This invitation link was already used or has expired. Ask the cooperation secretariat for a new one.',
    },
  }),
  inviteeElsewhere: defineError({
    code: 'identity.invitee_elsewhere',
    status: 409,
    message: {
      id: 'Alamat {email} sudah dipakai akun di organisasi lain.',
      en: 'The address {email} already belongs to an account in another organisation.',
    },
  }),
  emailTaken: defineError({
    code: 'identity.email_taken',
    status: 409,
    message: { id: 'Alamat e-mail {email} sudah terdaftar.', en: 'The e-mail address {email} is already registered.' },
  }),
  roleNotAllowedInOrg: defineError({
    code: 'identity.role_not_allowed_in_org',
    status: 422,
    message: { id: 'Peran {role} tidak dapat diberikan pada organisasi jenis {orgType}.', en: 'Role {role} cannot be held in an organisation of type {orgType}.' },
  }),
  cannotResetOwnTwoFactor: defineError({
    code: 'identity.cannot_reset_own_two_factor',
    status: 409,
    message: {
      id: 'Verifikasi dua langkah akun sendiri tidak dapat direset; minta admin lain.',
      en: 'You cannot reset your own two-factor sign-in; ask another administrator.',
    },
  }),
  roleAssignmentNotFound: defineError({
    code: 'identity.role_assignment_not_found',
    status: 404,
    message: { id: 'Penugasan peran tidak ditemukan.', en: 'Role assignment not found.' },
  }),
  cannotGrantRole: defineError({
    code: 'identity.cannot_grant_role',
    status: 403,
    message: { id: 'Anda tidak berwenang memberikan peran {role}.', en: 'You may not grant the role {role}.' },
  }),
  totpNotEnabled: defineError({
    code: 'auth.totp_not_enabled',
    status: 409,
    message: { id: 'Verifikasi dua langkah belum aktif.', en: 'Two-factor authentication is not on.' },
  }),
  totpCodeInvalid: defineError({
    code: 'auth.totp_code_invalid',
    status: 400,
    message: { id: 'Kode dari aplikasi autentikator salah atau kedaluwarsa.', en: 'The authenticator code is wrong or has expired.' },
  }),
  orgNotAllowed: defineError({
    code: 'identity.org_not_allowed',
    status: 422,
    message: { id: 'Organisasi tidak ditemukan atau di luar wewenang Anda.', en: 'The organisation does not exist or is outside your authority.' },
  }),
  cannotDisableSelf: defineError({
    code: 'identity.cannot_disable_self',
    status: 409,
    message: { id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.', en: 'You cannot disable your own account.' },
  }),
  unknownRole: defineError({
    code: 'identity.unknown_role',
    status: 422,
    message: { id: 'Peran {role} tidak dikenal.', en: 'Unknown role {role}.' },
  }),
  rolePeriodInvalid: defineError({
    code: 'identity.role_period_invalid',
    status: 422,
    message: { id: 'Tanggal akhir peran tidak boleh sebelum tanggal mulai ({validFrom}).', en: 'A role cannot end before it starts ({validFrom}).' },
  }),
  roleAlreadyHeld: defineError({
    code: 'identity.role_already_held',
    status: 409,
    message: {
      id: 'Pengguna sudah memegang peran {role} di organisasi ini pada periode yang bertumpang tindih.',
      en: 'The user already holds role {role} in this organisation for an overlapping period.',
    },
  }),
  roleAssignmentRevoked: defineError({
    code: 'identity.role_assignment_revoked',
    status: 409,
    message: { id: 'Penugasan peran ini sudah dicabut.', en: 'This role assignment has already been revoked.' },
  }),
};

const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, Message> = {
  too_short: { id: 'Minimal {min} karakter.', en: 'At least {min} characters.' },
  too_long: { id: 'Maksimal {max} karakter.', en: 'At most {max} characters.' },
  common: { id: 'Kata sandi ini terlalu umum dan mudah ditebak.', en: 'This password is too common and easy to guess.' },
  contains_email: { id: 'Kata sandi tidak boleh memuat nama alamat e-mail.', en: 'The password must not contain the name of the e-mail address.' },
};

const withFieldError = (factory: ErrorFactory, path: string, code: string, message: string) => new AppError(factory.definition, {}, [{ path, code, message }]);

/**
 * A password that breaks a rule, reported on the field that carried it. Field messages are
 * rendered here because problem bodies print field errors as they are.
 */
export const weakPasswordError = (problem: PasswordProblem, field: string, lang: Lang) =>
  withFieldError(identityErrors.weakPassword, field, problem, format(PASSWORD_PROBLEM_MESSAGES[problem], lang, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }));

export const wrongPasswordError = (field: string, lang: Lang) =>
  withFieldError(identityErrors.wrongPassword, field, 'wrong_password', format(identityErrors.wrongPassword.definition.message, lang));
