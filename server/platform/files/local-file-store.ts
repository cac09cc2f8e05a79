import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { isSha256Hex, type FileStore, type StoredObject } from './file-store.js';

/** The store's directory inside DATA_DIR; backups copy exactly this tree. */
export const filesDirOf = (dataDir: string) => path.join(dataDir, 'files');

/** Where one object lives: two levels of fan-out keep directories small (<aa>/<bb>/<sha256>). */
export const objectPathOf = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

/** Half-written uploads live here until renamed into place; same file system, so rename is atomic. */
const TEMP_DIR = '.tmp';

const exists = async (p: string) => {
  try {
    await fs.access(p);

    return true;
  } catch {
    return false;
  }
};

/** A rename or a new directory entry is only durable once the directory itself is flushed. */
const fsyncDir = async (dir: string) => {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Files on the local disk under DATA_DIR/files. Each object is written to a temporary file,
 * flushed to disk, then renamed into place, so a crash leaves either the whole file or none.
 */
export const createLocalFileStore = (root: string): FileStore => {
  const put = async (bytes: Uint8Array): Promise<StoredObject> => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = { sha256, size: bytes.byteLength };
    const target = objectPathOf(root, sha256);
    if (await exists(target)) return stored;

    const tempDir = path.join(root, TEMP_DIR);
    await fs.mkdir(tempDir, { recursive: true });
    const firstCreated = await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = path.join(tempDir, `${sha256}.${randomUUID()}`);
    const handle = await fs.open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, target);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw err;
    }
    await fsyncDir(path.dirname(target));
    if (firstCreated) {
      // New fan-out directories must reach the disk too, or the object could vanish with them.
      await fsyncDir(path.dirname(path.dirname(target)));
      await fsyncDir(root);
    }

    return stored;
  };

  const get = async (sha256: string) => {
    if (!isSha256Hex(sha256)) return undefined;
    try {
      const handle = await fs.open(objectPathOf(root, sha256), 'r');

      return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  };

  const has = async (sha256: string) => isSha256Hex(sha256) && exists(objectPathOf(root, sha256));

  return { put, get, has };
};

/** Every stored object under a store root: its hash, path and size (backups walk this list). */
export const listStoredObjects = async (root: string): Promise<{ sha256: string; path: string; size: number }[]> => {
  const found: { sha256: string; path: string; size: number }[] = [];
  if (!(await exists(root))) return found;
  for (const a of await fs.readdir(root)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of await fs.readdir(path.join(root, a))) {
      if (!/^[0-9a-f]{2}$/.test(b)) continue;
      for (const name of await fs.readdir(path.join(root, a, b))) {
        if (!isSha256Hex(name) || !name.startsWith(a + b)) continue;
        const p = path.join(root, a, b, name);
        found.push({ sha256: name, path: p, size: (await fs.stat(p)).size });
      }
    }
  }

  return found.sort((x, y) => x.sha256.localeCompare(y.sha256));
};
