import { type Decimal, ONE, ZERO } from './decimal.js';

/**
 * Σ wᵢ·vᵢ / Σ wᵢ over relative weights. Null when any value is unknown: a compliance
 * level computed over only the decided items would look final while it is not.
 */
export function weightedMean(
  items: ReadonlyArray<{ weight: Decimal; value: Decimal | null }>,
): Decimal | null {
  let weighted = ZERO;
  let weights = ZERO;
  for (const { weight, value } of items) {
    if (value === null) return null;
    // Default (equal) weights are the shared ONE: no multiplication needed.
    const part = weight === ONE ? value : weight.times(value);
    if (!part.isZero()) weighted = weighted.plus(part);
    weights = weights.plus(weight);
  }
  return weights.isZero() ? null : weighted.dividedBy(weights);
}

/** Each weight as its fraction of the group's total, for display. */
export function normalisedWeights(weights: readonly Decimal[]): Decimal[] {
  // Equal weights (the default) need a single division for the whole group.
  if (weights.every((w) => w === ONE)) {
    const each = weights.length === 0 ? ZERO : ONE.dividedBy(weights.length);
    return weights.map(() => each);
  }
  const total = weights.reduce((sum, w) => sum.plus(w), ZERO);
  return weights.map((w) => (total.isZero() ? ZERO : w.dividedBy(total)));
}
