import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { StateConflictError } from '../common/errors.js';

/**
 * Records the signature of a draft the caller has locked: the agreement is IN_FORCE and its text
 * immutable from then on (it changes only by addendum).
 */
export async function signAgreement(
  tx: EntityManager, audit: AuditService, row: { id: string; status: string }, signature: { number: string; signedOn: string }, actor: Actor,
): Promise<void> {
  if (row.status !== 'DRAFT') throw StateConflictError.transition('Agreement', row.status, 'IN_FORCE');
  await tx.query(
    `UPDATE agreements SET status = 'IN_FORCE', number = $2, signed_on = $3, row_version = row_version + 1, updated_at = now() WHERE id = $1`,
    [row.id, signature.number, signature.signedOn],
  );
  await audit.record(tx, {
    agreementId: row.id, subjectType: 'Agreement', subjectId: row.id, action: 'agreement.signed', actor,
    before: { status: row.status }, after: { status: 'IN_FORCE', number: signature.number, signedOn: signature.signedOn },
  });
}
