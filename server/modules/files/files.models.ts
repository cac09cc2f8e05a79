/**
 * The document types cooperation files come in: signed agreements and letters (PDF), drafts
 * (DOCX), budgets and annex tables (XLSX), scans or photos (JPEG, PNG), and registers exported as
 * CSV for import. Keys are the
 * extensions the content detector reports. Macro-enabled Office files are detected as other
 * types (docm, xlsm) and therefore refused.
 */
export const ALLOWED_FILE_TYPES = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX', extensions: ['xlsx'] },
  jpg: { mediaType: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  png: { mediaType: 'image/png', label: 'PNG', extensions: ['png'] },
  csv: { mediaType: 'text/csv', label: 'CSV', extensions: ['csv'] },
} as const;

export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[keyof typeof ALLOWED_FILE_TYPES];

export const MAX_FILE_NAME_LENGTH = 200;

/** Windows device names: a file saved under one of these cannot be opened on the user's PC. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A file name that is safe to store and to offer back for download: no directories (a name like
 * "../../etc/passwd" keeps only "passwd"), no control or invisible formatting characters (a
 * right-to-left override can disguise "gpj.exe" as "exe.jpg"), none of the characters Windows
 * forbids, no leading dots, at most 200 characters with the extension kept. Letters of every
 * script stay, so "Perjanjian Kerja Sama — 東京.pdf" survives intact.
 */
export const safeFileName = (raw: string): string => {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const dot = cleaned.lastIndexOf('.');
  const stem = dot > 0 ? cleaned.slice(0, dot) : cleaned;
  const ext = dot > 0 ? cleaned.slice(dot) : '';
  const safeStem = DEVICE_NAMES.test(stem.trim()) ? `_${stem}` : stem;
  const chars = [...safeStem];
  const extChars = [...ext];
  if (chars.length + extChars.length <= MAX_FILE_NAME_LENGTH) return safeStem + ext;
  // Over-long: shorten the stem and keep a sensible extension, counting characters, not UTF-16 units.
  const keptExt = extChars.length <= 16 ? ext : '';

  return chars.slice(0, MAX_FILE_NAME_LENGTH - [...keptExt].length).join('').trimEnd() + keptExt;
};

/** The lower-case extension without its dot; empty when the name has none. */
export const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');

  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
};

export type UploadVerdict =
  | { ok: true; type: AllowedFileType }
  | { ok: false; reason: 'type_not_allowed' }
  | { ok: false; reason: 'type_mismatch'; extension: string; detected: string };

/**
 * Whether bytes are plain text: valid UTF-8 without NUL bytes. The content detector recognises
 * no text format, so this is the content check for CSV; binaries fail it on their first NUL or
 * invalid sequence.
 */
export const isPlainText = (bytes: Uint8Array): boolean => {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);

    return true;
  } catch {
    return false;
  }
};

/**
 * Decides on an upload from what its bytes are (the detector's extension, undefined for
 * unrecognised content such as plain text) and what its name claims. Content decides the type;
 * the name must agree so that nobody opens a file expecting something else. Unrecognised content
 * is accepted only as CSV: named .csv and plain UTF-8 text (`bytes` given).
 */
export const classifyUpload = (detectedExt: string | undefined, fileName: string, bytes?: Uint8Array): UploadVerdict => {
  if (detectedExt === undefined && extensionOf(fileName) === 'csv' && bytes !== undefined && bytes.byteLength > 0 && isPlainText(bytes))
    return { ok: true, type: ALLOWED_FILE_TYPES.csv };
  const type = detectedExt !== undefined && detectedExt !== 'csv' ? ALLOWED_FILE_TYPES[detectedExt as keyof typeof ALLOWED_FILE_TYPES] : undefined;
  if (!type) return { ok: false, reason: 'type_not_allowed' };
  const extension = extensionOf(fileName);
  if (!(type.extensions as readonly string[]).includes(extension)) return { ok: false, reason: 'type_mismatch', extension: extension ? `.${extension}` : '', detected: type.label };

  return { ok: true, type };
};

/**
 * Content-Disposition for a download (RFC 6266): always an attachment, so the browser saves the
 * file instead of rendering it on our origin; an ASCII fallback name plus the exact UTF-8 name.
 */
export const contentDisposition = (fileName: string): string => {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // RFC 8187 attr-char excludes ' ( ) * which encodeURIComponent leaves alone.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};

/**
 * The headers of every download: an attachment with its exact size, never sniffed, and — official
 * and personal documents alike — never kept in shared caches and re-checked on every use.
 */
export const attachmentHeaders = (file: { fileName: string; mediaType: string; size: number }): Record<string, string> => ({
  'content-type': file.mediaType,
  'content-length': String(file.size),
  'content-disposition': contentDisposition(file.fileName),
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-cache',
});

/** A byte limit as people read it in an error message ("25 MB"). */
export const formatMegabytes = (bytes: number): string => `${Number((bytes / (1024 * 1024)).toPrecision(3))} MB`;
