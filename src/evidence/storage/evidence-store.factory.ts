import type { AppConfig } from '../../config/app-config.js';
import type { EvidenceStore } from './evidence-store.js';
import { LocalEvidenceStore } from './local-evidence-store.js';
import { S3EvidenceStore } from './s3-evidence-store.js';

/**
 * The evidence store the configuration asks for: the S3 bucket when S3_BUCKET is set (its
 * existence checked on module init), local disk under the data folder otherwise.
 */
export function evidenceStoreFor(config: AppConfig): EvidenceStore {
  return config.s3 ? new S3EvidenceStore(config.dataDir, config.s3) : new LocalEvidenceStore(config.dataDir);
}
