import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { todayWib } from './accounts';

/**
 * The HTTP API, used to prepare what a journey needs (accounts, roles) quickly. Writes carry the
 * CSRF token the login answered with, as the web app does.
 */
export type ApiSession = { request: APIRequestContext; csrf: string; userId: string };

const json = async <T>(response: APIResponse, what: string): Promise<T> => {
  if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${await response.text()}`);

  // 204 No Content (sign-out) has no body to read.
  return (response.status() === 204 ? undefined : await response.json()) as T;
};

export type LoginOutcome = { status: number; code: string | undefined; csrf: string | undefined; userId: string | undefined };

/** One login call; the cookies land in the request context (a browser context's request shares them with its pages). */
export const login = async (request: APIRequestContext, email: string, password: string, totp?: string): Promise<LoginOutcome> => {
  const response = await request.post('/api/auth/login', { data: { email, password, ...(totp ? { totp } : {}) } });
  const body = (await response.json()) as { code?: string; csrfToken?: string; userId?: string };

  return { status: response.status(), code: body.code, csrf: body.csrfToken, userId: body.userId };
};

export const signIn = async (request: APIRequestContext, email: string, password: string, totp?: string): Promise<ApiSession> => {
  const outcome = await login(request, email, password, totp);
  if (outcome.status !== 200 || !outcome.csrf || !outcome.userId) throw new Error(`sign-in of ${email} answered ${outcome.status} ${outcome.code ?? ''}`);

  return { request, csrf: outcome.csrf, userId: outcome.userId };
};

export const post = async <T>(session: ApiSession, path: string, data?: unknown): Promise<T> =>
  json<T>(await session.request.post(path, { headers: { 'x-csrf-token': session.csrf }, ...(data === undefined ? {} : { data }) }), `POST ${path}`);

export const get = async <T>(session: ApiSession, path: string): Promise<T> => json<T>(await session.request.get(path), `GET ${path}`);

type Organization = { id: string; name: string; type: string; tenantId: string | null };

/** The organisation with exactly this name, as the signed-in user can see it. */
export const organizationNamed = async (session: ApiSession, name: string): Promise<Organization> => {
  const list = await get<{ items: Organization[] }>(session, `/api/organizations?q=${encodeURIComponent(name)}&limit=50`);
  const found = list.items.find((o) => o.name === name);
  if (!found) throw new Error(`organisation "${name}" not visible to the API session`);

  return found;
};

export type NewUser = { id: string; email: string; name: string; password: string };

/** A fresh account holding one role from today, for journeys that need an untouched user. */
export const createUserWithRole = async (
  admin: ApiSession,
  input: { email: string; name: string; organization: string; role: string; password: string; locale?: 'id' | 'en' },
): Promise<NewUser> => {
  const org = await organizationNamed(admin, input.organization);
  const user = await post<{ id: string }>(admin, '/api/users', { email: input.email, name: input.name, orgId: org.id, password: input.password, locale: input.locale ?? 'id' });
  await post(admin, `/api/users/${user.id}/roles`, { role: input.role, orgId: org.id, validFrom: todayWib() });

  return { id: user.id, email: input.email, name: input.name, password: input.password };
};

/** The server refuses a session that has ended: /api/me answers 401. */
export const expectSessionRefused = async (request: APIRequestContext) => {
  const response = await request.get('/api/me');
  expect(response.status()).toBe(401);
};
