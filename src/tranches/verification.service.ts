import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { findVisibleTranche } from '../auth/scope.js';
import { Dec, money } from '../common/decimal.js';
import { BadInputError, ForbiddenActionError, RuleViolationError } from '../common/errors.js';
import { TransfersService } from '../transfers/transfers.service.js';
import { Clock, limaDay } from './clock.js';
import { TrancheComplianceService } from './compliance/tranche-compliance.service.js';
import { pendingItems } from './computation.js';
import { assertMove, moveTranche } from './tranche-state.js';
import type { TransferTrancheDto, VerifyTrancheDto } from './tranches.dto.js';
import { enqueueReport, recordReportRequest } from '../reports/report-request.js';
import { REPORTS_QUEUE } from '../reports/reports.constants.js';

/** Verification (figures frozen, report queued), approval by another person, and the transfer. */
@Injectable()
export class VerificationService {
  private readonly logger = new Logger('Verification');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(REPORTS_QUEUE) private readonly reports: Queue,
    private readonly audit: AuditService,
    private readonly compliance: TrancheComplianceService,
    private readonly transfers: TransfersService,
    private readonly clock: Clock,
  ) {}

  /**
   * IN_REVIEW → VERIFIED on the accepted values: the engine's result, its input hash, the
   * agreement version and the amount are frozen on the tranche; the verification report is
   * queued in the same transaction (reports row + `report.requested`) and its job enqueued after.
   */
  async verify(user: AuthUser, id: string, dto: VerifyTrancheDto): Promise<void> {
    const reportId = await this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      assertMove(t.status, 'VERIFIED');
      const c = await this.compliance.compute(tx, id, { basis: 'ACCEPTED' });
      if (c.result.status === 'PENDING') {
        const pending = pendingItems(c);
        throw new RuleViolationError(
          `The tranche cannot be verified while values are pending: ${pending.map((p) => p.field.slice(p.field.indexOf('.') + 1)).join(', ')}`,
          pending,
        );
      }
      const amount = money(c.amount);
      await moveTranche(tx, this.audit, {
        trancheId: id, agreementId: t.agreement_id, from: t.status, to: 'VERIFIED', actor: actorOf(user), reason: 'Verificación concluida',
        set: {
          verified_result: c.result, verified_input_hash: c.inputHash, verified_version: c.agreementVersion, verified_amount: amount,
          verified_by: user.id, verified_at: new Date(), conclusions: dto.conclusions, recommendations: dto.recommendations ?? null,
        },
        event: { kind: t.kind, amount, status: c.result.status, inputHash: c.inputHash, agreementVersion: c.agreementVersion },
      });
      return recordReportRequest(tx, this.audit, actorOf(user), {
        type: t.kind === 'FIXED' ? 'FIXED_VERIFICATION' : 'VARIABLE_VERIFICATION', lang: 'es', trancheId: id,
        agreementId: t.agreement_id, filters: null, requestedBy: user.id,
      });
    });
    // After the commit, so the worker finds the row. If this fails the report stays QUEUED (see report).
    await enqueueReport(this.reports, reportId)
      .catch((e) => this.logger.error({ msg: 'verification report not enqueued; the recovery job will', reportId, error: (e as Error).message }));
  }

  /**
   * VERIFIED → APPROVED by an approver who did not verify it (four eyes). The transfer is
   * requested and `transfer.requested` written in the same transaction: exactly once.
   */
  async approve(user: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      assertMove(t.status, 'APPROVED');
      if (t.verified_by === user.id) {
        throw new ForbiddenActionError('Four eyes: you verified this tranche, so another approver must approve it');
      }
      const amount = money(t.verified_amount);
      await moveTranche(tx, this.audit, {
        trancheId: id, agreementId: t.agreement_id, from: t.status, to: 'APPROVED', actor: actorOf(user), reason: 'Verificación aprobada',
        set: { approved_by: user.id, approved_at: new Date(), approved_amount: amount },
        event: { kind: t.kind, approvedAmount: amount },
      });
      await this.transfers.request(tx, { trancheId: id, agreementId: t.agreement_id, amount }, user);
    });
  }

  /** APPROVED → TRANSFERRED: the money sent, with its legal instrument; never more than approved. */
  async transfer(user: AuthUser, id: string, dto: TransferTrancheDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const t = await findVisibleTranche(tx, user, id, true);
      assertMove(t.status, 'TRANSFERRED');
      const approved = money(t.approved_amount);
      if (new Dec(dto.amount).lte(0)) {
        // A transfer of nothing would close the tranche and lose the approved amount from every total.
        throw new BadInputError('A transfer sends money: the amount must be above 0.00', [{ field: 'amount', problem: `must be above 0.00 and at most ${approved}` }]);
      }
      if (new Dec(dto.amount).gt(approved)) {
        throw new RuleViolationError(`The transfer (${money(dto.amount)}) exceeds the approved amount (${approved})`, [
          { field: 'amount', problem: `must be at most ${approved}` },
        ]);
      }
      const today = this.clock.today();
      if (dto.executedOn > today) {
        throw new RuleViolationError('A transfer is recorded once executed', [{ field: 'executedOn', problem: `must be ${today} or earlier` }]);
      }
      const approvedOn = limaDay(t.approved_at);
      if (dto.executedOn < approvedOn) {
        throw new RuleViolationError('Money is transferred after its approval', [{ field: 'executedOn', problem: `must be ${approvedOn} (the approval) or later` }]);
      }
      const amount = money(dto.amount);
      await moveTranche(tx, this.audit, {
        trancheId: id, agreementId: t.agreement_id, from: t.status, to: 'TRANSFERRED', actor: actorOf(user),
        reason: `Transferencia ${dto.instrument} del ${dto.executedOn}`,
        event: { kind: t.kind, amount, instrument: dto.instrument, executedOn: dto.executedOn },
      });
      await this.transfers.execute(tx, { trancheId: id, agreementId: t.agreement_id, instrument: dto.instrument, executedOn: dto.executedOn, amount }, user);
    });
  }
}
