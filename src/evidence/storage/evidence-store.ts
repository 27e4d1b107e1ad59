import type { Readable } from 'node:stream';

/**
 * Where evidence bytes live, content-addressed by SHA-256. Uploads are first written to a local
 * temporary file (hashed and checked on the way), then kept under their address.
 */
export interface EvidenceStore {
  /** A fresh path for an incoming upload, on the same volume as the blobs so keeping it is a rename. */
  tempPath(): string;
  /**
   * Keeps a fully written temporary file as the blob of `sha256` and answers its storage key.
   * A blob already there is never replaced (same address, same bytes); the temporary file goes.
   */
  keep(tempPath: string, sha256: string): Promise<string>;
  /** Removes a temporary file that was not kept (absent is fine). */
  discard(tempPath: string): Promise<void>;
  /** Answers when files can be staged, kept and read; throws saying why not (readiness). */
  check(): Promise<void>;
  /** Opens a stored blob; it can be read more than once (to check it, then to send it). */
  open(storageKey: string): Promise<StoredBlob>;
}

export interface StoredBlob {
  size: number;
  /** A new stream over the whole blob, from the first byte. */
  read(): Readable;
  close(): Promise<void>;
}

/** Nest injection token of the store. */
export const EVIDENCE_STORE = Symbol('EvidenceStore');
