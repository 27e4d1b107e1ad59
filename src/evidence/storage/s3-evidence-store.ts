import {
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Settings } from '../../config/app-config.js';
import type { EvidenceStore, StoredBlob } from './evidence-store.js';
import { LocalEvidenceStore } from './local-evidence-store.js';

const SHA256 = /^[0-9a-f]{64}$/;
/** Storage keys of this store: `s3:<object key>`, the object key ending in `<aa>/<sha256>`. */
const KEY = /^s3:(.*([0-9a-f]{2})\/([0-9a-f]{64}))$/;
const S3_KEY_PREFIX = 's3:';

/**
 * Evidence in an S3-compatible bucket: `<prefix><aa>/<sha256>`. Uploads are still staged (and
 * hashed) in a local temporary file under the data folder, then streamed to the bucket once.
 * Blobs kept on local disk before the bucket was configured stay readable: their keys
 * (`blobs/…`) are opened from the data folder, so both kinds coexist in one database.
 */
export class S3EvidenceStore implements EvidenceStore, OnModuleInit, OnModuleDestroy {
  private readonly client: S3Client;
  private readonly local: LocalEvidenceStore;

  constructor(
    dataDir: string,
    private readonly s3: S3Settings,
  ) {
    this.local = new LocalEvidenceStore(dataDir);
    this.client = new S3Client({
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: s3.forcePathStyle,
      credentials: s3.accessKeyId && s3.secretAccessKey ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } : undefined,
      // The bytes are hashed here (SHA-256 at upload, again before every download); the SDK's own
      // default checksums use aws-chunked trailers that many S3-compatible servers do not speak.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** Refuses to start on a bucket that is not there (or not ours to use), naming S3_BUCKET. */
  onModuleInit(): Promise<void> {
    return this.check();
  }

  /** The bucket answers, and the local folder where uploads are staged is writable. */
  async check(): Promise<void> {
    await this.local.check();
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.s3.bucket }));
    } catch (e) {
      const where = this.s3.endpoint ?? `AWS S3 (${this.s3.region})`;
      const why = statusOf(e) === 404 ? 'does not exist' : statusOf(e) === 403 ? 'is not accessible with the given credentials' : `cannot be reached: ${reasonOf(e)}`;
      throw new Error(`S3_BUCKET "${this.s3.bucket}" ${why} at ${where}`);
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  tempPath(): string {
    return this.local.tempPath();
  }

  async keep(tempPath: string, sha256: string): Promise<string> {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    const key = `${this.s3.prefix}${sha256.slice(0, 2)}/${sha256}`;
    try {
      await this.upload(tempPath, key, sha256);
    } finally {
      await this.local.discard(tempPath);
    }
    return S3_KEY_PREFIX + key;
  }

  async discard(tempPath: string): Promise<void> {
    await this.local.discard(tempPath);
  }

  async open(storageKey: string): Promise<StoredBlob> {
    if (!storageKey.startsWith(S3_KEY_PREFIX)) return this.local.open(storageKey);
    const match = KEY.exec(storageKey);
    // Keys come from the database; still, only ever open what this store could have written.
    if (!match || match[2] !== match[3].slice(0, 2)) throw new Error(`not an S3 evidence key: ${storageKey}`);
    const key = match[1];
    const found = await this.head(key);
    if (!found) throw missing(this.s3.bucket, key);
    const reading = new AbortController();
    return {
      size: found.size,
      read: () => {
        const out = new PassThrough();
        // If-Match: every read is of the object that was measured, not one replaced in between.
        this.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key, IfMatch: found.etag }), { abortSignal: reading.signal }).then(
          (res) => pipeline(res.Body as Readable, out).catch((e: Error) => out.destroy(e)),
          (e: unknown) => out.destroy(statusOf(e) === 404 ? missing(this.s3.bucket, key) : (e as Error)),
        );
        return out;
      },
      // Ends any read still under way (a reader that stopped early leaves its request open).
      close: async () => reading.abort(),
    };
  }

  /** Size and ETag of an object, or null when there is none. */
  private async head(key: string): Promise<{ size: number; etag?: string } | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.s3.bucket, Key: key }));
      return { size: res.ContentLength ?? 0, etag: res.ETag };
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  /**
   * Streams the temporary file up unless an object is at the address already (the same bytes),
   * never whole in memory. If-None-Match: one that appears meanwhile is not replaced either; the
   * SHA-256 lets the server check what it received.
   */
  private async upload(tempPath: string, key: string, sha256: string): Promise<void> {
    const { size } = await stat(tempPath);
    for (let attempt = 1; ; attempt++) {
      if (await this.head(key)) return;
      const body = createReadStream(tempPath);
      try {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.s3.bucket,
            Key: key,
            Body: body,
            ContentLength: size,
            ContentType: 'application/octet-stream',
            ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
            IfNoneMatch: '*',
          }),
        );
        return;
      } catch (e) {
        if (statusOf(e) === 412) return; // it is there now
        // 409: another upload of this address is under way (S3's answer to racing conditional
        // writes); look again, it has usually landed.
        if (statusOf(e) !== 409 || attempt === 3) throw e;
      } finally {
        body.destroy(); // a refused request may not have read it to the end
      }
    }
  }
}

/** The HTTP status of an S3 error answer (none for a network failure). */
function statusOf(e: unknown): number | undefined {
  return (e as Partial<S3ServiceException> | undefined)?.$metadata?.httpStatusCode;
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}

/** What the local store's open throws for a missing file, so both read as "file unreadable". */
function missing(bucket: string, key: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no such object s3://${bucket}/${key}`), { code: 'ENOENT' });
}
