import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';
import { Dec, money } from '../common/decimal.js';
import type { FixedTrancheResult } from '../compliance/index.js';
import { Clock } from './clock.js';
import { TrancheComplianceService } from './compliance/tranche-compliance.service.js';
import { moveTranche } from './tranche-state.js';
import { DEADLINE_SWEEP_JOB } from './workflow.constants.js';

export interface SweepResult {
  today: string;
  cancelled: { trancheId: string; cancelledAmount: string }[];
  /** Observed past the deadline but every criterion met on the accepted values: left for the analyst. */
  kept: string[];
  failed: { trancheId: string; error: string }[];
}

/**
 * Art. 17.7 of directive 002-2014-EF/50.01: when the correction deadline of a fixed tranche
 * passes (deadline < today, Lima date) and the tranche is still OBSERVED with criteria not met
 * on the accepted values, its balance is cancelled. Each tranche is locked with SKIP LOCKED and
 * re-checked inside its own transaction, so with any number of workers it is cancelled once.
 */
@Injectable()
export class DeadlineSweepService {
  private readonly logger = new Logger('DeadlineSweep');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly compliance: TrancheComplianceService,
    private readonly clock: Clock,
  ) {}

  async runDeadlineSweep(today = this.clock.today()): Promise<SweepResult> {
    const due: { id: string }[] = await this.db.query(
      `SELECT id FROM tranches WHERE kind = 'FIXED' AND status = 'OBSERVED' AND correction_deadline < $1 ORDER BY correction_deadline, id`,
      [today],
    );
    const result: SweepResult = { today, cancelled: [], kept: [], failed: [] };
    for (const { id } of due) {
      try {
        const outcome = await this.db.transaction((tx) => this.cancelIfStillUnmet(tx, id, today));
        if (outcome === 'kept') result.kept.push(id);
        else if (outcome) result.cancelled.push({ trancheId: id, cancelledAmount: outcome });
      } catch (e) {
        // One tranche whose data cannot be computed must not stop the others.
        this.logger.error({ msg: 'deadline sweep failed for a tranche', trancheId: id, error: (e as Error).message });
        result.failed.push({ trancheId: id, error: (e as Error).message });
      }
    }
    if (result.cancelled.length || result.failed.length) this.logger.log({ msg: 'deadline sweep', ...result });
    return result;
  }

  /** The cancelled amount, 'kept', or null when another worker has it or it is no longer due. */
  private async cancelIfStillUnmet(tx: EntityManager, id: string, today: string): Promise<string | 'kept' | null> {
    const [t] = await tx.query(
      `SELECT t.id, t.agreement_id, t.amount, t.correction_deadline::text AS deadline, a.fixed_tranche_rule
       FROM tranches t JOIN agreements a ON a.id = t.agreement_id
       WHERE t.id = $1 AND t.kind = 'FIXED' AND t.status = 'OBSERVED' AND t.correction_deadline < $2
       FOR UPDATE OF t SKIP LOCKED`,
      [id, today],
    );
    if (!t) return null;
    const c = await this.compliance.compute(tx, id, { basis: 'ACCEPTED' });
    const r = c.result as FixedTrancheResult;
    if (r.status === 'MET') return 'kept';
    const balance = cancelledBalance(t.fixed_tranche_rule, t.amount, r);
    const unmet = [...r.blockingCriteria.map((b) => b.code), ...pendingCodes(r)];
    const reason =
      `Art. 17.7 de la Directiva N° 002-2014-EF/50.01: venció el plazo de subsanación (${t.deadline}) ` +
      `sin cumplir ${unmet.length ? `los criterios ${unmet.join(', ')}` : 'los compromisos observados'}; se cancela el saldo del tramo fijo (S/ ${balance}).`;
    await moveTranche(tx, this.audit, {
      trancheId: id, agreementId: t.agreement_id, from: 'OBSERVED', to: 'CANCELLED', actor: SYSTEM_ACTOR(DEADLINE_SWEEP_JOB), reason,
      set: { cancelled_amount: balance, cancel_reason: reason },
      event: { kind: 'FIXED', cancelledAmount: balance, correctionDeadline: t.deadline, unmetCriteria: unmet, rule: t.fixed_tranche_rule },
    });
    return balance;
  }
}

/**
 * ALL_OR_NOTHING: the whole tranche. PER_PROCESS: the part of the processes not met (criteria
 * still without an accepted value count as not met: the deadline for them has passed too).
 */
function cancelledBalance(rule: string, amount: string, r: FixedTrancheResult): string {
  if (rule !== 'PER_PROCESS') return money(amount);
  if (r.unpaid !== null) return money(r.unpaid);
  return money(r.processes.filter((p) => p.met !== true).reduce((sum, p) => sum.plus(p.allocated ?? 0), new Dec(0)));
}

function pendingCodes(r: FixedTrancheResult): string[] {
  const pending = new Set(r.pendingCriteria);
  return r.processes.flatMap((p) => p.subprocesses.flatMap((s) => s.criteria)).filter((c) => pending.has(c.id)).map((c) => c.code);
}
