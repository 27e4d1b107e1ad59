import { Decimal, ONE, ZERO, toMoney, toRatio } from '../shared/decimal.js';
import { distributeByLargestRemainder } from '../shared/largest-remainder.js';
import { type IndicatorScore, scoreIndicator } from './indicator-score.js';
import { hashVariableTranche } from './variable-tranche-hash.js';
import { explainIndicatorLine, explainVariableTranche } from './variable-tranche-explanation.js';
import type {
  IndicatorLine,
  VariableTrancheInput,
  VariableTrancheResult,
} from './variable-tranche.types.js';
import {
  type ReadIndicator,
  type ReadVariableTranche,
  readVariableTranche,
} from './read-variable-tranche.js';

/**
 * The variable tranche (tramo variable) on its indicator goals: progress, score, the
 * amount each indicator pays, and where its unpaid part goes (carried over or released).
 * Throws ComplianceInputError when the input cannot be read.
 */
export function evaluateVariableTranche(input: VariableTrancheInput): VariableTrancheResult {
  return computeVariableTranche(readVariableTranche(input), NO_OPTIONS, input);
}

export interface SeriesOptions {
  /** Indicators absent from the next period: their unpaid part has nowhere to go. */
  withoutSuccessor: ReadonlySet<string>;
  /** Set when an earlier period is still pending, so this period's carry-in is unknown. */
  waitingForPeriod: number | null;
}

const NO_OPTIONS: SeriesOptions = { withoutSuccessor: new Set(), waitingForPeriod: null };

export function computeVariableTranche(
  tranche: ReadVariableTranche,
  options: SeriesOptions,
  input: VariableTrancheInput,
): VariableTrancheResult {
  const { indicators } = tranche;
  const anyNeutralised = indicators.some((ind) => ind.neutralised);
  const activeWeights = anyNeutralised
    ? indicators.map((ind) => (ind.neutralised ? ZERO : ind.weight))
    : indicators.map((ind) => ind.weight);
  // Weights add up to exactly 1 (checked on reading), so only neutralisation changes the total.
  const activeTotal = anyNeutralised ? activeWeights.reduce((sum, w) => sum.plus(w), ZERO) : ONE;
  // With no weight left to pay on (all neutralised), the tranche is still split by the
  // agreed weights so that each indicator's line shows what it releases.
  const nothingToPay = activeTotal.isZero();
  const shares = nothingToPay
    ? distributeByLargestRemainder(
        tranche.trancheAmount,
        indicators.map((ind) => ind.weight),
        ONE,
      )
    : distributeByLargestRemainder(tranche.trancheAmount, activeWeights, activeTotal);

  const pendingIndicators = indicators
    .filter((ind) => !ind.neutralised && ind.achieved === null)
    .map((ind) => ind.input.id);
  const pending = pendingIndicators.length > 0 || options.waitingForPeriod !== null;
  const carryOn = tranche.allowCarryOver && !tranche.isLastPeriod;

  // Weights that already add up to 1 need no division (the slow operation); decided once
  // for the tranche, as every decimal comparison copies its operand.
  const weightsAddUpToOne = activeTotal.equals(ONE);
  let carriedIn = ZERO;
  let amount = ZERO;
  let carriedOver = ZERO;
  let released = ZERO;
  const lines = indicators.map((indicator, i) => {
    const effectiveWeight = nothingToPay
      ? ZERO
      : weightsAddUpToOne
        ? activeWeights[i]!
        : activeWeights[i]!.dividedBy(activeTotal);
    const { line, money } = lineFor(indicator, {
      share: shares[i]!,
      effectiveWeight,
      pending,
      carryOn: carryOn && !options.withoutSuccessor.has(indicator.input.code),
      nothingToPay,
    });
    // Totals are summed from the figures, never re-read from the formatted lines.
    if (!indicator.carriedIn.isZero()) carriedIn = carriedIn.plus(indicator.carriedIn);
    if (!money.amount.isZero()) amount = amount.plus(money.amount);
    if (!money.carriedOver.isZero()) carriedOver = carriedOver.plus(money.carriedOver);
    if (!money.released.isZero()) released = released.plus(money.released);
    return line;
  });

  const result: VariableTrancheResult = {
    status: pending ? 'PENDING' : 'COMPUTED',
    trancheAmount: toMoney(tranche.trancheAmount),
    carriedIn: toMoney(carriedIn),
    amount: toMoney(amount),
    carriedOver: toMoney(carriedOver),
    released: toMoney(released),
    allowCarryOver: tranche.allowCarryOver,
    isLastPeriod: tranche.isLastPeriod,
    lines,
    pendingIndicators,
    explanation: '',
    inputHash: hashVariableTranche(input, tranche.indicators),
  };
  result.explanation = explainVariableTranche(result, {
    nothingToPay,
    waitingForPeriod: options.waitingForPeriod,
  });
  return result;
}

