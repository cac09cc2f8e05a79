import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../../contracts/api';
import { readCookie } from './cookies';

export type Schemas = components['schemas'];

const CSRF_COOKIE = 'jj_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Only these mean "no valid session"; other 401s (a wrong two-factor code) are answers to show. */
const SESSION_ENDED = new Set(['auth.unauthenticated', 'auth.session_invalid']);

/** A failed API call, read from the server's application/problem+json answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** Message per field path ("email", "query.q"), in the language the server answered in. */
  readonly fieldErrors: Record<string, string>;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { status: number; code: string; detail: string; fieldErrors?: Record<string, string>; retryAfterSeconds?: number | undefined }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

type ProblemLike = { code?: unknown; detail?: unknown; errors?: unknown; retryAfterSeconds?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Turns a response and its parsed body into an ApiError; bodies that are not problems get a generic code. */
export const toApiError = (response: Response, body: unknown): ApiError => {
  const problem: ProblemLike = isRecord(body) ? body : {};
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(problem.errors))
    for (const e of problem.errors)
      if (isRecord(e) && typeof e.path === 'string' && typeof e.message === 'string' && !(e.path in fieldErrors)) fieldErrors[e.path] = e.message;

  return new ApiError({
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : `http.${response.status}`,
    detail: typeof problem.detail === 'string' ? problem.detail : response.statusText,
    fieldErrors,
    retryAfterSeconds: typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined,
  });
};

let onSessionEnded: (() => void) | undefined;

/** The app decides what "go to sign-in" means (router navigation, cache reset). */
export const setSessionEndedHandler = (handler: (() => void) | undefined) => {
  onSessionEnded = handler;
};

const csrfAndSession: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method)) return request;
    const token = readCookie(CSRF_COOKIE);
    if (token) request.headers.set('X-CSRF-Token', token);

    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || new URL(request.url).pathname === '/api/auth/login') return response;
    const body: unknown = await response.clone().json().catch(() => undefined);
    if (isRecord(body) && typeof body.code === 'string' && SESSION_ENDED.has(body.code)) onSessionEnded?.();

    return response;
  },
};

/** The one typed API client; types come only from contracts/api.d.ts. */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  // Looked up per call so tests (and polyfills) can replace fetch after start-up.
  fetch: (request) => globalThis.fetch(request),
});
api.use(csrfAndSession);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError (status 0 when offline). */
export const unwrap = async <T>(pending: Promise<Result<T>>): Promise<T> => {
  let result: Result<T>;
  try {
    result = await pending;
  } catch {
    throw new ApiError({ status: 0, code: 'network.unreachable', detail: '' });
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);

  return result.data as T;
};
