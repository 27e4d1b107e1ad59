import { Dec } from '../../common/decimal.js';
import { criteriaOf, type AgreementDocument, type IndicatorSpec } from '../agreement-document.js';
import { duplicates, problem, type ProblemDetail } from './problems.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Values that must make sense for what they measure: a BOOLEAN criterion's level is "true" (the
 * condition to reach), an AT_LEAST / AT_MOST level is a number; an INCREASE indicator's targets
 * are not below its baseline nor a DECREASE one's above it; the scoring rule has what its type
 * needs and nothing else.
 */
export function checkValues(doc: AgreementDocument): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  for (const { criterion, path } of criteriaOf(doc)) {
    criterion.levels.forEach((l, k) => {
      const field = `${path}.levels[${k}].value`;
      if (criterion.kind === 'BOOLEAN' && l.value !== 'true') out.push(problem(field, 'must be "true" for a BOOLEAN criterion'));
      if (criterion.kind !== 'BOOLEAN' && !DECIMAL.test(l.value)) out.push(problem(field, `must be a number for an ${criterion.kind} criterion`));
    });
  }
  doc.indicators.forEach((ind, i) => out.push(...checkIndicator(ind, `indicators[${i}]`)));
  return out;
}

function checkIndicator(ind: IndicatorSpec, path: string): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  const baseline = new Dec(ind.baseline.value);
  ind.targets.forEach((t, j) => {
    const value = new Dec(t.value);
    if (ind.direction === 'INCREASE' && value.lessThan(baseline)) {
      out.push(problem(`${path}.targets[${j}].value`, `is below the baseline ${baseline.toFixed()} of an INCREASE indicator`));
    }
    if (ind.direction === 'DECREASE' && value.greaterThan(baseline)) {
      out.push(problem(`${path}.targets[${j}].value`, `is above the baseline ${baseline.toFixed()} of a DECREASE indicator`));
    }
  });
  const { type, floor, steps } = ind.scoring;
  if (type === 'STEPS' && !steps?.length) out.push(problem(`${path}.scoring.steps`, 'a STEPS rule needs at least one step'));
  if (type !== 'STEPS' && steps !== undefined) out.push(problem(`${path}.scoring.steps`, 'only applies to a STEPS rule'));
  if (type !== 'PROPORTIONAL' && floor !== undefined) out.push(problem(`${path}.scoring.floor`, 'only applies to a PROPORTIONAL rule'));
  for (const d of duplicates(steps ?? [], (s) => new Dec(s.minProgress).toFixed())) {
    out.push(problem(`${path}.scoring.steps[${d.index}].minProgress`, `a second step at ${d.key} (first at steps[${d.firstIndex}])`));
  }
  return out;
}
