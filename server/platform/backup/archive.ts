import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create, extract } from 'tar';
import { z } from 'zod';
import { listStoredObjects } from '../files/local-file-store.js';

/**
 * One backup is one .tar.gz holding manifest.json (first), the database dump and the files/
 * tree exactly as the file store lays it out. The manifest lets a restore check everything
 * before it touches the live data.
 */
export const PGLITE_DUMP = 'pgdata.tar.gz';
export const POSTGRES_DUMP = 'database.pgdump';
const MANIFEST = 'manifest.json';
const FILES = 'files';
/** files/, its fan-out directories and objects named by their hash: nothing else is restored into the store. */
const STORE_ENTRY = /^files(\/[0-9a-f]{2}(\/[0-9a-f]{2}(\/[0-9a-f]{64})?)?)?$/;

export const ManifestSchema = z.strictObject({
  format: z.literal('jejaring-backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  database: z.strictObject({
    kind: z.enum(['pglite', 'postgres']),
    file: z.enum([PGLITE_DUMP, POSTGRES_DUMP]),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sizeBytes: z.number().int().min(0),
  }),
  schemaMigrations: z.array(z.number().int()),
  files: z.strictObject({ count: z.number().int().min(0), totalBytes: z.number().int().min(0) }),
});

export type BackupManifest = z.infer<typeof ManifestSchema>;

export class BackupInvalidError extends Error {
  override readonly name = 'BackupInvalidError';
}

export const sha256OfFile = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);

  return hash.digest('hex');
};

const fsyncPath = (p: string) => {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
};

/**
 * Puts the store's objects into the staging tree. Hard links cost nothing and are safe because
 * stored objects are never modified; a copy is the fallback across file systems.
 */
export const stageStoredFiles = async (filesRoot: string, stagingDir: string) => {
  const objects = await listStoredObjects(filesRoot);
  for (const o of objects) {
    const target = path.join(stagingDir, FILES, path.relative(filesRoot, o.path));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(o.path, target);
    } catch {
      fs.copyFileSync(o.path, target);
    }
  }
  fs.mkdirSync(path.join(stagingDir, FILES), { recursive: true });

  return { count: objects.length, totalBytes: objects.reduce((sum, o) => sum + o.size, 0) };
};

/** Writes the staged backup as one archive, atomically: a crash never leaves a truncated backup under the final name. */
export const packBackup = async (stagingDir: string, manifest: BackupManifest, outFile: string) => {
  fs.writeFileSync(path.join(stagingDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  await create({ gzip: true, file: partial, cwd: stagingDir, portable: true }, [MANIFEST, manifest.database.file, FILES]);
  fsyncPath(partial);
  fs.renameSync(partial, outFile);
  fsyncPath(path.dirname(outFile));
};

/**
 * Unpacks an archive into an empty staging directory and checks it completely: the manifest's
 * shape, the dump's checksum and size, and every stored file against its own name (the name is
 * its SHA-256) and the manifest's count. Only the expected entries are extracted, only as plain
 * files and directories, and never outside the staging directory.
 */
export const unpackAndVerify = async (archive: string, stagingDir: string): Promise<BackupManifest> => {
  const allowed = (p: string) => p === MANIFEST || p === PGLITE_DUMP || p === POSTGRES_DUMP || STORE_ENTRY.test(p);
  try {
    await extract({
      file: archive,
      cwd: stagingDir,
      strict: true,
      filter: (p, entry) => allowed(p.replace(/^\.\//, '').replace(/\/$/, '')) && 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
    });
  } catch (err) {
    throw new BackupInvalidError(`The backup file cannot be read as a .tar.gz archive: ${(err as Error).message}`);
  }
  const manifestPath = path.join(stagingDir, MANIFEST);
  if (!fs.existsSync(manifestPath)) throw new BackupInvalidError('The backup has no manifest.json; it was not made by `npm run backup`.');
  const parsed = ManifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) throw new BackupInvalidError(`The backup manifest is not valid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const manifest = parsed.data;

  const dump = path.join(stagingDir, manifest.database.file);
  if (!fs.existsSync(dump)) throw new BackupInvalidError(`The backup lacks its database dump ${manifest.database.file}.`);
  if (fs.statSync(dump).size !== manifest.database.sizeBytes || (await sha256OfFile(dump)) !== manifest.database.sha256)
    throw new BackupInvalidError('The database dump does not match the checksum in the manifest: the backup is damaged.');

  const filesRoot = path.join(stagingDir, FILES);
  const objects = await listStoredObjects(filesRoot);
  for (const o of objects)
    if ((await sha256OfFile(o.path)) !== o.sha256) throw new BackupInvalidError(`Stored file ${o.sha256} in the backup is damaged (its content no longer matches its hash).`);
  if (objects.length !== manifest.files.count)
    throw new BackupInvalidError(`The backup should hold ${manifest.files.count} stored files but holds ${objects.length}.`);

  return manifest;
};

/** The staged files/ tree of a verified backup. */
export const stagedFilesDir = (stagingDir: string) => path.join(stagingDir, FILES);
