import { canonicalDecimal, type Decimal, toMoney } from './decimal.js';

/** "S/ 1,250,000.00": the way amounts appear in DGPP's reports. Takes a figure or its money text. */
export function soles(amount: Decimal | string): string {
  const money = typeof amount === 'string' ? amount : toMoney(amount);
  const point = money.indexOf('.');
  const sign = money.startsWith('-') ? '-' : '';
  const digits = money.slice(sign.length, point);
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return `S/ ${sign}${grouped}${money.slice(point)}`;
}

/** A measured value with its unit, in canonical form so that "75.0" and "75" read alike. */
export function valueWithUnit(value: string | Decimal, unit: string | undefined): string {
  const text = canonicalDecimal(value);
  return unit ? `${text} ${unit}` : text;
}

/**
 * Ratios read best with at least two decimals and at most four: takes the four-decimal
 * text of a line ("0.9000" → "0.90", "0.3333" stays, "1.0000" → "1.00").
 */
export function ratioText(fourDecimals: string): string {
  let end = fourDecimals.length;
  const minimum = fourDecimals.indexOf('.') + 3;
  while (end > minimum && fourDecimals.charCodeAt(end - 1) === 48) end--;
  return fourDecimals.slice(0, end);
}

export function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Lists codes for a sentence, cut short when there are many. */
export function codeList(codes: readonly string[], max = 10): string {
  if (codes.length <= max) return codes.join(', ');
  return `${codes.slice(0, max).join(', ')} y ${codes.length - max} más`;
}
