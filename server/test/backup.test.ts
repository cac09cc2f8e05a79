import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { create, extract } from 'tar';
import { createApp } from '../app.js';
import { verifyAuditChain } from '../modules/audit/index.js';
import { createTestClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { acquireDataDirLock } from '../platform/db/datadir-lock.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';
import { runCli } from './cli.js';
import type { RequestOptions, TestSession } from './context.js';
import { buildOrg, buildTwoTenants, TEST_PASSWORD } from './factories.js';
import { postFile, readFileFixture } from './uploads.js';

const TABLES = ['organization', 'app_user', 'role_assignment', 'user_session', 'audit_log', 'audit_chain_head', 'stored_file', 'schema_migrations'];
const FIXTURES = ['sample.pdf', 'sample.docx', 'sample.xlsx', 'sample.jpg', 'sample.png'] as const;

/** Every row of the tables a restore must bring back, in a stable order. */
const snapshot = async (database: Database) => {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const result = (await database.db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY 1`))) as unknown as { rows: unknown[] };
    out[table] = result.rows;
  }

  return out;
};

type Upload = { id: string; fileName: string; bytes: Buffer };

/** Real data through the real app: tenants, users, an OPD, sign-ins and uploads (all audited). */
const populate = async (database: Database, dataDir: string): Promise<Upload[]> => {
  const clock = createTestClock(new Date('2026-03-02T02:00:00Z'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const app = createApp({ config, database, clock, logger: createLogger('silent') });
  const request = async (url: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    if (options.session) Object.assign(headers, { cookie: options.session.cookie, 'x-csrf-token': options.session.csrf });

    return app.request(url, { method: options.method ?? 'POST', headers, body: options.json !== undefined ? JSON.stringify(options.json) : (options.body ?? null) });
  };
  const signIn = async (email: string): Promise<TestSession> => {
    const res = await request('/api/auth/login', { json: { email, password: TEST_PASSWORD } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { csrfToken: string; userId: string };
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.startsWith('jj_session=')) ?? '';

    return { cookie, csrf: body.csrfToken, userId: body.userId };
  };

  const { tenantA, userA, userB } = await buildTwoTenants(database.db);
  await buildOrg(database.db, { type: 'OPD', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', tenantId: tenantA.id, parentId: tenantA.id, regionCode: '63.06' });
  const uploads: Upload[] = [];
  for (const [i, session] of [await signIn(userA.email), await signIn(userB.email)].entries()) {
    for (const fixture of FIXTURES) {
      const fileName = `Dokumen ${i + 1} ${fixture}`;
      const bytes = readFileFixture(fixture);
      const res = await postFile({ request }, session, { name: fileName, bytes });
      assert.equal(res.status, 201, await res.clone().text());
      uploads.push({ id: ((await res.json()) as { id: string }).id, fileName, bytes });
    }
  }

  return uploads;
};

const storedBytes = (dataDir: string, sha256: string) => fs.readFileSync(path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256));

const assertRestored = async (database: Database, dataDir: string, expected: Record<string, unknown[]>, uploads: Upload[]) => {
  const actual = await snapshot(database);
  for (const table of TABLES) {
    assert.equal(actual[table]!.length, expected[table]!.length, `row count of ${table}`);
    assert.deepEqual(actual[table], expected[table], `rows of ${table}`);
  }
  const files = (await database.db.execute(sql`SELECT id, sha256, file_name FROM stored_file`)) as unknown as { rows: { id: string; sha256: string; file_name: string }[] };
  for (const upload of uploads) {
    const row = files.rows.find((r) => r.id === upload.id);
    assert.ok(row, `stored_file ${upload.id} is back`);
    assert.equal(row.file_name, upload.fileName);
    assert.ok(storedBytes(dataDir, row.sha256).equals(upload.bytes), `${upload.fileName} is byte-identical`);
  }
  const chain = await verifyAuditChain({ db: database.db });
  assert.equal(chain.ok, true, JSON.stringify(chain));
  assert.ok(chain.rows >= 12, `only ${chain.rows} audit rows`);
};

const backupsIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tar.gz')).map((f) => path.join(dir, f));

describe('backup and restore of the embedded database (PGlite)', () => {
  let root: string;
  let dataDir: string;
  let outDir: string;
  let original: Record<string, unknown[]>;
  let uploads: Upload[];
  const env = () => ({ DATA_DIR: dataDir });

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-backup-'));
    dataDir = path.join(root, 'data');
    outDir = path.join(root, 'backups');
    const migrated = await runCli('migrate.ts', [], env());
    assert.equal(migrated.code, 0, migrated.stderr);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      uploads = await populate(database, dataDir);
      original = await snapshot(database);
    } finally {
      await database.close();
    }
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses to back up while another process holds the data directory', async () => {
    const lock = acquireDataDirLock(dataDir);
    try {
      const refused = await runCli('backup.ts', ['--out', outDir], env());
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /in use by another Jejaring process/);
      assert.match(refused.stderr, /Stop the server/);
    } finally {
      lock.release();
    }
  });

  it('backs up, and after the data directory is wiped restores every row and every file', async () => {
    const backedUp = await runCli('backup.ts', ['--out', outDir], env());
    assert.equal(backedUp.code, 0, backedUp.stderr);
    const [archive] = backupsIn(outDir);
    assert.ok(archive);
    assert.match(backedUp.stdout, /stored files: 5 /);

    fs.rmSync(dataDir, { recursive: true, force: true });
    const restored = await runCli('restore.ts', [archive], env());
    assert.equal(restored.code, 0, restored.stderr);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await assertRestored(database, dataDir, original, uploads);
    } finally {
      await database.close();
    }
  });

  it('refuses a damaged backup and leaves the current data untouched', async () => {
    const [archive] = backupsIn(outDir);
    const unpacked = path.join(root, 'tamper');
    fs.mkdirSync(unpacked);
    await extract({ file: archive!, cwd: unpacked });
    const sha = (original.stored_file![0] as { sha256: string }).sha256;
    const victimPath = path.join(unpacked, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
    const victim = fs.readFileSync(victimPath);
    victim.writeUInt8(victim.readUInt8(0) ^ 0xff, 0);
    fs.writeFileSync(victimPath, victim);
    const damaged = path.join(root, 'damaged.tar.gz');
    await create({ gzip: true, file: damaged, cwd: unpacked }, fs.readdirSync(unpacked));

    const refused = await runCli('restore.ts', [damaged], env());
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /damaged/);
    assert.match(refused.stderr, /Nothing was changed/);
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await assertRestored(database, dataDir, original, uploads);
    } finally {
      await database.close();
    }
  });

  it('puts the current data back when the restore fails after moving it aside', async () => {
    const [archive] = backupsIn(outDir);
    const unpacked = path.join(root, 'broken');
    fs.mkdirSync(unpacked);
    await extract({ file: archive!, cwd: unpacked });
    // A dump that passes its checksum but is not a database: only loading it can fail.
    const garbage = gzipSync(Buffer.from('bukan direktori data PostgreSQL'.repeat(100)));
    fs.writeFileSync(path.join(unpacked, 'pgdata.tar.gz'), garbage);
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as { database: { sha256: string; sizeBytes: number } };
    manifest.database.sha256 = createHash('sha256').update(garbage).digest('hex');
    manifest.database.sizeBytes = garbage.length;
    fs.writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify(manifest));
    const broken = path.join(root, 'broken.tar.gz');
    await create({ gzip: true, file: broken, cwd: unpacked }, fs.readdirSync(unpacked));

    const failed = await runCli('restore.ts', [broken], env());
    assert.equal(failed.code, 1, failed.stdout);
    assert.match(failed.stderr, /put back/);
    assert.deepEqual(fs.readdirSync(dataDir).filter((f) => f.startsWith('.')), [], 'no staging or aside directory is left behind');
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await assertRestored(database, dataDir, original, uploads);
    } finally {
      await database.close();
    }
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;

// Like every database test, the PostgreSQL round trip runs when TEST_DATABASE_URL names a server.
if (postgresUrl) describe('backup and restore on PostgreSQL', () => {
  const name = `jj_backup_${process.pid}`;
  let admin: pg.Client;
  let root: string;
  let dataDir: string;
  let url: string;

  before(async () => {
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(postgresUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-backup-pg-'));
    dataDir = path.join(root, 'data');
  });
  after(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('backs up with pg_dump and restores every row and file, into a wiped database and over a changed one', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: url };
    const migrated = await runCli('migrate.ts', [], env);
    assert.equal(migrated.code, 0, migrated.stderr);
    let database = await openDatabase({ kind: 'postgres', url, poolMax: 2 });
    let original: Record<string, unknown[]>;
    let uploads: Upload[];
    try {
      uploads = await populate(database, dataDir);
      original = await snapshot(database);
    } finally {
      await database.close();
    }

    const backedUp = await runCli('backup.ts', ['--out', path.join(root, 'backups')], env);
    assert.equal(backedUp.code, 0, backedUp.stderr);
    const [archive] = backupsIn(path.join(root, 'backups'));

    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const restored = await runCli('restore.ts', [archive!], env);
    assert.equal(restored.code, 0, restored.stderr);

    database = await openDatabase({ kind: 'postgres', url, poolMax: 2 });
    try {
      await assertRestored(database, dataDir, original, uploads);
      await buildOrg(database.db, { type: 'PIHAK_KETIGA', name: 'Ditambahkan setelah cadangan' });
    } finally {
      await database.close();
    }

    // The usual case: restoring over a live, changed database replaces it with the backup's state.
    const again = await runCli('restore.ts', [archive!], env);
    assert.equal(again.code, 0, again.stderr);
    database = await openDatabase({ kind: 'postgres', url, poolMax: 2 });
    try {
      await assertRestored(database, dataDir, original, uploads);
    } finally {
      await database.close();
    }
  });
});
