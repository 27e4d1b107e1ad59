import { randomUUID } from 'node:crypto';
import { close, createReadStream, fstat as fstatCb, mkdirSync, open } from 'node:fs';
import { access, constants, mkdir, rename, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { EvidenceStore, StoredBlob } from './evidence-store.js';

const openFd = promisify(open);
const fstat = promisify(fstatCb);
const closeFd = promisify(close);

const SHA256 = /^[0-9a-f]{64}$/;
const KEY = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** Evidence on local disk: `<dataDir>/evidence/blobs/<aa>/<sha256>`, uploads staged in `<dataDir>/evidence/tmp`. */
export class LocalEvidenceStore implements EvidenceStore {
  private readonly root: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'evidence');
    this.tmp = join(this.root, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
    mkdirSync(join(this.root, 'blobs'), { recursive: true });
  }

  async check(): Promise<void> {
    for (const dir of [this.tmp, join(this.root, 'blobs')]) {
      await access(dir, constants.W_OK).catch(() => {
        throw new Error(`${dir} is not writable`);
      });
    }
  }

  tempPath(): string {
    return join(this.tmp, `${randomUUID()}.part`);
  }

  async keep(tempPath: string, sha256: string): Promise<string> {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    const key = `blobs/${sha256.slice(0, 2)}/${sha256}`;
    const target = join(this.root, key);
    if (await exists(target)) {
      await this.discard(tempPath);
      return key;
    }
    await mkdir(join(this.root, 'blobs', sha256.slice(0, 2)), { recursive: true });
    // Same volume, so the blob appears whole or not at all. Two uploads of the same bytes racing
    // here both rename identical content onto one name, which leaves one correct blob.
    await rename(tempPath, target);
    return key;
  }

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }

  async open(storageKey: string): Promise<StoredBlob> {
    // Keys come from the database; still, only ever open what this store could have written.
    if (!KEY.test(storageKey)) throw new Error(`not a local evidence key: ${storageKey}`);
    // A plain descriptor, not a FileHandle: a FileHandle's close() waits for streams that never close it.
    const fd = await openFd(join(this.root, storageKey), 'r');
    try {
      const { size } = await fstat(fd);
      return {
        size,
        read: () => createReadStream('', { fd, start: 0, autoClose: false }),
        close: () => closeFd(fd),
      };
    } catch (e) {
      await closeFd(fd);
      throw e;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}
