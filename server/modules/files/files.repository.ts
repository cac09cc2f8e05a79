import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { storedFile } from './files.tables.js';

const fileColumns = {
  id: storedFile.id,
  sha256: storedFile.sha256,
  sizeBytes: storedFile.sizeBytes,
  mediaType: storedFile.mediaType,
  fileName: storedFile.fileName,
  tenantId: storedFile.tenantId,
  orgId: storedFile.orgId,
  uploadedBy: storedFile.uploadedBy,
  createdAt: storedFile.createdAt,
};

export type StoredFileRow = typeof storedFile.$inferSelect;

export const insertStoredFile = async (db: Db, row: typeof storedFile.$inferInsert): Promise<StoredFileRow> =>
  (await db.insert(storedFile).values(row).returning(fileColumns))[0]!;

export const findStoredFile = async (db: Db, id: string): Promise<StoredFileRow | undefined> =>
  (await db.select(fileColumns).from(storedFile).where(eq(storedFile.id, id)))[0];
