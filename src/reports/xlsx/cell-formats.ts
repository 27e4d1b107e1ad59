import type { Cell } from './cell-values.js';
import type { Lang } from './labels.js';

/** How a column's (or a field's) values are shown. */
export type Fmt = 'text' | 'wrap' | 'money' | 'percent' | 'ratio' | 'number' | 'integer' | 'date' | 'datetime';

const NUMERIC: ReadonlySet<Fmt> = new Set(['money', 'percent', 'ratio', 'number', 'integer']);
export const isNumericFmt = (f: Fmt): boolean => NUMERIC.has(f);
export const isDateFmt = (f: Fmt): boolean => f === 'date' || f === 'datetime';

/** Excel number formats: soles, percentages of fractions, dates in the reader's custom. */
export function numFmt(fmt: Fmt, lang: Lang): string | undefined {
  switch (fmt) {
    case 'money':
      return '"S/ "#,##0.00';
    case 'percent':
      return '0.00 %';
    case 'ratio':
      return '0.0000';
    case 'number':
      return '#,##0.0###';
    case 'integer':
      return '#,##0';
    case 'date':
      return lang === 'en' ? 'yyyy-mm-dd' : 'dd/mm/yyyy';
    case 'datetime':
      return lang === 'en' ? 'yyyy-mm-dd hh:mm' : 'dd/mm/yyyy hh:mm';
    default:
      return undefined;
  }
}

const digits = (n: number, decimals: number): number => {
  const fixed = Math.abs(n).toFixed(decimals);
  const whole = fixed.split('.')[0]!.length;
  return fixed.length + Math.floor((whole - 1) / 3) + (n < 0 ? 1 : 0);
};

/** Characters the value takes once formatted: what a column must be wide enough for. */
export function displayWidth(value: Cell, fmt: Fmt): number {
  if (value === null) return 0;
  if (value instanceof Date) return fmt === 'datetime' ? 16 : 10;
  if (typeof value === 'number') {
    switch (fmt) {
      case 'money':
        return digits(value, 2) + 3;
      case 'percent':
        return digits(value * 100, 2) + 2;
      case 'ratio':
        return digits(value, 4);
      case 'integer':
        return digits(value, 0);
      default:
        return digits(value, Number.isInteger(value) ? 1 : Math.min(4, (String(value).split('.')[1] ?? '').length));
    }
  }
  let longest = 0;
  for (const line of value.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}
