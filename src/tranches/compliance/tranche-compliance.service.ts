import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { findVisibleAgreement, findVisibleTranche } from '../../auth/scope.js';
import { money } from '../../common/decimal.js';
import { NotFoundError, RuleViolationError } from '../../common/errors.js';
import {
  ComplianceInputError,
  evaluateFixedTranche,
  evaluateVariableSeries,
  evaluateVariableTranche,
  type FixedTrancheResult,
  type VariableTrancheResult,
} from '../../compliance/index.js';
import { type ComplianceTranche, contextOf, loadTranche, loadVariableTranches } from './compliance-tranche.js';
import { type ComplianceBasis, loadValues, type RequestedBasis, resolveBasis, valuesOn } from './compliance-values.js';
import { buildFixedInput } from './fixed-input.js';
import { readOverrides } from './simulation.js';
import type { SimulateDto } from './tranche-compliance.dto.js';
import { type IndicatorBook, loadIndicatorBook, type PeriodOverrides, periodIndicators } from './variable-input.js';

export interface TrancheComputation {
  trancheId: string;
  agreementId: string;
  kind: 'FIXED' | 'VARIABLE';
  /** agreements.current_version at computation time. */
  agreementVersion: number;
  /** REPORTED while no accepted value exists yet (the figures are then only indicative). */
  basis: ComplianceBasis;
  /** What would pay now, 2 decimals. */
  amount: string;
  /** The engine's result, untouched. */
  result: FixedTrancheResult | VariableTrancheResult;
  inputHash: string;
  computedAt: string;
}

/** The figures frozen at verification: those that count once a tranche is verified. */
export interface FrozenFigures {
  agreementVersion: number | null;
  inputHash: string | null;
  amount: string | null;
  result: unknown;
  verifiedAt: Date | null;
  verifiedBy: string | null;
}

const VERIFIED_OR_LATER = new Set(['VERIFIED', 'APPROVED', 'TRANSFERRED']);

/**
 * Feeds the pure compliance engine from the database: builds its input for one tranche from
 * the agreement's commitments or indicators and the tranche's current values, and answers
 * the engine's result untouched.
 */
