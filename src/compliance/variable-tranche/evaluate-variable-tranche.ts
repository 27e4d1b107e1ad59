import {
  type Cents,
  centsOfDecimal,
  moneyText,
  roundHalfUpToWhole,
} from '../shared/cents.js';
import { Decimal, ONE, ZERO, toRatio } from '../shared/decimal.js';
import { distributeByLargestRemainder, splitCents } from '../shared/largest-remainder.js';
import { DECIMAL_DIGITS, fourDecimalsOf, onCommonScale } from '../shared/scaled-decimal.js';
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
  // Pro rata over what is left (some neutralised) stays decimal: decimal.js rounds those
  // quotients at 40 digits, and an exact split could then give a spare cent elsewhere.
  const shares =
    nothingToPay || !anyNeutralised
      ? splitByAgreedWeights(tranche)
      : distributeByLargestRemainder(tranche.trancheAmount, activeWeights, activeTotal).map(
          centsOfDecimal,
        );

  const pendingIndicators = indicators
    .filter((ind) => !ind.neutralised && ind.achieved === null)
    .map((ind) => ind.input.id);
  const pending = pendingIndicators.length > 0 || options.waitingForPeriod !== null;
  const carryOn = tranche.allowCarryOver && !tranche.isLastPeriod;

  // Weights that already add up to 1 need no division (the slow operation); decided once
  // for the tranche, as every decimal comparison copies its operand.
  const weightsAddUpToOne = activeTotal.equals(ONE);
  let carriedIn = 0n;
  let amount = 0n;
  let carriedOver = 0n;
  let released = 0n;
  const lines = indicators.map((indicator, i) => {
    const effectiveWeight = nothingToPay
      ? '0.0000'
      : weightsAddUpToOne
        ? weightText(indicator, activeWeights[i]!)
        : toRatio(activeWeights[i]!.dividedBy(activeTotal));
    const { line, money } = lineFor(indicator, {
      share: shares[i]!,
      effectiveWeight,
      pending,
      carryOn: carryOn && !options.withoutSuccessor.has(indicator.input.code),
      nothingToPay,
    });
    // Totals are summed from the figures, never re-read from the formatted lines.
    carriedIn += indicator.carriedIn;
    amount += money.amount;
    carriedOver += money.carriedOver;
    released += money.released;
    return line;
  });

  const result: VariableTrancheResult = {
    status: pending ? 'PENDING' : 'COMPUTED',
    trancheAmount: moneyText(tranche.trancheCents),
    carriedIn: moneyText(carriedIn),
    amount: moneyText(amount),
    carriedOver: moneyText(carriedOver),
    released: moneyText(released),
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

/**
 * The tranche split by the agreed weights (which add up to 1), in whole cents. Integer
 * arithmetic is several times cheaper than decimal here, and gives the same parts as long
 * as decimal.js's products tranche × weight were exact: digits of the one plus decimals of
 * the other within its 40 significant digits. Otherwise the decimal split is kept.
 */
function splitByAgreedWeights(tranche: ReadVariableTranche): Cents[] {
  const weights = onCommonScale(tranche.indicators.map((ind) => ind.scaledWeight));
  if (
    weights !== null &&
    String(tranche.trancheCents).length + weights.places <= DECIMAL_DIGITS
  ) {
    return splitCents(tranche.trancheCents, weights.units, weights.one);
  }
  return distributeByLargestRemainder(
    tranche.trancheAmount,
    tranche.indicators.map((ind) => ind.weight),
    ONE,
  ).map(centsOfDecimal);
}

/** An active weight as shown: the agreed one is written from its units, without a decimal. */
function weightText(indicator: ReadIndicator, weight: Decimal): string {
  return (weight === indicator.weight && fourDecimalsOf(indicator.scaledWeight)) || toRatio(weight);
}

interface LineTerms {
  share: Cents;
  /** As shown, four decimals. */
  effectiveWeight: string;
  pending: boolean;
  carryOn: boolean;
  nothingToPay: boolean;
}

interface LineMoneyFigures {
  amount: Cents;
  carriedOver: Cents;
  released: Cents;
}

function lineFor(
  indicator: ReadIndicator,
  terms: LineTerms,
): { line: IndicatorLine; money: LineMoneyFigures } {
  const { input } = indicator;
  const allocated = terms.share + indicator.carriedIn;
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
  let amount = 0n;
  let unpaid = 0n;
  let carriedOver = 0n;
  if (!terms.pending) {
    amount = scored ? payable(allocated, scored.score) : 0n;
    unpaid = allocated - amount;
    // A neutralised indicator leaves the calculation: it holds no money for later.
    carriedOver = terms.carryOn && !indicator.neutralised ? unpaid : 0n;
  }
  const released = unpaid - carriedOver;

  const shareText = moneyText(terms.share);
  const allocatedText = allocated === terms.share ? shareText : moneyText(allocated);
  const unpaidText = moneyText(unpaid);
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
    effectiveWeight: terms.effectiveWeight,
    carriedIn: moneyText(indicator.carriedIn),
    allocated: allocatedText,
    amount: amount === allocated ? allocatedText : moneyText(amount),
    unpaid: unpaidText,
    carriedOver: carriedOver === unpaid ? unpaidText : moneyText(carriedOver),
    released: released === unpaid ? unpaidText : moneyText(released),
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
 * rounding can never pay more than was allocated. The product is taken in cents: it has
 * the same digits as in soles (so decimal.js rounds it alike), and rounding it to a whole
 * number is rounding the soles to the cent.
 */
function payable(allocated: Cents, score: Decimal): Cents {
  if (score.isZero()) return 0n;
  if (score.equals(ONE)) return allocated;
  return roundHalfUpToWhole(new Decimal(allocated).times(score));
}
