import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { Actor } from '../../platform/http/context.js';
import { commonErrors } from '../../platform/http/errors.js';
import { changeSet, recordAudit, type AuditContext } from '../audit/index.js';
import { getOrganizationSummary } from '../organizations/index.js';
import { filesErrors } from './files.errors.js';
import { classifyUpload, formatMegabytes, safeFileName } from './files.models.js';
import { canReadFile, canUploadFile } from './files.policy.js';
import * as repo from './files.repository.js';

export type UploadInput = { fileName: string; bytes: Uint8Array };

/**
 * Stores an uploaded document for the uploader's organisation and tenant. The type is decided by
 * the content, never by the name or the browser's claim, and the name must agree with it.
 */
export const uploadFile = async ({
  db,
  clock,
  audit,
  actor,
  files,
  maxUploadBytes,
  input,
}: {
  db: Db;
  clock: Clock;
  audit: AuditContext;
  actor: Actor;
  files: FileStore;
  maxUploadBytes: number;
  input: UploadInput;
}) => {
  if (!canUploadFile(actor)) throw commonErrors.forbidden();
  if (input.bytes.byteLength > maxUploadBytes) throw commonErrors.tooLarge({ limit: formatMegabytes(maxUploadBytes) });
  const fileName = safeFileName(input.fileName);
  const detected = await fileTypeFromBuffer(input.bytes);
  const verdict = classifyUpload(detected?.ext, fileName, input.bytes);
  if (!verdict.ok && verdict.reason === 'type_not_allowed') throw filesErrors.typeNotAllowed();
  if (!verdict.ok) throw filesErrors.typeMismatch({ extension: verdict.extension, detected: verdict.detected });

  // Bytes first, row second: a failed transaction leaves only an unreferenced, content-addressed
  // object, whereas the other order could commit a row whose bytes never arrived.
  const stored = await files.put(input.bytes);

  return db.transaction(async (tx) => {
    const created = await repo.insertStoredFile(tx, {
      sha256: stored.sha256,
      sizeBytes: stored.size,
      mediaType: verdict.type.mediaType,
      fileName,
      tenantId: actor.tenantId,
      orgId: actor.orgId,
      uploadedBy: actor.userId,
      createdAt: clock.now(),
    });
    await recordAudit({
      tx,
      clock,
      context: audit,
      entry: { action: 'file.upload', entityType: 'stored_file', entityId: created.id, tenantId: created.tenantId, diff: changeSet(null, created) },
    });

    return created;
  });
};

/** A file's metadata, when the actor may see it; anyone else is told it does not exist. */
export const getFile = async ({ db, actor, id }: { db: Db; actor: Actor; id: string }) => {
  const file = await repo.findStoredFile(db, id);
  if (!file) throw filesErrors.notFound();
  const tenantRegionCode = file.tenantId ? (await getOrganizationSummary({ db, id: file.tenantId })).regionCode : null;
  if (!canReadFile(actor.scope, { orgId: file.orgId, tenantId: file.tenantId, tenantRegionCode })) throw filesErrors.notFound();

  return file;
};

/** The metadata and the bytes of a file the actor may see, for download. */
export const openFileContent = async ({ db, actor, files, id }: { db: Db; actor: Actor; files: FileStore; id: string }) => {
  const file = await getFile({ db, actor, id });
  const content = await files.get(file.sha256);
  // A row without its bytes means the store was damaged or restored incompletely: an operator problem.
  if (!content) throw new Error(`stored file ${file.id} has no content (sha256 ${file.sha256})`);

  return { file, content };
};
