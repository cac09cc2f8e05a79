import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting comes from the environment, parsed once at start-up. Secrets are never defaulted
 * in production code paths; the demo password only matters for the demo seed.
 */
const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  WEB_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.string().url().optional(),
  TRUST_PROXY: booleanish.default(false),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Jejaring <no-reply@jejaring.localhost>'),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  TOTP_ISSUER: z.string().default('Jejaring'),
  SEED_DEMO: booleanish.default(true),
  DEMO_PASSWORD: z.string().min(12).default('Jejaring-Demo-2026'),
  REGION_SOURCE_DECREE: z.string().default('Kepmendagri 300.2.2-2138 Tahun 2025'),
  REGION_VALID_FROM: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2025-04-25'),
  // How long a process may keep a scope's dashboard figures; every hit is also checked against the newest change (ADR 0024).
  DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  // End-to-end tests only: lets POST /api/test/clock move the server's clock forward.
  TEST_CLOCK_CONTROL: booleanish.default(false),
  // Open data (issue 6, ADR 0028): the OCDS-style id prefix of releases, the producer named in the metadata, the licence.
  OPEN_DATA_OCID_PREFIX: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/).default('ocds-jejaring'),
  OPEN_DATA_PUBLISHER: z.string().min(1).max(300).default('Jejaring'),
  OPEN_DATA_LICENSE: z.string().min(1).max(60).default('CC-BY-4.0'),
  OPEN_DATA_LICENSE_URL: z.string().url().optional(),
  NODE_ENV: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  role: 'all' | 'web' | 'worker';
  /** HTTP processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  webProcesses: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  publicUrl: string | undefined;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  maxUploadBytes: number;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  totpIssuer: string;
  seedDemo: boolean;
  demoPassword: string;
  regionSourceDecree: string;
  regionValidFrom: string;
  /** 0 computes every dashboard request. */
  dashboardCacheSeconds: number;
  workerPollMs: number;
  workerConcurrency: number;
  testClockControl: boolean;
  openData: { ocidPrefix: string; publisher: string; licence: { id: string; url: string } };
};

/** Where the common open licences are published; another licence needs OPEN_DATA_LICENSE_URL. */
const LICENCE_URLS: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

/** Parses the environment; a bad value stops the process with a message naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.WEB_PROCESSES > 1 && !e.DATABASE_URL)
    throw new Error('Invalid configuration:\n  WEB_PROCESSES: more than one web process needs PostgreSQL (DATABASE_URL); an embedded PGlite directory is held by one process');
  if (e.WEB_PROCESSES > 1 && e.TEST_CLOCK_CONTROL) throw new Error('Invalid configuration:\n  WEB_PROCESSES: the test clock lives in one process; use one web process');
  if (e.WEB_PROCESSES > 1 && e.ROLE === 'worker') throw new Error('Invalid configuration:\n  WEB_PROCESSES: a worker-only process (ROLE=worker) serves no HTTP');
  const licenceUrl = e.OPEN_DATA_LICENSE_URL ?? LICENCE_URLS[e.OPEN_DATA_LICENSE];
  if (!licenceUrl) throw new Error('Invalid configuration:\n  OPEN_DATA_LICENSE_URL: required for a licence other than CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0 or ODbL-1.0');
  if (e.TEST_CLOCK_CONTROL && e.NODE_ENV === 'production') throw new Error('Invalid configuration:\n  TEST_CLOCK_CONTROL: never in production');

  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbPoolMax: e.DB_POOL_MAX,
    role: e.ROLE,
    webProcesses: e.WEB_PROCESSES,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    totpIssuer: e.TOTP_ISSUER,
    seedDemo: e.SEED_DEMO,
    demoPassword: e.DEMO_PASSWORD,
    regionSourceDecree: e.REGION_SOURCE_DECREE,
    regionValidFrom: e.REGION_VALID_FROM,
    dashboardCacheSeconds: e.DASHBOARD_CACHE_SECONDS,
    workerPollMs: e.WORKER_POLL_MS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    testClockControl: e.TEST_CLOCK_CONTROL,
    openData: { ocidPrefix: e.OPEN_DATA_OCID_PREFIX, publisher: e.OPEN_DATA_PUBLISHER, licence: { id: e.OPEN_DATA_LICENSE, url: licenceUrl } },
  };
};
