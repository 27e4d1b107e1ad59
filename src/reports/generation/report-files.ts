import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config.js';

const FILE_KEY = /^reports\/[0-9a-f-]{36}\.xlsx$/;

/**
 * Where report files live: `DATA_DIR/reports/<id>.xlsx`, written first under `reports/tmp/` and
 * renamed into place (same file system, so the rename is atomic): a file under its final name
 * is always complete.
 */
@Injectable()
export class ReportFiles {
  private readonly dir: string;
  private readonly tmpDir: string;

  constructor(private readonly config: AppConfig) {
    this.dir = join(config.dataDir, 'reports');
    this.tmpDir = join(this.dir, 'tmp');
  }

  /** A fresh temporary path for one attempt at report `id`. */
  async temporary(id: string): Promise<string> {
    await mkdir(this.tmpDir, { recursive: true });
    return join(this.tmpDir, `${id}.${randomBytes(6).toString('hex')}.xlsx`);
  }

  /** Moves a complete temporary file into place; answers its key and size. */
  async publish(tmp: string, id: string): Promise<{ fileKey: string; size: number }> {
    const fileKey = `reports/${id}.xlsx`;
    await rename(tmp, this.pathOf(fileKey));
    return { fileKey, size: (await stat(this.pathOf(fileKey))).size };
  }

  async remove(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** The file of a key stored in `reports.file_key`; anything else is refused. */
  pathOf(fileKey: string): string {
    if (!FILE_KEY.test(fileKey)) throw new Error(`not a report file key: ${fileKey}`);
    return join(this.config.dataDir, fileKey);
  }
}
