import { ComplianceInputError, ProblemList } from '../compliance-input.error.js';
import type { ComputationContext, Dec } from '../shared/dec.types.js';
import { computeVariableTranche } from './evaluate-variable-tranche.js';
import { readVariableTranche } from './read-variable-tranche.js';
import type { IndicatorInput, VariableTrancheResult } from './variable-tranche.types.js';

export interface VariablePeriodInput {
  trancheAmount: Dec;
  /** Without carriedIn: the series works it out from the previous period. */
  indicators: Omit<IndicatorInput, 'carriedIn'>[];
  context?: ComputationContext;
}

/**
 * Variable tranches of consecutive periods, threading carry-over: what indicator X leaves
 * unpaid in one period is carried into indicator X (matched by code) in the next, and
 * released after the last period. Carry aimed at an indicator the next period no longer
 * has is released at once. Once a period is pending, the later ones are pending too when
 * carry-over applies, because what they receive is not known yet.
 */
export function evaluateVariableSeries(
  periods: readonly VariablePeriodInput[],
  allowCarryOver: boolean,
): VariableTrancheResult[] {
  checkNoCarriedIn(periods);
  const results: VariableTrancheResult[] = [];
  let carried = new Map<string, Dec>();
  let waitingForPeriod: number | null = null;

  periods.forEach((period, k) => {
    const isLastPeriod = k === periods.length - 1;
    const indicators: IndicatorInput[] = period.indicators.map((indicator) => {
      const carriedIn = carried.get(indicator.code);
      return carriedIn === undefined ? { ...indicator } : { ...indicator, carriedIn };
    });
    const input = { ...period, indicators, allowCarryOver, isLastPeriod };
    const read = withinPeriod(k, () => readVariableTranche(input));
    const nextCodes = new Set(periods[k + 1]?.indicators.map((i) => i.code) ?? []);
    const withoutSuccessor = new Set(
      read.indicators.map((i) => i.input.code).filter((code) => !nextCodes.has(code)),
    );

    const result = computeVariableTranche(read, { withoutSuccessor, waitingForPeriod }, input);
    results.push(result);

    if (allowCarryOver && result.status === 'PENDING' && waitingForPeriod === null)
      waitingForPeriod = k + 1;
    carried = new Map(
      result.lines
        .filter((line) => line.carriedOver !== '0.00')
        .map((line) => [line.code, line.carriedOver]),
    );
  });
  return results;
}

/** The series owns carry-over; a carriedIn given by hand would be counted twice. */
function checkNoCarriedIn(periods: readonly VariablePeriodInput[]): void {
  const problems = new ProblemList();
  if (!Array.isArray(periods) || periods.length === 0)
    problems.add('periods', 'la serie no tiene periodos');
  else {
    periods.forEach((period, k) =>
      (period?.indicators ?? []).forEach(
        (indicator: Omit<IndicatorInput, 'carriedIn'>, i: number) => {
          if ((indicator as IndicatorInput).carriedIn !== undefined) {
            problems.add(
              `periods[${k}].indicators[${i}].carriedIn`,
              `indicador ${indicator.code}: el arrastre lo calcula la serie; no lo envíe`,
            );
          }
        },
      ),
    );
  }
  problems.throwIfAny();
}

/** Problems name the period they were found in: `periods[1].indicators[0].weight`. */
function withinPeriod<T>(k: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ComplianceInputError)) throw error;
    throw new ComplianceInputError(
      error.problems.map(({ field, problem }) => ({ field: `periods[${k}].${field}`, problem })),
    );
  }
}
