import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import * as repo from './files.repository.js';

/**
 * Files the platform produces itself (periodic reports). No content sniffing: the bytes come from
 * our own renderer. The owning module decides who may read them, so the lookup below does not
 * apply the uploader-tenant rule of uploads.
 */
export const storeGeneratedFile = async ({
  db,
  files,
  bytes,
  fileName,
  mediaType,
  tenantId,
  orgId,
  createdBy,
  createdAt,
}: {
  db: Db;
  files: FileStore;
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  tenantId: string | null;
  orgId: string;
  createdBy: string;
  createdAt: Date;
}) => {
  const stored = await files.put(bytes);

  return repo.insertStoredFile(db, { sha256: stored.sha256, sizeBytes: stored.size, mediaType, fileName, tenantId, orgId, uploadedBy: createdBy, createdAt });
};

/** The bytes of a generated file whose reader the owning module has already checked. */
export const openGeneratedFile = async ({ db, files, id }: { db: Db; files: FileStore; id: string }) => {
  const file = await repo.findStoredFile(db, id);
  if (!file) throw new Error(`generated file ${id} is missing`);
  const content = await files.get(file.sha256);
  if (!content) throw new Error(`stored file ${file.id} has no content (sha256 ${file.sha256})`);

  return { file, content };
};
