import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../../common/errors.js';

/** A stored file no longer matches the SHA-256 recorded at upload (or is gone): it is never served. */
export class EvidenceIntegrityError extends DomainError {
  readonly status = HttpStatus.INTERNAL_SERVER_ERROR;
  constructor(evidenceId: string) {
    super(`Evidence ${evidenceId} failed its integrity check and is not served; the incident was logged`);
  }
}
