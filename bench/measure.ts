import autocannon from 'autocannon';

/** Latency percentiles and throughput of one measured run. */
export type Stats = { requests: number; errors: number; seconds: number; throughput: number; p50: number; p95: number; p99: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export const summarise = (latenciesMs: number[], seconds: number, errors: number): Stats => {
  const sorted = [...latenciesMs].sort((a, b) => a - b);

  return {
    requests: sorted.length,
    errors,
    seconds,
    throughput: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
};

/** Runs `fn` from `concurrency` loops for `seconds`, timing each call (the in-process floor). */
export const measureInProcess = async (fn: (i: number) => Promise<unknown>, concurrency: number, seconds: number): Promise<Stats> => {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await fn(i++);
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );

  return summarise(latencies, (performance.now() - started) / 1000, errors);
};

export type HttpRequest = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

/**
 * Drives the running server over HTTP with autocannon at a fixed number of connections, after one
 * warm-up request per distinct request (first-use costs — a prepared statement, a cache filled for
 * the first time — are what the floor columns show, not what a working server answers with).
 */
export const measureHttp = async (baseUrl: string, requests: HttpRequest[], concurrency: number, seconds: number, expectStatus: number): Promise<Stats> => {
  const distinct = [...new Map(requests.map((r) => [`${r.method} ${r.path} ${r.body ?? ''}`, r])).values()];
  for (const r of distinct) await (await fetch(`${baseUrl}${r.path}`, { method: r.method, headers: r.headers, body: r.body })).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: baseUrl, connections: concurrency, duration: seconds, requests, timeout: 30 }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === expectStatus) latencies.push(responseTime);
      else errors += 1;
    });
  });

  return summarise(latencies, result.duration, errors + result.errors + result.timeouts);
};
