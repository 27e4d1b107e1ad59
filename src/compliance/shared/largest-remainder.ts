import { Decimal, HUNDRED, ONE, ZERO } from './decimal.js';

const ONE_CENT = new Decimal('0.01');

/**
 * Splits `total` (whole cents, ≥ 0) into parts proportional to `weights` (≥ 0), so that
 * every part is whole cents and the parts add up to `total` exactly. Each part gets its
 * share cut down to the cent; the cents left over go one each to the largest remainders,
 * ties to the earlier item (callers pass items in code order, so the split is reproducible).
 * Example: 100.00 over three equal weights → 33.34, 33.33, 33.33.
 * Weights need not add up to 1: each part is total × weight / Σ weights, which keeps
 * pro-rata reallocation (neutralised indicators) exact. Pass `sumOfWeights` when known.
 */
export function distributeByLargestRemainder(
  total: Decimal,
  weights: readonly Decimal[],
  sumOfWeights: Decimal = weights.reduce((sum, w) => sum.plus(w), ZERO),
): Decimal[] {
  if (weights.length === 0 || sumOfWeights.isZero()) return weights.map(() => ZERO);

  // Dividing is the slow operation; weights that already add up to 1 do not need it.
  const exact = sumOfWeights.equals(ONE)
    ? weights.map((w) => total.times(w))
    : weights.map((w) => total.times(w).dividedBy(sumOfWeights));
  const parts = exact.map((value) =>
    value.decimalPlaces() <= 2 ? value : value.toDecimalPlaces(2, Decimal.ROUND_DOWN),
  );
  let assigned = ZERO;
  for (const part of parts) if (!part.isZero()) assigned = assigned.plus(part);
  // A count of cents, at most one per part: small enough for a JS number.
  let spare = total.minus(assigned).times(HUNDRED).toNumber();
  if (spare === 0) return parts;

  const remainders = exact.map(subCentDigits);
  const byRemainder = exact
    .map((_, index) => index)
    .sort((x, y) => compareDigitTails(remainders[y]!, remainders[x]!) || x - y);
  for (const index of byRemainder) {
    if (spare <= 0) break;
    parts[index] = parts[index]!.plus(ONE_CENT);
    spare--;
  }
  return parts;
}

/**
 * What `value` (≥ 0) has beyond the cent, as the digits after the second decimal
 * ("100000.045" → "5"): read off its text, because subtracting the part already given
 * and comparing decimals costs a copy of each operand every time.
 */
function subCentDigits(value: Decimal): string {
  const text = value.toFixed();
  const point = text.indexOf('.');
  if (point < 0 || text.length <= point + 3) return '';
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  return text.slice(point + 3, end);
}

/**
 * Digits after the same decimal position, without trailing zeros, compare as numbers
 * when compared as text ("5" > "45", "45" < "451", "" is zero).
 */
function compareDigitTails(x: string, y: string): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * distributeByLargestRemainder in whole cents with integer weights (units of one power of
 * ten): the same split, for callers whose figures are exact integers. Each part is
 * ⌊total × weight / Σ weights⌋ and the integer remainder of that division decides who
 * gets the spare cents, ties to the earlier item.
 */
export function splitCents(
  total: bigint,
  weights: readonly bigint[],
  sumOfWeights: bigint,
): bigint[] {
  if (sumOfWeights === 0n) return weights.map(() => 0n);
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let spare = total;
  for (const weight of weights) {
    const exact = total * weight;
    const part = exact / sumOfWeights;
    parts.push(part);
    remainders.push(exact - part * sumOfWeights);
    spare -= part;
  }
  if (spare === 0n) return parts;

  const byRemainder = weights
    .map((_, index) => index)
    .sort((x, y) => compareBigints(remainders[y]!, remainders[x]!) || x - y);
  for (const index of byRemainder) {
    if (spare <= 0n) break;
    parts[index] = parts[index]! + 1n;
    spare--;
  }
  return parts;
}

function compareBigints(x: bigint, y: bigint): number {
  return x === y ? 0 : x < y ? -1 : 1;
}
