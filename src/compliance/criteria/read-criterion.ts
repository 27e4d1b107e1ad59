import type { ProblemSink } from '../compliance-input.error.js';
import { type Decimal, dec, isDecimalString } from '../shared/decimal.js';
import type { CriterionInput } from './criterion.types.js';

/** A criterion whose values have been checked and parsed once. */
export type ReadCriterion =
  | { kind: 'BOOLEAN'; unit: string | undefined; accepted: boolean | null }
  | {
      kind: 'AT_LEAST' | 'AT_MOST';
      unit: string | undefined;
      required: Decimal;
      accepted: Decimal | null;
      /** The values as given, for the explanation. */
      requiredText: string;
      acceptedText: string | null;
    };

/**
 * Checks one criterion's kind and values. Reports into `problems` and returns null when
 * the criterion cannot be judged; callers decide whether to throw now or keep collecting.
 */
export function readCriterion(
  criterion: CriterionInput,
  field: string,
  problems: ProblemSink,
): ReadCriterion | null {
  const { kind, requiredLevel, acceptedValue, unit } = criterion;

  if (kind === 'BOOLEAN') {
    const required = readBoolean(requiredLevel);
    const accepted = acceptedValue === null ? null : readBoolean(acceptedValue);
    let ok = true;
    if (required !== true) {
      problems.add(
        `${field}.requiredLevel`,
        `${labelOf(criterion)}: un criterio BOOLEAN exige true como nivel requerido`,
      );
      ok = false;
    }
    if (accepted === undefined) {
      problems.add(
        `${field}.acceptedValue`,
        `${labelOf(criterion)}: el valor aceptado debe ser true, false o null`,
      );
      ok = false;
    }
    return ok ? { kind, unit, accepted: accepted ?? null } : null;
  }

  if (kind === 'AT_LEAST' || kind === 'AT_MOST') {
    let ok = true;
    if (!isDecimalString(requiredLevel)) {
      problems.add(
        `${field}.requiredLevel`,
        `${labelOf(criterion)}: el nivel requerido debe ser un decimal en texto (p. ej. "80.5")`,
      );
      ok = false;
    }
    if (acceptedValue !== null && !isDecimalString(acceptedValue)) {
      problems.add(
        `${field}.acceptedValue`,
        `${labelOf(criterion)}: el valor aceptado debe ser un decimal en texto o null`,
      );
      ok = false;
    }
    if (!ok) return null;
    return {
      kind,
      unit,
      required: dec(requiredLevel as string),
      accepted: acceptedValue === null ? null : dec(acceptedValue as string),
      requiredText: requiredLevel as string,
      acceptedText: acceptedValue as string | null,
    };
  }

  problems.add(
    `${field}.kind`,
    `${labelOf(criterion)}: tipo desconocido "${String(kind)}" (BOOLEAN, AT_LEAST o AT_MOST)`,
  );
  return null;
}

/** Composed only when something is wrong: a valid criterion builds no message. */
function labelOf(criterion: CriterionInput): string {
  return `criterio ${String(criterion?.code)}`;
}

/** Booleans may arrive as JSON booleans or as the text stored in a measurement column. */
function readBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}
