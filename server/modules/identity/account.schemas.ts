import { z } from '@hono/zod-openapi';
import { passwordField } from './users.schemas.js';

export const TotpSetupSchema = z
  .object({
    secret: z.string().openapi({ description: 'Base32 secret, for typing into an authenticator app by hand' }),
    otpauthUri: z.string().openapi({ description: 'otpauth:// URI encoded in the QR code' }),
    qrSvg: z.string().openapi({ description: 'The QR code as an SVG document' }),
  })
  .openapi('TotpSetup');

export const TotpEnableSchema = z
  .strictObject({ code: z.string().trim().min(6).max(10).openapi({ description: 'Six-digit code shown by the authenticator app', example: '492039' }) })
  .openapi('TotpEnable');

export const PasswordConfirmSchema = z
  .strictObject({ password: z.string().min(1).max(1024).openapi({ description: 'The current password, to confirm it is really you' }) })
  .openapi('PasswordConfirm');

export const RecoveryCodesSchema = z
  .object({
    recoveryCodes: z.array(z.string()).openapi({ description: 'Ten one-time codes, shown only now; each signs in once instead of an authenticator code' }),
  })
  .openapi('RecoveryCodes');

export const PasswordChangeSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(1024),
    newPassword: passwordField.openapi({ description: 'At least 12 characters, not a common password, not containing the e-mail name' }),
  })
  .openapi('PasswordChange');
