import type { AgreementDocument } from '../agreement-document.js';
import { checkAmounts } from './check-amounts.js';
import { checkCodes } from './check-codes.js';
import { checkCoverage } from './check-coverage.js';
import { checkDates } from './check-dates.js';
import { checkReferences, type KnownReferences } from './check-references.js';
import { checkValues } from './check-values.js';
import { checkWeights } from './check-weights.js';
import type { ProblemDetail } from './problems.js';

/**
 * Every domain rule over a well-formed document, all at once: the analyst fixes a draft in one
 * pass instead of discovering problems one by one. Empty means valid.
 */
export function validateAgreement(doc: AgreementDocument, known: KnownReferences): ProblemDetail[] {
  return [
    ...checkReferences(doc, known),
    ...checkCodes(doc, known.codeTaken),
    ...checkDates(doc),
    ...checkAmounts(doc),
    ...checkWeights(doc),
    ...checkCoverage(doc),
    ...checkValues(doc),
  ];
}
