/**
 * `npm run backup [-- --out <dir>]`: writes one .tar.gz with the database, the stored files and a
 * manifest of checksums (default directory: ./backups).
 *
 * Embedded database (PGlite): stop the server, back up, start it again. The backup takes the data
 * directory lock, so while the server runs it refuses with "in use by another Jejaring process"
 * (exit 2) rather than copy a database that is changing under it.
 * PostgreSQL (DATABASE_URL): runs while the server is up; needs pg_dump on PATH.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../platform/backup/backup.js';
import { MissingToolError } from '../platform/backup/pg-tools.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/datadir-lock.js';

const run = async (): Promise<number> => {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
  const config = loadConfig();
  try {
    const { file, manifest } = await createBackup({ config, outDir: path.resolve(values.out ?? 'backups'), now: systemClock.now() });
    process.stdout.write(
      `Backup written: ${file}\n  database: ${manifest.database.kind}, migrations up to ${manifest.schemaMigrations.at(-1) ?? 'none'}\n` +
        `  stored files: ${manifest.files.count} (${manifest.files.totalBytes} bytes)\n`,
    );

    return 0;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\nStop the server, run the backup, then start the server again.\n`);

      return 2;
    }
    if (err instanceof MissingToolError) {
      process.stderr.write(`${err.message}\n`);

      return 1;
    }
    throw err;
  }
};

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
