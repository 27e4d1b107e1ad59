import { criteriaOf, type AgreementDocument } from '../agreement-document.js';
import { duplicates, problem, type ProblemDetail } from './problems.js';

/**
 * Levels and targets name known periods, once each (per territory for targets). A period with a
 * fixed tranche needs a level for every criterion (the tranche is judged on them); a period with
 * a variable tranche needs a target for every indicator. A tranche with nothing to judge it by is
 * refused.
 */
export function checkCoverage(doc: AgreementDocument): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  const periods = new Set(doc.periods.map((p) => p.code));
  const fixed = doc.periods.filter((p) => p.fixedTranche).map((p) => p.code);
  const variable = doc.periods.filter((p) => p.variableTranche).map((p) => p.code);
  const criteria = criteriaOf(doc);

  doc.periods.forEach((p, i) => {
    if (p.fixedTranche && !criteria.length) out.push(problem(`periods[${i}].fixedTranche`, 'a fixed tranche needs at least one criterion to be judged by'));
    if (p.variableTranche && !doc.indicators.length) out.push(problem(`periods[${i}].variableTranche`, 'a variable tranche needs at least one indicator to be judged by'));
  });

  for (const { criterion, path } of criteria) {
    criterion.levels.forEach((l, k) => {
      if (!periods.has(l.period)) out.push(problem(`${path}.levels[${k}].period`, `unknown period ${l.period}`));
    });
    for (const d of duplicates(criterion.levels, (l) => l.period)) {
      out.push(problem(`${path}.levels[${d.index}].period`, `a second level for period ${d.key} (first at levels[${d.firstIndex}])`));
    }
    const covered = new Set(criterion.levels.map((l) => l.period));
    for (const code of fixed) {
      if (!covered.has(code)) out.push(problem(`${path}.levels`, `no level for period ${code}, which has a fixed tranche`));
    }
  }

  doc.indicators.forEach((ind, i) => {
    const path = `indicators[${i}]`;
    ind.targets.forEach((t, j) => {
      if (!periods.has(t.period)) out.push(problem(`${path}.targets[${j}].period`, `unknown period ${t.period}`));
    });
    for (const d of duplicates(ind.targets, (t) => `${t.period}${t.ubigeo ? ' / ' + t.ubigeo : ''}`)) {
      out.push(problem(`${path}.targets[${d.index}]`, `a second target for ${d.key} (first at targets[${d.firstIndex}])`));
    }
    const covered = new Set(ind.targets.map((t) => t.period));
    for (const code of variable) {
      if (!covered.has(code)) out.push(problem(`${path}.targets`, `no target for period ${code}, which has a variable tranche`));
    }
  });
  return out;
}
