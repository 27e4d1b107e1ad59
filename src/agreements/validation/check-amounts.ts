import { Dec, money } from '../../common/decimal.js';
import { TRANCHE_KINDS, trancheOf, type AgreementDocument } from '../agreement-document.js';
import { problem, type ProblemDetail } from './problems.js';

/** The sum of all tranches never exceeds the agreement's maximum total amount (art. 16.1). */
export function checkAmounts(doc: AgreementDocument): ProblemDetail[] {
  const total = doc.periods
    .flatMap((p) => TRANCHE_KINDS.map((k) => trancheOf(p, k)))
    .reduce((sum, t) => (t ? sum.plus(t.amount) : sum), new Dec(0));
  return total.greaterThan(doc.maxAmount)
    ? [problem('maxAmount', `the tranches add up to ${money(total)}, above the maximum ${money(doc.maxAmount)}`)]
    : [];
}
