import { criteriaOf, type AgreementDocument } from '../agreement-document.js';
import { duplicates, problem, type ProblemDetail } from './problems.js';

/**
 * Codes name things inside the agreement (periods are referenced by code), so each is unique where
 * it is looked up: periods, processes, criteria and indicators in the agreement, subprocesses in
 * their process. Repeated ids, UBIGEOs and quintiles are refused too. The agreement's own code must
 * not belong to another agreement (`codeTaken`).
 */
export function checkCodes(doc: AgreementDocument, codeTaken: boolean): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  if (codeTaken) out.push(problem('code', `is already used by another agreement`));
  const unique = <T>(items: readonly T[], keyOf: (x: T) => string, at: (i: number) => string, what: string) => {
    for (const d of duplicates(items, keyOf)) out.push(problem(at(d.index), `duplicate ${what} ${d.key} (first at ${at(d.firstIndex)})`));
  };
  unique(doc.periods, (p) => p.code, (i) => `periods[${i}].code`, 'period code');
  unique(doc.processes, (p) => p.code, (i) => `processes[${i}].code`, 'process code');
  doc.processes.forEach((p, i) =>
    unique(p.subprocesses, (s) => s.code, (j) => `processes[${i}].subprocesses[${j}].code`, 'subprocess code'),
  );
  const criteria = criteriaOf(doc);
  unique(criteria, (c) => c.criterion.code, (k) => `${criteria[k].path}.code`, 'criterion code');
  unique(doc.indicators, (x) => x.code, (i) => `indicators[${i}].code`, 'indicator code');
  unique(doc.budgetProgramIds, String, (i) => `budgetProgramIds[${i}]`, 'budget programme');
  unique(doc.prioritizedProductIds, String, (i) => `prioritizedProductIds[${i}]`, 'product');
  unique(doc.analystIds ?? [], String, (i) => `analystIds[${i}]`, 'analyst');
  unique(doc.scope.ubigeos, String, (i) => `scope.ubigeos[${i}]`, 'UBIGEO');
  unique(doc.scope.quintiles, String, (i) => `scope.quintiles[${i}]`, 'quintile');
  return out;
}