@Injectable()
export class TrancheComplianceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** What the tranche pays now. No scoping here: callers check visibility first. */
  async compute(tx: EntityManager, trancheId: string, opts: { basis?: RequestedBasis } = {}): Promise<TrancheComputation> {
    const tranche = await loadTranche(tx, trancheId);
    const requested = opts.basis ?? 'AUTO';
    return tranche.kind === 'FIXED' ? this.fixed(tx, tranche, requested) : this.variable(tx, tranche, requested);
  }

  /** GET /tranches/:id/compliance: live figures, and the frozen ones once verified. One snapshot for both. */
  live(user: AuthUser, trancheId: string, basis: RequestedBasis = 'AUTO') {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const row = await findVisibleTranche(tx, user, trancheId);
      const computation = await this.compute(tx, trancheId, { basis });
      return { ...computation, live: true as const, frozen: frozenOf(row) };
    });
  }

  /**
   * What the variable tranche of a period would pay with these achieved values (the other
   * indicators keep their current ones) and these indicators neutralised. Built in memory:
   * nothing is written.
   */
  simulate(user: AuthUser, agreementId: string, dto: SimulateDto) {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await findVisibleAgreement(tx, user, agreementId);
      const [period] = await tx.query(`SELECT id, code FROM periods WHERE id = $1 AND agreement_id = $2`, [dto.periodId, agreementId]);
      if (!period) throw new NotFoundError('Period', dto.periodId);
      const tranches = await loadVariableTranches(tx, agreementId);
      const tranche = tranches.find((t) => t.periodId === period.id);
      if (!tranche) {
        throw new RuleViolationError(`Period ${period.code} has no variable tranche`, [
          { field: 'periodId', problem: `period ${period.code} has no variable tranche to simulate` },
        ]);
      }
      const book = await loadIndicatorBook(tx, agreementId);
      const overrides = readOverrides(book, period, dto);
      const computation = await this.variable(tx, tranche, 'AUTO', { tranches, book, overrides });
      return { ...computation, simulated: true as const };
    });
  }

  private async fixed(tx: EntityManager, tranche: ComplianceTranche, requested: RequestedBasis): Promise<TrancheComputation> {
    const values = (await loadValues(tx, [tranche.id])).get(tranche.id)!;
    const basis = resolveBasis(values, requested);
    const input = await buildFixedInput(tx, tranche, valuesOn(values, basis), basis);
    return computation(tranche, basis, engine(() => evaluateFixedTranche(input)));
  }

  /**
   * Without carry-over a variable tranche stands alone. With it, the agreement's variable
   * tranches run as one series in period order, so what earlier periods left unpaid arrives
   * here. Earlier periods are recomputed from their own values (not read from their frozen
   * results): with the same values the figures are the same, and the series stays one
   * computation the engine can explain. The next period is included only because the engine
   * needs to know whether this one is the last and which indicators continue.
   */
  private async variable(
    tx: EntityManager,
    tranche: ComplianceTranche,
    requested: RequestedBasis,
    given: { tranches?: ComplianceTranche[]; book?: IndicatorBook; overrides?: PeriodOverrides } = {},
  ): Promise<TrancheComputation> {
    const all = given.tranches ?? (await loadVariableTranches(tx, tranche.agreementId));
    const k = all.findIndex((t) => t.id === tranche.id);
    const window = tranche.allowCarryOver ? all.slice(0, k + 2) : [tranche];
    const book = given.book ?? (await loadIndicatorBook(tx, tranche.agreementId));
    const values = await loadValues(tx, window.map((t) => t.id));

    // Other periods count on what they can: their accepted values, or what was reported before any.
    const basisOf = (t: ComplianceTranche) =>
      resolveBasis(values.get(t.id)!, t.id === tranche.id || requested === 'ACCEPTED' ? requested : 'AUTO');
    const periods = window.map((t) => {
      const basis = basisOf(t);
      return {
        trancheAmount: t.amount,
        indicators: periodIndicators(book, t.periodId, valuesOn(values.get(t.id)!, basis), t.id === tranche.id ? given.overrides : undefined),
        context: contextOf(t, basis),
      };
    });
    const result = engine(() =>
      tranche.allowCarryOver
        ? evaluateVariableSeries(periods, true)[k]!
        : evaluateVariableTranche({ ...periods[0]!, allowCarryOver: false, isLastPeriod: k === all.length - 1 }),
    );
    return computation(tranche, basisOf(tranche), result);
  }
}

function computation(t: ComplianceTranche, basis: ComplianceBasis, result: FixedTrancheResult | VariableTrancheResult): TrancheComputation {
  return {
    trancheId: t.id,
    agreementId: t.agreementId,
    kind: t.kind,
    agreementVersion: t.agreementVersion,
    basis,
    amount: result.amount,
    result,
    inputHash: result.inputHash,
    computedAt: new Date().toISOString(),
  };
}

/** The engine refuses what it cannot read unambiguously: that is the agreement's data breaking a rule (422). */
function engine<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ComplianceInputError) {
      throw new RuleViolationError('The tranche cannot be computed from the agreement’s data', e.problems);
    }
    throw e;
  }
}

function frozenOf(r: Record<string, any>): FrozenFigures | null {
  if (!r.verified_at && !VERIFIED_OR_LATER.has(r.status)) return null;
  return {
    agreementVersion: r.verified_version,
    inputHash: r.verified_input_hash,
    amount: r.verified_amount === null ? null : money(r.verified_amount),
    result: r.verified_result,
    verifiedAt: r.verified_at,
    verifiedBy: r.verified_by,
  };
}
