import { z } from '@hono/zod-openapi';
import type { StoredFileRow } from './files.repository.js';

export const FileSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string().openapi({ description: 'Cleaned file name as uploaded (no directories or control characters, at most 200 characters)' }),
    mediaType: z.string().openapi({ description: 'Media type decided from the content', example: 'application/pdf' }),
    sizeBytes: z.number().int().openapi({ description: 'Size in bytes' }),
    sha256: z.string().openapi({ description: 'SHA-256 of the content (hex), for integrity checks' }),
    orgId: z.uuid().openapi({ description: 'Organisation of the uploader, which owns the file' }),
    tenantId: z.uuid().nullable().openapi({ description: 'Pemda tenant owning the file; null for partner organisations' }),
    uploadedBy: z.uuid(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('StoredFile');

export type FileDto = z.infer<typeof FileSchema>;

/**
 * The upload form: exactly one part named "file". Other parts are refused, and so is a second
 * "file" part (it would arrive as a list).
 */
export const FileUploadFormSchema = z
  .strictObject({
    file: z
      .custom<File>((v) => v instanceof File, {
        params: { code: 'file_required', id: 'Pilih satu berkas untuk diunggah.', en: 'Choose one file to upload.' },
      })
      .openapi({ type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, JPEG, PNG or CSV (UTF-8 text); the name’s extension must match the content' }),
  })
  .openapi('FileUpload');

export const FileIdParamSchema = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const FileContentSchema = z.string().openapi({ format: 'binary', description: 'The file’s bytes, sent as an attachment' });

export const presentFile = (row: StoredFileRow): FileDto => ({
  id: row.id,
  fileName: row.fileName,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  orgId: row.orgId,
  tenantId: row.tenantId,
  uploadedBy: row.uploadedBy,
  createdAt: row.createdAt.toISOString(),
});
