import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** Random session and CSRF tokens; only SHA-256 digests of session tokens are stored. */
export const newToken = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);

  return x.length === y.length && timingSafeEqual(x, y);
};

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, issuer: string, label: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), issuer, label, algorithm: 'SHA1', digits: 6, period: 30 });

export const totpUri = (secret: string, issuer: string, label: string) => totpOf(secret, issuer, label).toString();

/** Accepts the current code and one step either side (clock drift of phones). */
export const verifyTotp = (secret: string, token: string, now: Date) =>
  /^\d{6}$/.test(token) && totpOf(secret, 'x', 'x').validate({ token, window: 1, timestamp: now.getTime() }) !== null;

export const totpCode = (secret: string, now: Date) => totpOf(secret, 'x', 'x').generate({ timestamp: now.getTime() });

/** Ten one-time recovery codes like "k7mq2-p4xvd" (50 bits each). */
export const newRecoveryCodes = (count = 10) =>
  Array.from({ length: count }, () => {
    const raw = randomBytes(8).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(10, '7').slice(0, 10);

    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });

export const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/\s+/g, '');
