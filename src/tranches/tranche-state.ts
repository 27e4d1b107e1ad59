import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { StateConflictError } from '../common/errors.js';
import { writeOutbox } from '../events/outbox.js';

export const TRANCHE_STATUSES = [
  'SCHEDULED', 'OPEN', 'SUBMITTED', 'IN_REVIEW', 'OBSERVED', 'VERIFIED', 'APPROVED', 'TRANSFERRED', 'CANCELLED',
] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

/** DOMAIN.md §5: the only moves there are. Anything else is a 409 naming both states. */
export const ALLOWED_MOVES: Record<TrancheStatus, TrancheStatus[]> = {
  SCHEDULED: ['OPEN', 'CANCELLED'],
  OPEN: ['SUBMITTED', 'CANCELLED'],
  SUBMITTED: ['IN_REVIEW', 'CANCELLED'],
  IN_REVIEW: ['OBSERVED', 'VERIFIED', 'CANCELLED'],
  OBSERVED: ['SUBMITTED', 'CANCELLED'],
  VERIFIED: ['APPROVED', 'CANCELLED'],
  APPROVED: ['TRANSFERRED'],
  TRANSFERRED: [],
  CANCELLED: [],
};

export interface TransitionRequest {
  trancheId: string;
  agreementId: string;
  from: TrancheStatus;
  to: TrancheStatus;
  actor: Actor;
  reason?: string | null;
  /** Extra columns to set with the move (e.g. verified_by, approved_amount). */
  set?: Record<string, unknown>;
  /** Extra data for the `tranche.<to>` event (e.g. cancelledAmount). */
  event?: Record<string, unknown>;
}

/**
 * Moves a tranche the caller has already locked (SELECT … FOR UPDATE) and read as `from`:
 * checks the move, stamps it, records the transition, the audit entry and the `tranche.<to>`
 * outbox event (for webhooks) — all in `tx`.
 */
/** 409 naming both states unless `from → to` is one of the allowed moves. */
export function assertMove(from: TrancheStatus, to: TrancheStatus): void {
  if (!ALLOWED_MOVES[from].includes(to)) throw StateConflictError.transition('Tranche', from, to);
}

export async function moveTranche(tx: EntityManager, audit: AuditService, r: TransitionRequest): Promise<void> {
  assertMove(r.from, r.to);
  const extra = Object.entries(r.set ?? {});
  const params: unknown[] = [r.trancheId, r.to, r.from];
  const sets = extra.map(([col, v]) => `${col} = $${params.push(v)}`);
  const updated = await tx.query(
    `UPDATE tranches SET status = $2, row_version = row_version + 1, updated_at = now()${sets.length ? ', ' + sets.join(', ') : ''}
     WHERE id = $1 AND status = $3 RETURNING id`,
    params,
  );
  // TypeORM answers UPDATE … RETURNING as [rows, count]. No row: a concurrent move won.
  const rows = Array.isArray(updated[0]) ? updated[0] : updated;
  if (!rows.length) throw StateConflictError.transition('Tranche', 'changed concurrently', r.to);
  await tx.query(
    `INSERT INTO tranche_transitions (tranche_id, from_status, to_status, actor_id, actor_label, reason) VALUES ($1,$2,$3,$4,$5,$6)`,
    [r.trancheId, r.from, r.to, r.actor.id, r.actor.label, r.reason ?? null],
  );
  await audit.record(tx, {
    agreementId: r.agreementId, subjectType: 'Tranche', subjectId: r.trancheId, action: `tranche.${r.to.toLowerCase()}`,
    actor: r.actor, before: { status: r.from }, after: { status: r.to, reason: r.reason ?? null, ...Object.fromEntries(extra) },
  });
  await writeOutbox(tx, {
    type: `tranche.${r.to.toLowerCase()}`,
    subjectId: r.trancheId,
    data: { trancheId: r.trancheId, agreementId: r.agreementId, from: r.from, to: r.to, reason: r.reason ?? null, by: r.actor.label, ...r.event },
  });
}
