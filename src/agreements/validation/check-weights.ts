import { Dec } from '../../common/decimal.js';
import type { AgreementDocument } from '../agreement-document.js';
import { problem, type ProblemDetail } from './problems.js';

/**
 * Indicator weights share out the variable tranche, so when there is one they add up to exactly 1
 * and none is zero. Under PER_PROCESS each process carries a share of the fixed tranche: either
 * every process has one and they add up to exactly 1, or none has one (equal shares). Shares mean
 * nothing under ALL_OR_NOTHING.
 */
export function checkWeights(doc: AgreementDocument): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  if (doc.periods.some((p) => p.variableTranche) && doc.indicators.length) {
    const sum = doc.indicators.reduce((s, x) => s.plus(x.weight), new Dec(0));
    if (!sum.equals(1)) out.push(problem('indicators', `the indicator weights add up to ${sum.toFixed()}, not 1`));
  }
  doc.indicators.forEach((x, i) => {
    if (new Dec(x.weight).isZero()) out.push(problem(`indicators[${i}].weight`, 'must be above 0'));
  });
  const withShare = doc.processes.filter((p) => p.share !== undefined);
  if (doc.rules.fixedTrancheRule === 'PER_PROCESS' && withShare.length) {
    if (withShare.length < doc.processes.length) {
      doc.processes.forEach((p, i) => {
        if (p.share === undefined) out.push(problem(`processes[${i}].share`, 'is required: give every process a share, or none (equal shares)'));
      });
    } else {
      const sum = withShare.reduce((s, p) => s.plus(p.share!), new Dec(0));
      if (!sum.equals(1)) out.push(problem('processes', `the PER_PROCESS shares add up to ${sum.toFixed()}, not 1`));
    }
  }
  if (doc.rules.fixedTrancheRule === 'ALL_OR_NOTHING') {
    doc.processes.forEach((p, i) => {
      if (p.share !== undefined) out.push(problem(`processes[${i}].share`, 'only applies when rules.fixedTrancheRule is PER_PROCESS'));
    });
  }
  return out;
}
