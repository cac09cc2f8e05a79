/**
 * Where uploaded bytes live. Content is addressed by its SHA-256, so the same bytes uploaded twice
 * are stored once and a stored object never changes. The database keeps the metadata (name, type,
 * owner) in stored_file; the store only knows hashes.
 *
 * The local implementation (local-file-store.ts) writes under DATA_DIR/files. Another backend,
 * such as S3-compatible object storage, can implement this same interface (put = PutObject keyed
 * by the hash after hashing the bytes, get = GetObject streamed, has = HeadObject) without any
 * change to the files module.
 */
export interface FileStore {
  /** Stores the bytes (a no-op when the same content is already there) and returns its address. */
  put(bytes: Uint8Array): Promise<StoredObject>;
  /** The stored bytes as a stream, or undefined when nothing is stored under that hash. */
  get(sha256: string): Promise<ReadableStream<Uint8Array> | undefined>;
  has(sha256: string): Promise<boolean>;
}

export type StoredObject = { sha256: string; size: number };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A hash as the store accepts it; anything else could escape the store's directory. */
export const isSha256Hex = (value: string): boolean => SHA256_HEX.test(value);
