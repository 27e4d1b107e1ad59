import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { refuse, visibleAgreement } from '../auth/scope.js';
import { BadInputError, RuleViolationError, StateConflictError } from '../common/errors.js';

/** Once verified, the variable tranche's figures are frozen: no neutralisation can change them. */
const FROZEN = ['VERIFIED', 'APPROVED', 'TRANSFERRED', 'CANCELLED'];

/**
 * An approver takes an indicator out of one period's variable tranche (data not produced,
 * force majeure), with a reason; its weight is shared out among the others by the engine.
 */
@Injectable()
export class NeutralisationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  neutralise(user: AuthUser, indicatorId: string, periodId: string, reason: string) {
    return this.db.transaction(async (tx) => {
      const params: unknown[] = [indicatorId];
      const [ind] = await tx.query(
        `SELECT i.id, i.code, i.agreement_id FROM indicators i JOIN agreements a ON a.id = i.agreement_id WHERE i.id = $1 AND ${visibleAgreement(user, params)}`,
        params,
      );
      if (!ind) throw refuse(user, 'Indicator', indicatorId);
      const [period] = await tx.query(`SELECT id, code FROM periods WHERE id = $1 AND agreement_id = $2`, [periodId, ind.agreement_id]);
      if (!period) throw new BadInputError('Not a period of this indicator’s agreement', [{ field: 'periodId', problem: 'not a period of this agreement' }]);
      // Locks the tranche, so a verification cannot freeze the figures while this changes them.
      const [t] = await tx.query(`SELECT id, status FROM tranches WHERE period_id = $1 AND kind = 'VARIABLE' FOR UPDATE`, [periodId]);
      if (!t) throw new RuleViolationError(`Period ${period.code} has no variable tranche`, [{ field: 'periodId', problem: 'has no variable tranche' }]);
      if (FROZEN.includes(t.status)) {
        throw new StateConflictError(`The variable tranche of period ${period.code} is ${t.status}; indicators can be neutralised only before verification`, [
          { field: 'status', problem: `current ${t.status}, requested neutralisation` },
        ]);
      }
      const [row] = await tx.query(
        `INSERT INTO neutralisations (indicator_id, period_id, reason, decided_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (indicator_id, period_id) DO NOTHING
         RETURNING id, indicator_id AS "indicatorId", period_id AS "periodId", reason, decided_by AS "decidedBy", decided_at AS "decidedAt"`,
        [indicatorId, periodId, reason, user.id],
      );
      if (!row) throw new StateConflictError(`Indicator ${ind.code} is already neutralised in period ${period.code}`);
      await this.audit.record(tx, {
        agreementId: ind.agreement_id, subjectType: 'Indicator', subjectId: indicatorId, action: 'indicator.neutralised', actor: actorOf(user),
        after: { ...row, trancheId: t.id, indicatorCode: ind.code, periodCode: period.code },
      });
      return row;
    });
  }
}
