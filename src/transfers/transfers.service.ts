import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { StateConflictError } from '../common/errors.js';
import { money } from '../common/decimal.js';
import { writeOutbox } from '../events/outbox.js';

export interface TransferView {
  id: string;
  trancheId: string;
  status: 'REQUESTED' | 'EXECUTED';
  requestedAmount: string;
  requestedBy: string;
  requestedAt: string;
  instrument: string | null;
  executedOn: string | null;
  amount: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

const COLUMNS = `id, tranche_id AS "trancheId", status, requested_amount AS "requestedAmount", requested_by AS "requestedBy",
  requested_at AS "requestedAt", instrument, executed_on::text AS "executedOn", amount, recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

const view = (r: TransferView): TransferView => ({
  ...r, requestedAmount: money(r.requestedAmount), amount: r.amount === null ? null : money(r.amount),
});

/** The money leaving MEF: requested when a tranche is approved, executed with its legal instrument. */
@Injectable()
export class TransfersService {
  constructor(private readonly audit: AuditService) {}

  async ofTranche(tx: EntityManager, trancheId: string): Promise<TransferView | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM transfers WHERE tranche_id = $1`, [trancheId]);
    return row ? view(row) : null;
  }

  /**
   * Called in the approval's transaction: one transfer per tranche (UNIQUE tranche_id) and
   * its `transfer.requested` event in the same commit, so the event exists exactly once.
   */
  async request(tx: EntityManager, t: { trancheId: string; agreementId: string; amount: string }, by: AuthUser): Promise<TransferView> {
    const [row] = await tx.query(
      `INSERT INTO transfers (tranche_id, requested_amount, requested_by) VALUES ($1, $2, $3)
       ON CONFLICT (tranche_id) DO NOTHING RETURNING ${COLUMNS}`,
      [t.trancheId, t.amount, by.id],
    );
    if (!row) throw new StateConflictError(`A transfer was already requested for tranche ${t.trancheId}`);
    const transfer = view(row);
    await this.audit.record(tx, {
      agreementId: t.agreementId, subjectType: 'Transfer', subjectId: transfer.id, action: 'transfer.requested', actor: actorOf(by), after: transfer,
    });
    await writeOutbox(tx, {
      type: 'transfer.requested',
      subjectId: t.trancheId,
      data: { transferId: transfer.id, trancheId: t.trancheId, agreementId: t.agreementId, amount: transfer.requestedAmount, requestedBy: by.email },
    });
    return transfer;
  }

  /** Records the executed transfer; the caller has checked the amount against the approval. */
  async execute(
    tx: EntityManager,
    t: { trancheId: string; agreementId: string; instrument: string; executedOn: string; amount: string },
    by: AuthUser,
  ): Promise<TransferView> {
    const before = await this.ofTranche(tx, t.trancheId);
    if (!before || before.status !== 'REQUESTED') {
      throw StateConflictError.transition('Transfer', before?.status ?? 'missing', 'EXECUTED');
    }
    const [rows] = await tx.query(
      `UPDATE transfers SET status = 'EXECUTED', instrument = $2, executed_on = $3, amount = $4, recorded_by = $5, recorded_at = now()
       WHERE tranche_id = $1 AND status = 'REQUESTED' RETURNING ${COLUMNS}`,
      [t.trancheId, t.instrument, t.executedOn, t.amount, by.id],
    );
    const after = view(rows[0]);
    await this.audit.record(tx, {
      agreementId: t.agreementId, subjectType: 'Transfer', subjectId: after.id, action: 'transfer.executed', actor: actorOf(by), before, after,
    });
    await writeOutbox(tx, {
      type: 'transfer.executed',
      subjectId: t.trancheId,
      data: { transferId: after.id, trancheId: t.trancheId, agreementId: t.agreementId, instrument: t.instrument, executedOn: t.executedOn, amount: after.amount },
    });
    return after;
  }
}
