import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';
import { AppError, commonErrors } from './errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'Stable machine-readable error code, e.g. auth.unauthenticated' }),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Per-field errors, messages in the request language' }),
  })
  .openapi('Problem');

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } };

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** OpenAPI response entries for the problem statuses a route can answer. */
export const problemResponses = <const S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: STATUS_TEXT[s] ?? 'Error', content: problemContent }])) as Record<
    S,
    { description: string; content: typeof problemContent }
  >;

/** Maps framework exceptions (malformed JSON, 415, body limit) to our coded errors. */
const fromHttpException = (err: HTTPException): AppError => {
  if (err.status === 413) return commonErrors.tooLarge({ limit: '' });
  if (err.status === 415) return commonErrors.unsupportedMediaType();
  if (err.status === 400 && /json/i.test(err.message)) return commonErrors.malformedJson();
  if (err.status === 404) return commonErrors.routeNotFound();
  if (err.status === 401) return commonErrors.unauthenticated();
  if (err.status === 403) return commonErrors.forbidden();

  return commonErrors.validation();
};

export const problemBody = (c: Context<AppEnv>, err: AppError) => {
  const lang = c.get('lang') ?? 'id';
  const requestId = c.get('requestId') ?? '';

  return {
    type: `urn:jejaring:problem:${err.code}`,
    title: STATUS_TEXT[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: err.localized(lang),
    instance: c.req.path,
    requestId,
    ...(err.fieldErrors.length > 0 ? { errors: err.fieldErrors } : {}),
    ...err.extra,
  };
};

export const problemResponse = (c: Context<AppEnv>, err: AppError) => {
  const body = problemBody(c, err);
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' };
  const retry = err.extra.retryAfterSeconds;
  if (typeof retry === 'number') headers['retry-after'] = String(Math.ceil(retry));

  // Through the context, so headers set earlier in the request (request id) are kept.
  return c.body(JSON.stringify(body), err.status as 400, headers);
};

/** The one error handler: coded errors become problems, anything else a logged, opaque 500. */
export const handleError = (err: Error, c: Context<AppEnv>) => {
  if (err instanceof AppError) return problemResponse(c, err);
  if (err instanceof HTTPException) return problemResponse(c, fromHttpException(err));
  const requestId = c.get('requestId') ?? '';
  c.get('logger')?.error({ err, requestId, path: c.req.path, method: c.req.method }, 'unhandled error');

  return problemResponse(c, commonErrors.internal({ requestId }));
};
