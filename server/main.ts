import { serve, type ServerType } from '@hono/node-server';
import cluster, { type Worker as ClusterChild } from 'node:cluster';
import os from 'node:os';
import { createApp } from './app.js';
import { openConfiguredDatabase, prepareDatabase } from './bootstrap.js';
import { isEmptyInstallation, seedDemoData } from './demo/index.js';
import { applicationJobs, applicationSchedules } from './jobs.js';
import { createAdjustableClock, systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';
import { DataDirLockedError } from './platform/db/datadir-lock.js';
import { createWorker, type Worker } from './platform/jobs/index.js';
import { createLogger } from './platform/logger.js';

/**
 * Starts Jejaring: opens the database (PGlite under DATA_DIR, or PostgreSQL with DATABASE_URL),
 * migrates, loads reference data, seeds demo data on an empty installation, then serves HTTP and
 * runs the job worker according to ROLE (all | web | worker). SIGTERM drains and exits cleanly.
 *
 * WEB_PROCESSES > 1 (PostgreSQL only): this process prepares the database, runs the job worker
 * and forks that many HTTP processes sharing the port (node:cluster), because one Node thread
 * doing HTTP and JSON is what bounds a server in front of PostgreSQL (BENCHMARKS.md, ADR 0019).
 */
const main = async () => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const clockControl = config.testClockControl ? createAdjustableClock() : undefined;
  const clock = clockControl ?? systemClock;
  if (clockControl) logger.warn('TEST_CLOCK_CONTROL is on: POST /api/test/clock moves this server’s time (tests only)');
  let database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`\n${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // A forked HTTP process finds the database prepared by its primary.
  const httpChild = cluster.isWorker;
  if (!httpChild) {
    await prepareDatabase({ database, config, clock, logger });
    if (config.seedDemo && (await isEmptyInstallation(database.db))) {
      const summary = await seedDemoData({ db: database.db, clock, config });
      if (summary.seeded) logger.info({ organizations: summary.organizations, accounts: summary.accounts.length }, 'demo data seeded (fictional)');
    }
  }

  let draining = false;
  let server: ServerType | undefined;
  const children = new Set<ClusterChild>();
  if (!httpChild && config.webProcesses > 1 && config.role !== 'worker') {
    const fork = () => {
      const child = cluster.fork();
      children.add(child);
      child.on('exit', (code, signal) => {
        children.delete(child);
        if (draining) return;
        // A crashed HTTP process is replaced; the others keep serving meanwhile.
        logger.error({ pid: child.process.pid, code, signal }, 'web process exited: starting another');
        setTimeout(fork, 1000).unref();
      });
    };
    for (let i = 0; i < config.webProcesses; i++) fork();
  } else if (config.role !== 'worker') {
    const app = createApp({ config, database, clock, logger, isDraining: () => draining, ...(clockControl ? { clockControl } : {}) });
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      if (httpChild && cluster.worker?.id !== 1) return;
      const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
      console.log(`\nJejaring berjalan di http://${shown}:${info.port}/  (database: ${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'})`);
      console.log('Akun demo (data fiktif): lihat README.md, bagian "Demo logins".\n');
    });
  }

  let worker: Worker | undefined;
  if (config.role !== 'web' && !httpChild) {
    worker = createWorker({
      db: database.db,
      clock,
      logger,
      jobs: applicationJobs(config),
      schedules: applicationSchedules,
      pollMs: config.workerPollMs,
      concurrency: config.workerConcurrency,
      workerId: `${os.hostname()}:${process.pid}`,
    });
    await worker.start();
  }

  const shutdown = async (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    await new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      // Idle keep-alive connections would hold close() open.
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
    // Each HTTP process drains its own requests; the primary waits for all of them.
    await Promise.all(
      [...children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.isDead()) return resolve();
            child.once('exit', () => resolve());
            child.process.kill('SIGTERM');
          }),
      ),
    );
    // Jobs in flight finish before the database they write to closes.
    await worker?.stop();
    await database.close();
    logger.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
};

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
