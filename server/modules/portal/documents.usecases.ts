import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import { publicDocumentFile } from '../cooperations/index.js';
import { portalErrors } from './portal.errors.js';
import { getPublished } from './public.usecases.js';

/**
 * A public document download: only a version the newest release lists (the secretariat ticked it),
 * under a neutral name built from its type and version — the uploaded file name may name a person.
 */
export const openPublicDocument = async ({ db, files, cooperationId, documentId }: { db: Db; files: FileStore; cooperationId: string; documentId: string }) => {
  const listed = (await getPublished(db, cooperationId))?.documents.find((d) => d.id === documentId);
  if (!listed) throw portalErrors.documentNotFound();
  const file = await publicDocumentFile(db, cooperationId, documentId);
  const content = file ? await files.get(file.sha256) : null;
  if (!file || !content) throw portalErrors.documentNotFound();
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(file.fileName)?.[1]?.toLowerCase();

  return { content, mediaType: file.mediaType, size: file.size, fileName: `${listed.type}-v${listed.version}${extension ? `.${extension}` : ''}` };
};
