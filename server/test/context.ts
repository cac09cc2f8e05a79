import { after, before, describe } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../app.js';
import { createTestClock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { createTestDatabase, DB_KINDS, type DbKind, type TestDatabase } from './database.js';

export type TestSession = { cookie: string; csrf: string; userId: string };

export type RequestOptions = {
  method?: string;
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  session?: TestSession | undefined;
  /** Leave out the CSRF header even with a session (to test the refusal). */
  withoutCsrf?: boolean;
};

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/** A migrated database, a movable clock and the whole app, driven through app.request(). */
export const createTestContext = async (kind: DbKind, env: Record<string, string> = {}) => {
  const database: TestDatabase = await createTestDatabase(kind);
  const clock = createTestClock(new Date('2026-03-02T02:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-test-'));
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env });
  const logger = createLogger(config.logLevel);
  const app = createApp({ config, database, clock, logger });

  const request = async (url: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json);
    }
    if (options.session) {
      headers.cookie = [options.session.cookie, headers.cookie].filter(Boolean).join('; ');
      if (!options.withoutCsrf) headers['x-csrf-token'] ??= options.session.csrf;
    }

    return app.request(url, { method: options.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body }, undefined);
  };

  return {
    kind,
    database,
    db: database.db,
    app,
    clock,
    config,
    logger,
    dataDir,
    request,
    close: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Runs a suite once per database engine, each with its own fresh context. */
export const describeEachDatabase = (name: string, fn: (ctx: () => TestContext, kind: DbKind) => void) => {
  for (const kind of DB_KINDS) {
    describe(`${name} [${kind}]`, () => {
      let ctx: TestContext | undefined;
      before(async () => {
        ctx = await createTestContext(kind);
      });
      after(async () => {
        await ctx?.close();
      });
      fn(() => {
        if (!ctx) throw new Error('test context not ready');

        return ctx;
      }, kind);
    });
  }
};
