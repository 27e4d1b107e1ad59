import { type Decimal, ONE, ZERO } from '../shared/decimal.js';
import type { IndicatorDirection } from './variable-tranche.types.js';

export type ReadScoring =
  | { type: 'BINARY' }
  | { type: 'PROPORTIONAL'; floor: Decimal | null }
  /** Steps sorted from the highest minProgress down. */
  | { type: 'STEPS'; steps: ReadStep[] };

export interface ReadStep {
  minProgress: Decimal;
  score: Decimal;
  /** The step as given, for the input hash. */
  source: { minProgress: string; score: string };
}

export interface IndicatorScore {
  progress: Decimal;
  score: Decimal;
  /** Why this score, in Spanish: "escalón ≥ 0.75", "meta alcanzada"… */
  reason: string;
}

/** The achieved value reaches the target in the indicator's direction. */
export function meetsTarget(
  direction: IndicatorDirection,
  target: Decimal,
  achieved: Decimal,
): boolean {
  const comparison = achieved.comparedTo(target);
  return direction === 'INCREASE' ? comparison >= 0 : comparison <= 0;
}

/**
 * progress = (a − b) / (t − b), clamped to [0, 1]. For DECREASE the mirrored form
 * (b − a) / (b − t) is the same quotient, so one formula serves both directions once the
 * target lies on the right side of the baseline (checked when reading the input).
 * When t = b there is no distance to cover: 1 if the target is met, else 0.
 */
export function progressOf(
  direction: IndicatorDirection,
  baseline: Decimal,
  target: Decimal,
  achieved: Decimal,
): Decimal {
  // distance = 0 tells t = b apart without a comparison, which would copy its operand.
  const distance = target.minus(baseline);
  if (distance.isZero()) return meetsTarget(direction, target, achieved) ? ONE : ZERO;
  const covered = achieved.minus(baseline);
  // Clamp before dividing: a result on or beyond either end needs no division.
  if (covered.isZero() || covered.isNegative() !== distance.isNegative()) return ZERO;
  const beyond = distance.isNegative()
    ? covered.lessThanOrEqualTo(distance)
    : covered.greaterThanOrEqualTo(distance);
  return beyond ? ONE : covered.dividedBy(distance);
}

export function scoreIndicator(
  scoring: ReadScoring,
  direction: IndicatorDirection,
  baseline: Decimal,
  target: Decimal,
  achieved: Decimal,
): IndicatorScore {
  const progress = progressOf(direction, baseline, target, achieved);
  switch (scoring.type) {
    case 'BINARY':
      return meetsTarget(direction, target, achieved)
        ? { progress, score: ONE, reason: 'meta alcanzada' }
        : { progress, score: ZERO, reason: 'meta no alcanzada' };
    case 'PROPORTIONAL':
      if (scoring.floor !== null && progress.lessThan(scoring.floor)) {
        return {
          progress,
          score: ZERO,
          reason: `avance bajo el mínimo ${scoring.floor.toFixed()}`,
        };
      }
      return { progress, score: progress, reason: 'proporcional al avance' };
    case 'STEPS': {
      const step = scoring.steps.find((s) => s.minProgress.lessThanOrEqualTo(progress));
      return step
        ? { progress, score: step.score, reason: `escalón ≥ ${step.minProgress.toFixed()}` }
        : { progress, score: ZERO, reason: 'ningún escalón alcanzado' };
    }
  }
}
