import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { filesDirOf } from '../files/local-file-store.js';
import { projectRoot } from '../paths.js';
import { packBackup, PGLITE_DUMP, POSTGRES_DUMP, sha256OfFile, stageStoredFiles, type BackupManifest } from './archive.js';
import { pgDump } from './pg-tools.js';

export const appVersion = (): string =>
  (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

export const schemaVersions = async (database: Database): Promise<number[]> => {
  const result = (await database.db.execute(sql`SELECT version FROM schema_migrations ORDER BY version`)) as unknown as { rows: { version: number }[] };

  return result.rows.map((r) => Number(r.version));
};

const stamp = (d: Date) => d.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * Backs up the database and the stored files into one archive in outDir.
 *
 * Embedded database (PGlite): the data directory lock is taken first, so a running server makes
 * the backup refuse ("in use by another Jejaring process"). That is deliberate: stop the server,
 * back up, start it again. Holding the lock, nothing can change the rows or the files while they
 * are copied.
 *
 * PostgreSQL: pg_dump takes a consistent snapshot while the server keeps running. The files are
 * copied after the dump; because an upload stores its bytes before its row commits, every file
 * the dump refers to is already on disk (later uploads only add unreferenced objects).
 */
export const createBackup = async ({ config, outDir, now }: { config: Config; outDir: string; now: Date }) => {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(config.dataDir, '.backup-'));
  try {
    const database = config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolMax: 1 })
      : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
    let dumpFile: string;
    let schemaMigrations: number[];
    let files: BackupManifest['files'];
    try {
      schemaMigrations = await schemaVersions(database);
      if (database.pglite) {
        dumpFile = PGLITE_DUMP;
        const dump = await database.pglite.dumpDataDir('gzip');
        fs.writeFileSync(path.join(staging, dumpFile), Buffer.from(await dump.arrayBuffer()));
      } else {
        dumpFile = POSTGRES_DUMP;
        await pgDump(config.databaseUrl!, path.join(staging, dumpFile));
      }
      files = await stageStoredFiles(filesDirOf(config.dataDir), staging);
    } finally {
      await database.close();
    }
    const dumpPath = path.join(staging, dumpFile);
    const manifest: BackupManifest = {
      format: 'jejaring-backup',
      formatVersion: 1,
      createdAt: now.toISOString(),
      appVersion: appVersion(),
      database: {
        kind: database.kind,
        file: dumpFile as BackupManifest['database']['file'],
        sha256: await sha256OfFile(dumpPath),
        sizeBytes: fs.statSync(dumpPath).size,
      },
      schemaMigrations,
      files,
    };
    let outFile = path.join(outDir, `jejaring-backup-${stamp(now)}.tar.gz`);
    for (let n = 2; fs.existsSync(outFile); n++) outFile = path.join(outDir, `jejaring-backup-${stamp(now)}-${n}.tar.gz`);
    await packBackup(staging, manifest, outFile);

    return { file: outFile, manifest };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
};
