import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../bootstrap.js';
import { createTestClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { listMigrations } from '../platform/db/migrate.js';
import { projectRoot } from '../platform/paths.js';

/**
 * Test databases. Every DB test runs on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL.
 * Both start from a template that already holds the migrations and reference data: PGlite from a
 * cached data-directory dump (0.3 s instead of 2 s), PostgreSQL with CREATE DATABASE … TEMPLATE.
 */
export type DbKind = 'pglite' | 'postgres';

export const DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const templateKey = (() => {
  const h = createHash('sha256');
  for (const m of listMigrations()) h.update(m.checksum);
  for (const f of ['server/modules/reference/data/urusan.json', 'server/modules/reference/data/strategic-issues.json', 'server/modules/cooperations/data/rule-pack.national.json', 'package-lock.json'])
    h.update(fs.readFileSync(path.join(projectRoot, f)));

  return h.digest('hex').slice(0, 16);
})();

const testConfig = loadConfig({});

const prepare = async (database: Database) => {
  await prepareDatabase({ database, config: testConfig, clock: createTestClock() });
};

const pgliteTemplate = async (): Promise<Blob> => {
  const file = path.join(os.tmpdir(), `jejaring-test-template-${templateKey}.tar.gz`);
  if (!fs.existsSync(file)) {
    const database = await openDatabase({ kind: 'pglite-memory' });
    await prepare(database);
    const dump = await database.pglite!.dumpDataDir('gzip');
    await database.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
  }

  return new Blob([fs.readFileSync(file)]);
};

const adminUrl = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;

  return u.toString();
};

const withAdmin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

const postgresTemplate = async (): Promise<string> => {
  const name = `jj_tpl_${templateKey}`;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock(727274002)');
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${name}`);
        const database = await openDatabase({ kind: 'postgres', url: adminUrl(process.env.TEST_DATABASE_URL!, name), poolMax: 2 });
        try {
          await prepare(database);
        } catch (err) {
          await database.close();
          await client.query(`DROP DATABASE IF EXISTS ${name}`);
          throw err;
        }
        await database.close();
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(727274002)');
    }
  });

  return name;
};

export type TestDatabase = Database & { url?: string };

/** A fresh, migrated database holding reference data; close() drops it. */
export const createTestDatabase = async (kind: DbKind): Promise<TestDatabase> => {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite-memory', loadDataDir: await pgliteTemplate() });
  const template = await postgresTemplate();
  const name = `jj_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = adminUrl(process.env.TEST_DATABASE_URL!, name);
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 5 });

  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};
