import { Decimal as BaseDecimal } from 'decimal.js';

/**
 * A private Decimal constructor so that the engine's precision and rounding cannot be
 * changed by (or leak into) any other code that configures the global Decimal.
 * 40 significant digits keep divisions such as 1/3 far beyond the cent for any tranche.
 */
export const Decimal = BaseDecimal.clone({ precision: 40, rounding: BaseDecimal.ROUND_HALF_UP });
export type Decimal = BaseDecimal;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Plain decimal notation only: no exponent, no thousands separator, no spaces. */
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

/**
 * Parsing is the costliest step of a criterion or a tranche, and the same few texts
 * ("0.25", "80", "1") come back all the time. Decimals are immutable, so a parsed value
 * can be shared; the cache is bounded so that a stream of distinct values cannot grow it.
 */
const parsed = new Map<string, Decimal>();
const PARSED_LIMIT = 10_000;

/** Reads a decimal written in plain notation; null when `value` is not one. */
export function parseDecimal(value: unknown): Decimal | null {
  if (typeof value !== 'string') return null;
  const known = parsed.get(value);
  if (known !== undefined) return known;
  return DECIMAL_PATTERN.test(value) ? dec(value) : null;
}

/**
 * Ratios already found to lie in [0, 1]. The same parsed instance comes back from the
 * cache for the same text, so checking once is enough.
 */
const knownRatios = new WeakSet<Decimal>();

export function isRatio(value: Decimal): boolean {
  if (knownRatios.has(value)) return true;
  const ok = !value.lessThan(ZERO) && !value.greaterThan(ONE);
  if (ok) knownRatios.add(value);
  return ok;
}

/** Parses a decimal the caller has already validated. */
export function dec(value: string): Decimal {
  let decimal = parsed.get(value);
  if (decimal === undefined) {
    decimal = new Decimal(value);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(value, decimal);
  }
  return decimal;
}

/** How many digits follow the point in the string as written ("10.50" → 2). */
export function decimalPlacesWritten(value: string): number {
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}

/** Soles with exactly two decimals, half-up. */
export function toMoney(value: Decimal): string {
  return fixed(value, 2);
}

/** Ratios (progress, score, weights, shares) with exactly four decimals, half-up. */
export function toRatio(value: Decimal): string {
  return fixed(value, 4);
}

/** A ratio expressed as a percentage with two decimals, half-up. */
export function toPercent(ratio: Decimal): string {
  return fixed(ratio.times(HUNDRED), 2);
}

/**
 * toFixed(places) re-rounds even when nothing needs rounding, and it is called for every
 * figure of every line; padding the plain text is several times cheaper and gives the
 * same text whenever the value already has no more than `places` decimals.
 */
function fixed(value: Decimal, places: number): string {
  if (value.isZero()) return places === 2 ? '0.00' : '0.0000';
  if (value.decimalPlaces() > places) {
    return value.isNegative()
      ? value.toFixed(places, Decimal.ROUND_HALF_UP)
      : roundHalfUpText(value.toFixed(), places);
  }
  const text = value.toFixed();
  const point = text.indexOf('.');
  if (point < 0) return `${text}.${'0'.repeat(places)}`;
  return text + '0'.repeat(places - (text.length - point - 1));
}

/**
 * Half-up rounding of the plain text of a non-negative decimal with more than `places`
 * decimals: the first digit cut off decides. Gives the text of toFixed(places, half-up)
 * without building the rounded Decimal, the costly part on progress and score figures.
 */
function roundHalfUpText(text: string, places: number): string {
  const end = text.indexOf('.') + places + 1;
  const kept = text.slice(0, end);
  if (text.charCodeAt(end) < 53) return kept;
  // Add one unit in the last place kept, carrying through nines ("0.99995" → "1.0000").
  let i = kept.length - 1;
  let carried = '';
  for (; i >= 0; i--) {
    const c = kept.charCodeAt(i);
    if (c === 46) carried = `.${carried}`;
    else if (c === 57) carried = `0${carried}`;
    else return kept.slice(0, i) + String.fromCharCode(c + 1) + carried;
  }
  return `1${carried}`;
}

/**
 * The canonical text of a decimal: "1.50", "1.5" and "01.5" all become "1.5", and "-0"
 * becomes "0". Used wherever two spellings of one value must be indistinguishable
 * (input hash, explanations).
 */
export function canonicalDecimal(value: string | Decimal): string {
  if (typeof value !== 'string') return value.isZero() ? '0' : value.toFixed();
  if (isAlreadyCanonical(value)) return value;
  const negative = value.charCodeAt(0) === 45;
  let start = negative ? 1 : 0;
  const point = value.indexOf('.');
  const wholeEnd = point < 0 ? value.length : point;
  while (start < wholeEnd - 1 && value.charCodeAt(start) === 48) start++;
  let end = value.length;
  if (point >= 0) {
    while (end > point + 1 && value.charCodeAt(end - 1) === 48) end--;
    if (end === point + 1) end = point;
  }
  const text = value.slice(start, end);
  return text === '0' ? '0' : negative ? `-${text}` : text;
}

/** Most decimals arrive canonical already ("72.5", "80"); spotting that avoids rebuilding them. */
function isAlreadyCanonical(value: string): boolean {
  const start = value.charCodeAt(0) === 45 ? 1 : 0;
  const point = value.indexOf('.');
  const wholeLength = (point < 0 ? value.length : point) - start;
  if (value.charCodeAt(start) === 48 && (wholeLength > 1 || (start === 1 && point < 0)))
    return false;
  return point < 0 || value.charCodeAt(value.length - 1) !== 48;
}
