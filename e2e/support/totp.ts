import { Secret, TOTP } from 'otpauth';

/** The six-digit code an authenticator app would show now for this secret. */
export const totpCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
