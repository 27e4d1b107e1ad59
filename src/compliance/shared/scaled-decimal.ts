/**
 * A decimal text as whole units over a power of ten: "0.25" → 25 units of 10⁻², "1" → 1
 * unit of 10⁰. Sums and products of such values are exact in integers and far cheaper
 * than decimal ones; the variable tranche reads its weights this way.
 */
export interface ScaledDecimal {
  units: bigint;
  places: number;
}

/** decimal.js (as the engine configures it) rounds every result to this many significant digits. */
export const DECIMAL_DIGITS = 40;

/**
 * Up to this many decimals the sum of any realistic count of weights (each ≤ 1) stays
 * within DECIMAL_DIGITS, so the exact integer sum is the one decimal.js gave; beyond it
 * the decimal path is kept so that no result changes.
 */
const MAX_EXACT_PLACES = 20;

/** A decimal text already checked on reading. */
export function scaledOf(text: string): ScaledDecimal {
  const point = text.indexOf('.');
  if (point < 0) return { units: BigInt(text), places: 0 };
  return {
    units: BigInt(text.slice(0, point) + text.slice(point + 1)),
    places: text.length - point - 1,
  };
}

/**
 * The values as units of one common power of ten (`one` = 10^places), or null when that
 * takes more than MAX_EXACT_PLACES decimals.
 */
export function onCommonScale(
  values: readonly ScaledDecimal[],
): { units: bigint[]; places: number; one: bigint } | null {
  let places = 0;
  for (const value of values) if (value.places > places) places = value.places;
  if (places > MAX_EXACT_PLACES) return null;
  const units = values.map((value) =>
    value.places === places ? value.units : value.units * 10n ** BigInt(places - value.places),
  );
  return { units, places, one: 10n ** BigInt(places) };
}

/**
 * The four-decimal text toRatio gives for a non-negative value written with at most four
 * decimals ("0.1" → "0.1000"), straight from its units; null for any other value.
 */
export function fourDecimalsOf(value: ScaledDecimal): string | null {
  if (value.places > 4 || value.units < 0n) return null;
  const digits = String(value.units * 10n ** BigInt(4 - value.places)).padStart(5, '0');
  return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
}
