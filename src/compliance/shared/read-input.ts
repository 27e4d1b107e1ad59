import type { ProblemList, ProblemSink } from '../compliance-input.error.js';
import {
  type Decimal,
  ONE,
  ZERO,
  dec,
  decimalPlacesWritten,
  isDecimalString,
  isRatio,
  parseDecimal,
} from './decimal.js';
import type { ComputationContext } from './dec.types.js';

/**
 * Where a value sits: the field path of its parent (`indicators[2]`) and how a person
 * names the parent (`indicador IND-03`). Messages are only composed when something is
 * wrong, so that reading a valid tranche builds no strings.
 */
export interface Where {
  field: string;
  label: string;
}

export const TOP: Where = { field: '', label: '' };

export function fieldAt(where: Where, key: string): string {
  return where.field === '' ? key : `${where.field}.${key}`;
}

function say(where: Where, what: string, problem: string): string {
  return where.label === '' ? `${what}: ${problem}` : `${where.label}: ${what}: ${problem}`;
}

/** Soles: a non-negative decimal with at most two decimals (never a fraction of a cent). */
export function readMoney(
  value: unknown,
  where: Where,
  key: string,
  what: string,
  problems: ProblemSink,
): Decimal | null {
  const money = parseDecimal(value);
  if (
    money === null ||
    decimalPlacesWritten(value as string) > 2 ||
    (value as string).charCodeAt(0) === 45
  ) {
    problems.add(
      fieldAt(where, key),
      say(
        where,
        what,
        'debe ser un monto en soles no negativo con hasta 2 decimales (p. ej. "1250000.00")',
      ),
    );
    return null;
  }
  return money;
}

export function readDecimal(
  value: unknown,
  where: Where,
  key: string,
  what: string,
  problems: ProblemSink,
): Decimal | null {
  const decimal = parseDecimal(value);
  if (decimal === null)
    problems.add(
      fieldAt(where, key),
      say(where, what, 'debe ser un decimal en texto (p. ej. "72.5")'),
    );
  return decimal;
}

/** A ratio in [0, 1], e.g. a weight, a share, a floor or a step. */
export function readRatio(
  value: unknown,
  where: Where,
  key: string,
  what: string,
  problems: ProblemSink,
): Decimal | null {
  const ratio = parseDecimal(value);
  if (ratio === null) {
    problems.add(
      fieldAt(where, key),
      say(where, what, 'debe ser un decimal en texto entre 0 y 1 (p. ej. "0.25")'),
    );
    return null;
  }
  if (!isRatio(ratio)) {
    problems.add(fieldAt(where, key), say(where, what, 'debe estar entre 0 y 1'));
    return null;
  }
  return ratio;
}

/**
 * Relative weights of siblings (criteria of a subprocess, subprocesses of a process,
 * processes): all absent means equal weights; otherwise every sibling needs one, > 0.
 * Mixing would leave the absent ones with no meaning, so it is refused.
 */
export function readRelativeWeights(
  items: ReadonlyArray<{ weight?: unknown; code: string }>,
  fieldOf: (index: number) => string,
  labelOf: (code: string) => string,
  problems: ProblemList,
): Decimal[] {
  const given = items.filter((item) => item.weight !== undefined && item.weight !== null).length;
  if (given === 0) return items.map(() => ONE);
  return items.map((item, index) => {
    const field = `${fieldOf(index)}.weight`;
    if (item.weight === undefined || item.weight === null) {
      problems.add(
        field,
        `${labelOf(item.code)}: falta el peso (o se dan todos los pesos del grupo o ninguno)`,
      );
      return ONE;
    }
    if (!isDecimalString(item.weight) || !dec(item.weight).greaterThan(ZERO)) {
      problems.add(
        field,
        `${labelOf(item.code)}: el peso debe ser un decimal en texto mayor que 0`,
      );
      return ONE;
    }
    return dec(item.weight);
  });
}

/** Codes must be unique among siblings: results are ordered and matched by code. */
export function checkUniqueCodes(
  items: ReadonlyArray<{ code: unknown }>,
  fieldOf: (index: number) => string,
  what: string,
  problems: ProblemList,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (typeof item.code !== 'string' || item.code.trim() === '') {
      problems.add(`${fieldOf(index)}.code`, `${what}: falta el código`);
    } else if (seen.has(item.code)) {
      problems.add(`${fieldOf(index)}.code`, `${what} ${item.code}: código repetido`);
    } else {
      seen.add(item.code);
    }
  });
}

export function checkList(
  value: unknown,
  field: string,
  what: string,
  problems: ProblemList,
): value is unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add(field, `${what}: la lista está vacía o falta`);
    return false;
  }
  // Items are read field by field afterwards: a null or a number among them must stop here.
  let ok = true;
  value.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.add(`${field}[${index}]`, `${what}: cada elemento debe ser un objeto`);
      ok = false;
    }
  });
  return ok;
}

export function readContext(value: unknown, problems: ProblemList): ComputationContext | undefined {
  if (value === undefined || value === null) return undefined;
  const ok =
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value as object).every((v) => typeof v === 'string');
  if (!ok) {
    problems.add('context', 'el contexto debe ser un objeto con valores de texto');
    return undefined;
  }
  return value as ComputationContext;
}
