import { BadInputError, type ProblemDetail } from '../../common/errors.js';
import type { SimulateDto } from './tranche-compliance.dto.js';
import { hasTarget, type IndicatorBook, isPlainDecimal, type PeriodOverrides } from './variable-input.js';

/**
 * The simulation's values and neutralisations, by indicator id. Every code must be an
 * indicator of the agreement that counts in the period; every problem is listed at once.
 */
export function readOverrides(book: IndicatorBook, period: { id: string; code: string }, dto: SimulateDto): PeriodOverrides {
  const byCode = new Map(book.indicators.map((i) => [i.code, i.id]));
  const problems: ProblemDetail[] = [];
  const idOf = (code: string, field: string): string | undefined => {
    const id = byCode.get(code);
    if (id === undefined) problems.push({ field, problem: `${code} is not an indicator of this agreement` });
    else if (!hasTarget(book, id, period.id)) problems.push({ field, problem: `indicator ${code} has no target in period ${period.code}` });
    else return id;
    return undefined;
  };

  const achieved = new Map<string, string>();
  for (const [code, value] of Object.entries(dto.values)) {
    const field = `values.${code}`;
    const id = idOf(code, field);
    if (!isPlainDecimal(value)) problems.push({ field, problem: 'must be a decimal number written as text, e.g. "72.5"' });
    else if (id) achieved.set(id, value);
  }
  const neutralise = new Set<string>();
  (dto.neutralise ?? []).forEach((code, n) => {
    const id = idOf(code, `neutralise[${n}]`);
    if (id) neutralise.add(id);
  });

  if (problems.length) throw new BadInputError(`Invalid simulation: ${problems.map((p) => p.field).join(', ')}`, problems);
  return { achieved, neutralise };
}
