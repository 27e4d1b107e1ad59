import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors.js';
import type { AuthUser } from './auth-user.js';

const logger = new Logger('Access');

/**
 * The SQL condition "the caller may see agreement `<alias>`", to put in every query that reads
 * agreements or what hangs from them. Pushes its parameters onto `params`.
 */
export function visibleAgreement(user: AuthUser, params: unknown[], alias = 'a'): string {
  switch (user.role) {
    case 'ADMIN':
    case 'APPROVER':
      return 'TRUE';
    case 'ANALYST':
      return `EXISTS (SELECT 1 FROM agreement_analysts aa WHERE aa.agreement_id = ${alias}.id AND aa.user_id = $${params.push(user.id)})`;
    case 'ENTITY':
      return `${alias}.entity_id = $${params.push(user.entityId)}`;
    case 'VERIFIER':
      return `${alias}.verifier_entity_id = $${params.push(user.entityId)}`;
    case 'DONOR':
      return user.donorId
        ? `${alias}.funding_program_id IN (SELECT id FROM funding_programs WHERE donor_id = $${params.push(user.donorId)})`
        : `${alias}.funding_program_id = $${params.push(user.fundingProgramId)}`;
  }
}

/** Logs a refusal (every one is logged) and answers the 404 that does not leak existence. */
export function refuse(user: AuthUser, what: string, id: string): NotFoundError {
  logger.warn({ msg: 'refused', reason: 'scope', userId: user.id, role: user.role, subject: what, subjectId: id });
  return new NotFoundError(what, id);
}

/** The agreement row if the caller may see it, else 404. `lock` takes FOR UPDATE. */
export async function findVisibleAgreement(tx: EntityManager, user: AuthUser, agreementId: string, lock = false) {
  const params: unknown[] = [agreementId];
  const [row] = await tx.query(
    `SELECT a.* FROM agreements a WHERE a.id = $1 AND ${visibleAgreement(user, params)} ${lock ? 'FOR UPDATE OF a' : ''}`,
    params,
  );
  if (!row) throw refuse(user, 'Agreement', agreementId);
  return row;
}

/** The tranche row (with agreement_id, entity_id, verifier_entity_id) if visible, else 404. */
export async function findVisibleTranche(tx: EntityManager, user: AuthUser, trancheId: string, lock = false) {
  const params: unknown[] = [trancheId];
  const [row] = await tx.query(
    `SELECT t.*, a.entity_id, a.verifier_entity_id, a.status AS agreement_status, a.current_version, a.correction_days
     FROM tranches t JOIN agreements a ON a.id = t.agreement_id
     WHERE t.id = $1 AND ${visibleAgreement(user, params)} ${lock ? 'FOR UPDATE OF t' : ''}`,
    params,
  );
  if (!row) throw refuse(user, 'Tranche', trancheId);
  return row;
}
