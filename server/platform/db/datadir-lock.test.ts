import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../test/cli.js';
import { acquireDataDirLock, DataDirLockedError } from './datadir-lock.js';
import { openDatabase } from './database.js';

/** The pid of a process that has certainly exited. */
const deadPid = () => {
  const child = spawnSync(process.execPath, ['-e', '']);
  assert.equal(child.status, 0);

  return child.pid!;
};

const writeLock = (dataDir: string, holder: { pid: number; host?: string }) =>
  fs.writeFileSync(
    path.join(dataDir, 'jejaring.lock'),
    JSON.stringify({ pid: holder.pid, host: holder.host ?? os.hostname(), startedAt: '2026-03-01T00:00:00.000Z', command: 'server/main.ts' }),
  );

const lockHolder = (dataDir: string) => (JSON.parse(fs.readFileSync(path.join(dataDir, 'jejaring.lock'), 'utf8')) as { pid: number }).pid;

describe('the embedded database directory lock', () => {
  let root: string;
  let template: string;
  let n = 0;
  /** A data directory holding an initialised database: creating one takes seconds, copying it does not. */
  const freshDir = () => {
    const dir = path.join(root, `data-${++n}`);
    fs.cpSync(template, dir, { recursive: true });

    return dir;
  };

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-lock-'));
    template = path.join(root, 'template');
    await (await openDatabase({ kind: 'pglite', dataDir: template })).close();
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('makes a second process on the same DATA_DIR exit non-zero with a clear message', async () => {
    const dataDir = path.join(root, 'busy');
    const lock = acquireDataDirLock(dataDir);
    try {
      const second = await runCli('migrate.ts', [], { DATA_DIR: dataDir });
      assert.notEqual(second.code, 0);
      assert.equal(second.code, 2);
      assert.match(second.stderr, new RegExp(`in use by another Jejaring process \\(pid ${process.pid}\\)`));
      assert.match(second.stderr, /Stop that process first/);
      assert.equal(fs.existsSync(path.join(dataDir, 'pgdata')), false, 'the refused process must not touch the database');
      assert.equal(lockHolder(dataDir), process.pid);
    } finally {
      lock.release();
    }
  });

  it('clears a stale lock left by a process that died, and the database opens', async () => {
    const dataDir = freshDir();
    writeLock(dataDir, { pid: deadPid() });
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      assert.equal(lockHolder(dataDir), process.pid);
      const result = (await database.pglite!.query<{ one: number }>('SELECT 1 AS one')).rows;
      assert.deepEqual(result, [{ one: 1 }]);
    } finally {
      await database.close();
    }
  });

  it('treats an unreadable lock file as stale', () => {
    const dataDir = freshDir();
    fs.writeFileSync(path.join(dataDir, 'jejaring.lock'), '{"pid": 12');
    const lock = acquireDataDirLock(dataDir);
    assert.equal(lockHolder(dataDir), process.pid);
    lock.release();
  });

  it('respects a lock held on another machine, whose processes it cannot see', () => {
    const dataDir = freshDir();
    writeLock(dataDir, { pid: deadPid(), host: 'server-lain.pemda.go.id' });
    assert.throws(() => acquireDataDirLock(dataDir), DataDirLockedError);
  });

  it('releases the lock when the database closes, so the next process can open it', async () => {
    const dataDir = freshDir();
    const database = await openDatabase({ kind: 'pglite', dataDir });
    assert.ok(fs.existsSync(path.join(dataDir, 'jejaring.lock')));
    assert.throws(() => acquireDataDirLock(dataDir), DataDirLockedError);
    await database.close();
    assert.equal(fs.existsSync(path.join(dataDir, 'jejaring.lock')), false);
    const next = acquireDataDirLock(dataDir);
    next.release();
  });
});
