import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Money: soles with at most two decimals, as a string ("1250000.00"). */
export const AMOUNT = /^\d{1,14}(\.\d{1,2})?$/;
/** A measured value (level, target, baseline): a decimal string, possibly negative. */
export const VALUE = /^-?\d{1,14}(\.\d{1,6})?$/;
/** A weight, share, floor or progress between 0 and 1 (at most 6 decimals, as stored). */
export const RATIO = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;
export const UBIGEO = /^\d{6}$/;

export const AMOUNT_MESSAGE = '$property must be an amount string with at most 2 decimals, e.g. "1250000.00"';
export const VALUE_MESSAGE = '$property must be a decimal number written as a string, e.g. "72.5"';
export const RATIO_MESSAGE = '$property must be a decimal string between 0 and 1 (at most 6 decimals), e.g. "0.25"';
export const UBIGEO_MESSAGE = '$property must be a 6-digit UBIGEO code';

/** A calendar day written YYYY-MM-DD that exists (no 2023-02-30, no month 13). */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Validates a calendar day written YYYY-MM-DD (see isCalendarDay). */
export function IsDay(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDay',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be a date YYYY-MM-DD', ...options },
      validator: {
        validate: (v: unknown) => typeof v === 'string' && isCalendarDay(v),
      },
    });
}
