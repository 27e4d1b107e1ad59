import type { Decimal } from './decimal.js';

/**
 * Money as a whole number of cents. Sums, differences and cent splits of amounts with at
 * most two decimals are exact in integers, and a bigint operation costs a fraction of a
 * decimal one (decimal.js copies its operand on every call, comparisons included): the
 * variable tranche keeps its money figures here on its hot path.
 */
export type Cents = bigint;

/** Cents of a money text already checked on reading (≥ 0, at most 2 decimals): "12.5" → 1250n. */
export function centsOf(money: string): Cents {
  const point = money.indexOf('.');
  if (point < 0) return BigInt(money) * 100n;
  const units = BigInt(money.slice(0, point) + money.slice(point + 1));
  return money.length - point === 3 ? units : units * 10n;
}

/** Cents of a decimal holding whole cents. */
export function centsOfDecimal(value: Decimal): Cents {
  return BigInt(value.toFixed(2).replace('.', ''));
}

/** The money text of `cents`, with exactly two decimals ("0.05", "1250000.00"). */
export function moneyText(cents: Cents): string {
  const negative = cents < 0n;
  const digits = String(negative ? -cents : cents).padStart(3, '0');
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return negative ? `-${text}` : text;
}

/**
 * A non-negative decimal rounded half-up to a whole number, read off its plain text: the
 * first digit after the point decides. Cheaper than rounding the decimal itself.
 */
export function roundHalfUpToWhole(value: Decimal): bigint {
  const text = value.toFixed();
  const point = text.indexOf('.');
  if (point < 0) return BigInt(text);
  const whole = BigInt(text.slice(0, point));
  return text.charCodeAt(point + 1) >= 53 ? whole + 1n : whole;
}