interface LineTerms {
  share: Decimal;
  effectiveWeight: Decimal;
  pending: boolean;
  carryOn: boolean;
  nothingToPay: boolean;
}

interface LineMoneyFigures {
  amount: Decimal;
  carriedOver: Decimal;
  released: Decimal;
}

function lineFor(
  indicator: ReadIndicator,
  terms: LineTerms,
): { line: IndicatorLine; money: LineMoneyFigures } {
  const { input } = indicator;
  const allocated = indicator.carriedIn.isZero()
    ? terms.share
    : terms.share.plus(indicator.carriedIn);
  const scored: IndicatorScore | null =
    indicator.neutralised || indicator.achieved === null
      ? null
      : scoreIndicator(
          indicator.scoring,
          input.direction,
          indicator.baseline,
          indicator.target,
          indicator.achieved,
        );

  // Money moves only once every value is in: a partial figure would look final.
  let amount = ZERO;
  let unpaid = ZERO;
  let carriedOver = ZERO;
  if (!terms.pending) {
    amount = scored ? payable(allocated, scored.score) : ZERO;
    unpaid = amount.isZero() ? allocated : allocated.minus(amount);
    // A neutralised indicator leaves the calculation: it holds no money for later.
    carriedOver = terms.carryOn && !indicator.neutralised ? unpaid : ZERO;
  }
  // All of the unpaid part carried over leaves nothing to release: no subtraction needed.
  const released = carriedOver.isZero()
    ? unpaid
    : carriedOver === unpaid
      ? ZERO
      : unpaid.minus(carriedOver);

  const shareText = toMoney(terms.share);
  const allocatedText = allocated === terms.share ? shareText : toMoney(allocated);
  const unpaidText = toMoney(unpaid);
  const progress = scored ? toRatio(scored.progress) : null;
  const line: IndicatorLine = {
    indicatorId: input.id,
    code: input.code,
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    status: indicator.neutralised
      ? 'NEUTRALISED'
      : indicator.achieved === null
        ? 'PENDING'
        : 'COMPUTED',
    baseline: input.baseline,
    target: input.target,
    achieved: input.achieved,
    progress,
    score:
      scored === null ? null : scored.score === scored.progress ? progress : toRatio(scored.score),
    weight: input.weight,
    effectiveWeight: toRatio(terms.effectiveWeight),
    carriedIn: toMoney(indicator.carriedIn),
    allocated: allocatedText,
    amount: amount === allocated ? allocatedText : toMoney(amount),
    unpaid: unpaidText,
    carriedOver: carriedOver === unpaid ? unpaidText : toMoney(carriedOver),
    released: released === unpaid ? unpaidText : toMoney(released),
    neutralised: indicator.neutralised,
    explanation: '',
  };
  line.explanation = explainIndicatorLine(indicator, scored, line, {
    share: shareText,
    tranchePending: terms.pending,
    nothingToPay: terms.nothingToPay,
  });
  return { line, money: { amount, carriedOver, released } };
}

/**
 * allocated × score to the cent, half-up. allocated is whole cents and score ≤ 1, so the
 * rounding can never pay more than was allocated.
 */
function payable(allocated: Decimal, score: Decimal): Decimal {
  if (score.isZero()) return ZERO;
  if (score.equals(ONE)) return allocated;
  const exact = allocated.times(score);
  // Rounding builds a new decimal even when there is nothing to round: often whole cents.
  return exact.decimalPlaces() <= 2 ? exact : exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
