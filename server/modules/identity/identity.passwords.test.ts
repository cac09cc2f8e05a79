import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './identity.passwords.js';
import { normalizeRecoveryCode, newRecoveryCodes, totpCode, verifyTotp } from './identity.tokens.js';

describe('password rules', () => {
  it('refuses passwords shorter than 12 characters', () => {
    assert.equal(passwordProblem('Pendek-123'), 'too_short');
    assert.equal(passwordProblem('Cukup-Panjang'), undefined);
  });

  it('refuses passwords longer than 256 characters', () => {
    assert.equal(passwordProblem('a-Ok'.repeat(65)), 'too_long');
  });

  it('refuses common passwords whatever their case', () => {
    assert.equal(passwordProblem('password1234'), 'common');
    assert.equal(passwordProblem('PASSWORD1234'), 'common');
  });

  it('refuses a password containing the name part of the e-mail address', () => {
    assert.equal(passwordProblem('Budi.Santoso-2026!', 'budi.santoso@hss.go.id'), 'contains_email');
    // Very short e-mail names are too likely to occur by chance to forbid.
    assert.equal(passwordProblem('Kebun-Raya-Ani-2026', 'ani@hss.go.id'), undefined);
  });

  it('accepts a long, unusual passphrase', () => {
    assert.equal(passwordProblem('kopi-susu-di-banjarmasin-pagi', 'budi@hss.go.id'), undefined);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('kopi-susu-di-banjarmasin');
    assert.match(stored, /^\$argon2id\$/);
    assert.equal(await verifyPassword(stored, 'kopi-susu-di-banjarmasin'), true);
    assert.equal(await verifyPassword(stored, 'kopi-susu-di-banjarbaru'), false);
    assert.equal(await verifyPassword('not-a-hash', 'anything'), false);
  });
});

describe('second-factor codes', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const now = new Date('2026-03-02T02:00:00Z');

  it('accepts the current authenticator code and one step of clock drift, not older', () => {
    assert.equal(verifyTotp(secret, totpCode(secret, now), now), true);
    assert.equal(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now), true);
    assert.equal(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 120_000)), now), false);
    assert.equal(verifyTotp(secret, 'abcdef', now), false);
  });

  it('makes ten distinct recovery codes that survive spaces and capitals when typed back', () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const c of codes) assert.match(c, /^[a-z0-9]{5}-[a-z0-9]{5}$/);
    assert.equal(normalizeRecoveryCode(` ${codes[0]!.toUpperCase()} `), codes[0]);
  });
});
