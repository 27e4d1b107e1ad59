import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { findVisibleTranche } from '../auth/scope.js';
import { money } from '../common/decimal.js';
import { RuleViolationError } from '../common/errors.js';
import { Clock } from './clock.js';
import { moveTranche } from './tranche-state.js';
import { OPEN_DUE_JOB } from './workflow.constants.js';

/** The simple moves: opening, starting the review, cancelling by an approver. */
@Injectable()
export class TrancheWorkflowService {
  private readonly logger = new Logger('TrancheWorkflow');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** SCHEDULED → OPEN by the analyst, ahead of the period's start if need be. */
  open(user: AuthUser, id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      if (t.agreement_status !== 'IN_FORCE') {
        throw new RuleViolationError(`The agreement is ${t.agreement_status}; tranches open only while it is IN_FORCE`, [
          { field: 'agreement.status', problem: `is ${t.agreement_status}` },
        ]);
      }
      await moveTranche(tx, this.audit, {
        trancheId: id, agreementId: t.agreement_id, from: t.status, to: 'OPEN', actor: actorOf(user), reason: 'Abierto por el sectorista',
      });
    });
  }

  /**
   * The scheduled opening: a tranche opens on its period's first day (`periods.starts_on`,
   * Lima date) once its agreement is in force. Each tranche is claimed with SKIP LOCKED and
   * re-checked, so several workers open it once. A period already over is left alone: opening
   * it years late is a decision for the analyst (POST /tranches/:id/open), not for a timer.
   */
  async openDueTranches(today = this.clock.today()): Promise<{ today: string; opened: string[] }> {
    const due: { id: string }[] = await this.db.query(
      `SELECT t.id FROM tranches t JOIN periods p ON p.id = t.period_id JOIN agreements a ON a.id = t.agreement_id
       WHERE t.status = 'SCHEDULED' AND a.status = 'IN_FORCE' AND p.starts_on <= $1 AND p.ends_on >= $1 ORDER BY p.starts_on, t.id`,
      [today],
    );
    const opened: string[] = [];
    for (const { id } of due) {
      const done = await this.db.transaction(async (tx) => {
        const [t] = await tx.query(
          `SELECT t.id, t.agreement_id, p.code, p.starts_on::text AS starts_on FROM tranches t
           JOIN periods p ON p.id = t.period_id JOIN agreements a ON a.id = t.agreement_id
           WHERE t.id = $1 AND t.status = 'SCHEDULED' AND a.status = 'IN_FORCE' AND p.starts_on <= $2 AND p.ends_on >= $2
           FOR UPDATE OF t SKIP LOCKED`,
          [id, today],
        );
        if (!t) return false;
        await moveTranche(tx, this.audit, {
          trancheId: id, agreementId: t.agreement_id, from: 'SCHEDULED', to: 'OPEN', actor: SYSTEM_ACTOR(OPEN_DUE_JOB),
          reason: `Inicio del periodo ${t.code} (${t.starts_on})`,
        });
        return true;
      });
      if (done) opened.push(id);
    }
    if (opened.length) this.logger.log({ msg: 'tranches opened', today, count: opened.length });
    return { today, opened };
  }

  /** SUBMITTED → IN_REVIEW: the assigned analyst takes the entity's report. */
  startReview(user: AuthUser, id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      await moveTranche(tx, this.audit, {
        trancheId: id, agreementId: t.agreement_id, from: t.status, to: 'IN_REVIEW', actor: actorOf(user), reason: 'Revisión iniciada',
      });
    });
  }

  /** An approver cancels the tranche with a reason; nothing of it will be paid. */
  cancel(user: AuthUser, id: string, reason: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      const balance = money(t.amount);
      await moveTranche(tx, this.audit, {
        trancheId: id, agreementId: t.agreement_id, from: t.status, to: 'CANCELLED', actor: actorOf(user), reason,
        set: { cancelled_amount: balance, cancel_reason: reason },
        event: { kind: t.kind, cancelledAmount: balance },
      });
    });
  }
}
