import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one directory silently lose committed rows.
 * So every process that opens the embedded database (server, seed, migrate, backup, restore)
 * takes this exclusive lock first. A lock whose process is gone is stale and is cleared.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory is in use by another Jejaring process (pid ${holderPid}). ` +
        `Stop that process first (server, seed, migration or backup), or point DATA_DIR elsewhere. Lock file: ${lockPath}`,
    );
    this.name = 'DataDirLockedError';
  }
}

type LockInfo = { pid: number; host: string; startedAt: string; command: string };

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);

    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readLock = (lockPath: string): LockInfo | undefined => {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
};

export type DataDirLock = { path: string; release: () => void };

/** Takes the lock or throws DataDirLockedError; clears a stale lock left by a dead process. */
export const acquireDataDirLock = (dataDir: string, command = process.argv.slice(1).join(' ')): DataDirLock => {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'jejaring.lock');
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify(info));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(lockPath);
        if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.once('exit', release);

      return { path: lockPath, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(lockPath);
      const stale = !holder || (holder.host === os.hostname() && !isAlive(holder.pid));
      if (!stale) throw new DataDirLockedError(lockPath, holder.pid);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the data directory lock at ${lockPath}`);
};
