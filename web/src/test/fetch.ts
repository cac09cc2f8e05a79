import { vi } from 'vitest';

export type Reply = { status?: number; body?: unknown; problem?: boolean };
export type Handler = (request: Request) => Reply | Promise<Reply>;

/**
 * Replaces fetch with a table of "METHOD /path" handlers (query strings ignored) and records every
 * request, so tests state exactly what the server answers.
 */
export const mockFetch = (routes: Record<string, Handler | Reply | (Handler | Reply)[]>) => {
  const calls: Request[] = [];
  const queues = new Map(Object.entries(routes).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]));
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(String(input));
    calls.push(request.clone());
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const queue = queues.get(key);
    if (!queue || queue.length === 0) throw new Error(`unexpected request ${key}`);
    const next = queue.length > 1 ? queue.shift()! : queue[0]!;
    const reply = typeof next === 'function' ? await next(request) : next;
    const status = reply.status ?? 200;
    if (status === 204) return new Response(null, { status });
    const isProblem = reply.problem ?? status >= 400;

    return new Response(JSON.stringify(reply.body ?? {}), { status, headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);

  return { calls, fetchMock };
};

export const problem = (status: number, code: string, detail: string, errors?: { path: string; code: string; message: string }[]): Reply => ({
  status,
  body: { type: `urn:jejaring:problem:${code}`, title: 'Error', status, code, detail, instance: '/api', requestId: 'test-request', ...(errors ? { errors } : {}) },
});
