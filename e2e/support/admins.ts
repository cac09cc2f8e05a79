import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, PLATFORM_ADMIN, TENANT_ADMIN_HSS } from './accounts';
import { login, post, signIn, type ApiSession } from './api';
import { totpCode } from './totp';

/**
 * The demo administrators must enrol two-factor at their first sign-in. The suite enrols them once
 * per server through the API and keeps their secrets in e2e/.state/, so that any journey, in any
 * order, can sign them in. A file left by an earlier run (another server, another database) is
 * recognised because the server then still lets the admin in without a code, and is replaced.
 */
const STATE_FILE = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '.state', 'admins.json');

export type AdminSecrets = { platform: string; hss: string };
type Stored = Record<string, string>;

const readStored = (): Stored => {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as Stored;
  } catch {
    return {};
  }
};

const writeStored = (stored: Stored) => {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, `${JSON.stringify(stored, null, 2)}\n`);
};

/** Enrols the account unless this server already has it enrolled; returns its TOTP secret. */
const ensureEnrolled = async (request: APIRequestContext, email: string, stored: Stored): Promise<string> => {
  const first = await login(request, email, DEMO_PASSWORD);
  if (first.status === 401 && first.code === 'auth.totp_required') {
    const secret = stored[email];
    if (!secret) throw new Error(`${email} is enrolled on this server but e2e/.state/admins.json has no secret for it`);

    return secret;
  }
  if (first.status !== 200 || !first.csrf || !first.userId) throw new Error(`first sign-in of ${email} answered ${first.status} ${first.code ?? ''}`);
  const session: ApiSession = { request, csrf: first.csrf, userId: first.userId };
  const { secret } = await post<{ secret: string }>(session, '/api/auth/totp/setup');
  await post(session, '/api/auth/totp/enable', { code: totpCode(secret) });
  await post(session, '/api/auth/logout');
  stored[email] = secret;
  writeStored(stored);

  return secret;
};

export const enrolAdmins = async (request: APIRequestContext): Promise<AdminSecrets> => {
  const stored = readStored();

  return {
    platform: await ensureEnrolled(request, PLATFORM_ADMIN.email, stored),
    hss: await ensureEnrolled(request, TENANT_ADMIN_HSS.email, stored),
  };
};

export const signInAdmin = (request: APIRequestContext, email: string, secret: string) => signIn(request, email, DEMO_PASSWORD, totpCode(secret));
