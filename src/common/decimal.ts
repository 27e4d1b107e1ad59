import { Decimal } from 'decimal.js';
import type { ValueTransformer } from 'typeorm';

/** Decimal for money and ratios outside the compliance engine (which has its own clone). */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Amounts travel as strings with two decimals ("1250000.00"). */
export const money = (v: Decimal.Value): string => new Dec(v).toFixed(2);

/** `numeric` columns come back from pg as strings; keep them as exact Decimals, never floats. */
export const decimalTransformer: ValueTransformer = {
  to: (v: Dec | string | null | undefined) => (v === null || v === undefined ? v : new Dec(v).toString()),
  from: (v: string | null) => (v === null ? null : new Dec(v)),
};
