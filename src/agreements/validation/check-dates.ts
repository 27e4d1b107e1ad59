import { TRANCHE_KINDS, trancheOf, type AgreementDocument } from '../agreement-document.js';
import { problem, type ProblemDetail } from './problems.js';

const trancheField = { FIXED: 'fixedTranche', VARIABLE: 'variableTranche' } as const;

/**
 * Dates in order: the agreement and each period end after they start, periods lie inside the
 * agreement and follow each other without overlapping, in the order listed; a tranche is planned
 * no earlier than its period starts and no later than the agreement ends (the last verification
 * falls after the last period, still within the agreement). Dates are YYYY-MM-DD, so text order
 * is date order.
 */
export function checkDates(doc: AgreementDocument): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  if (doc.endsOn <= doc.startsOn) out.push(problem('endsOn', `must be after startsOn (${doc.startsOn})`));
  doc.periods.forEach((p, i) => {
    const at = `periods[${i}]`;
    if (p.endsOn <= p.startsOn) out.push(problem(`${at}.endsOn`, `must be after the period's startsOn (${p.startsOn})`));
    if (p.startsOn < doc.startsOn) out.push(problem(`${at}.startsOn`, `is before the agreement starts (${doc.startsOn})`));
    if (p.endsOn > doc.endsOn) out.push(problem(`${at}.endsOn`, `is after the agreement ends (${doc.endsOn})`));
    const previous = doc.periods[i - 1];
    if (previous && p.startsOn <= previous.endsOn) {
      out.push(problem(`${at}.startsOn`, `must come after period ${previous.code} ends (${previous.endsOn}): periods may not overlap and are listed in order`));
    }
    for (const kind of TRANCHE_KINDS) {
      const t = trancheOf(p, kind);
      if (!t) continue;
      const field = `${at}.${trancheField[kind]}.plannedDate`;
      if (t.plannedDate < p.startsOn) out.push(problem(field, `is before the period starts (${p.startsOn})`));
      else if (t.plannedDate > doc.endsOn) out.push(problem(field, `is after the agreement ends (${doc.endsOn})`));
    }
  });
  const startYear = Number(doc.startsOn.slice(0, 4));
  doc.indicators.forEach((ind, i) => {
    if (ind.baseline.year > startYear) out.push(problem(`indicators[${i}].baseline.year`, `is after the agreement starts (${startYear}): a baseline comes before it`));
  });
  return out;
}
