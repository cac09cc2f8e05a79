import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.js';
import { acquireDataDirLock } from '../db/datadir-lock.js';
import { openDatabase } from '../db/database.js';
import { filesDirOf } from '../files/local-file-store.js';
import { BackupInvalidError, stagedFilesDir, unpackAndVerify, type BackupManifest } from './archive.js';
import { schemaVersions } from './backup.js';
import { findOnPath, pgRestore } from './pg-tools.js';

const stamp = (d: Date) => d.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');

const moveIfExists = (from: string, to: string) => {
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.renameSync(from, to);

  return true;
};

/** Creates the embedded database's directory from the dump, then checks that it opens. */
const loadPglite = async (config: Config, stagingDir: string, manifest: BackupManifest) => {
  const dump = fs.readFileSync(path.join(stagingDir, manifest.database.file));
  // Loading only unpacks the cluster; the extensions come with the regular open below.
  const client = await PGlite.create(path.join(config.dataDir, 'pgdata'), { loadDataDir: new Blob([dump]) });
  await client.close();
  // Our own lock is held, so this second open must not try to take it again.
  const database = await openDatabase({ kind: 'pglite', dataDir: config.dataDir, lock: false });
  try {
    const versions = await schemaVersions(database);
    if (versions.join(',') !== manifest.schemaMigrations.join(','))
      throw new Error(`The restored database reports migrations ${versions.join(',')}, the manifest ${manifest.schemaMigrations.join(',')}.`);
  } finally {
    await database.close();
  }
};

/**
 * Restores a backup made by createBackup over the current data. Everything is checked before
 * anything changes; the current pgdata/ and files/ are moved aside to DATA_DIR/.before-restore-<time>
 * and put back if any step fails. The aside copy is kept after success for the operator to delete.
 *
 * The embedded database needs the data directory lock, so a running server makes the restore
 * refuse. On PostgreSQL, stop the application servers first: pg_restore replaces the tables.
 */
export const restoreBackup = async ({ config, archive, now }: { config: Config; archive: string; now: Date }) => {
  if (!fs.existsSync(archive)) throw new BackupInvalidError(`No backup file at ${archive}.`);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  if (kind === 'postgres') findOnPath('pg_restore');
  const lock = kind === 'pglite' ? acquireDataDirLock(config.dataDir) : undefined;
  const staging = fs.mkdtempSync(path.join(config.dataDir, '.restore-'));
  try {
    const manifest = await unpackAndVerify(archive, staging);
    if (manifest.database.kind !== kind)
      throw new BackupInvalidError(
        `This backup holds a ${manifest.database.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} database, but this installation uses ` +
          `${kind === 'pglite' ? 'PGlite (DATA_DIR)' : 'PostgreSQL (DATABASE_URL)'}. Restore it with the same kind of database.`,
      );

    let aside = path.join(config.dataDir, `.before-restore-${stamp(now)}`);
    for (let n = 2; fs.existsSync(aside); n++) aside = path.join(config.dataDir, `.before-restore-${stamp(now)}-${n}`);
    const live = { pgdata: path.join(config.dataDir, 'pgdata'), files: filesDirOf(config.dataDir) };
    fs.mkdirSync(aside);
    const moved = { pgdata: kind === 'pglite' && moveIfExists(live.pgdata, path.join(aside, 'pgdata')), files: moveIfExists(live.files, path.join(aside, 'files')) };
    try {
      fs.renameSync(stagedFilesDir(staging), live.files);
      if (kind === 'pglite') await loadPglite(config, staging, manifest);
      else await pgRestore(config.databaseUrl!, path.join(staging, manifest.database.file));
    } catch (err) {
      fs.rmSync(live.files, { recursive: true, force: true });
      if (moved.files) fs.renameSync(path.join(aside, 'files'), live.files);
      if (kind === 'pglite') {
        fs.rmSync(live.pgdata, { recursive: true, force: true });
        if (moved.pgdata) fs.renameSync(path.join(aside, 'pgdata'), live.pgdata);
      }
      fs.rmSync(aside, { recursive: true, force: true });
      throw err;
    }

    const keptAside = moved.pgdata || moved.files;
    if (!keptAside) fs.rmSync(aside, { recursive: true, force: true });

    return { manifest, previousDataDir: keptAside ? aside : undefined };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    lock?.release();
  }
};
