/**
 * `npm run restore -- <backup.tar.gz>`: checks the backup completely, moves the current data aside
 * to DATA_DIR/.before-restore-<time>, restores, and puts the old data back if anything fails.
 * Stop the server first: with the embedded database the restore refuses while the data
 * directory is in use (exit 2); on PostgreSQL pg_restore replaces the tables under it.
 * Exit 1: the backup is damaged or not ours, or the restore failed (nothing was changed).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupInvalidError } from '../platform/backup/archive.js';
import { MissingToolError } from '../platform/backup/pg-tools.js';
import { restoreBackup } from '../platform/backup/restore.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/datadir-lock.js';

const run = async (): Promise<number> => {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  if (positionals.length !== 1) {
    process.stderr.write('Usage: npm run restore -- <backup.tar.gz>\n');

    return 1;
  }
  const config = loadConfig();
  try {
    const { manifest, previousDataDir } = await restoreBackup({ config, archive: path.resolve(positionals[0]!), now: systemClock.now() });
    process.stdout.write(
      `Restored the backup of ${manifest.createdAt} (app ${manifest.appVersion}): ${manifest.files.count} stored files.\n` +
        (previousDataDir ? `The data it replaced is kept in ${previousDataDir}; delete it once the restored data is checked.\n` : ''),
    );

    return 0;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\nStop the server before restoring.\n`);

      return 2;
    }
    if (err instanceof BackupInvalidError || err instanceof MissingToolError) {
      process.stderr.write(`${err.message}\nNothing was changed.\n`);

      return 1;
    }
    throw err;
  }
};

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`restore failed; the data is as it was before (anything moved aside was put back): ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
