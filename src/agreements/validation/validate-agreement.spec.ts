import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import type { KnownReferences } from './check-references.js';
import { validateAgreement } from './validate-agreement.js';

const known: KnownReferences = {
  entityIds: new Set([UNIT_REFS.entityId]),
  fundingProgramIds: new Set([UNIT_REFS.fundingProgramId]),
  budgetProgramIds: new Set([UNIT_REFS.budgetProgramId]),
  products: new Map(UNIT_REFS.productIds.map((id) => [id, UNIT_REFS.budgetProgramId])),
  analystIds: new Set(),
  ubigeos: new Set(UNIT_REFS.ubigeos),
  codeTaken: false,
};

describe('validateAgreement', () => {
  it('finds nothing wrong with the sample', () => {
    expect(validateAgreement(sampleAgreementDocument('X', UNIT_REFS), known)).toEqual([]);
  });

  it('reports every broken rule at once, each with its path', () => {
    const d = sampleAgreementDocument('X', UNIT_REFS);
    d.maxAmount = '100.00';
    d.indicators[0].weight = '0.5';
    d.indicators[1].targets[0].value = '40';
    d.scope.ubigeos.push('999999');
    d.periods[1].code = 'P1';
    const fields = validateAgreement(d, { ...known, codeTaken: true }).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining([
      'maxAmount', 'indicators', 'indicators[1].targets[0].value', 'scope.ubigeos[2]', 'periods[1].code', 'code',
    ]));
  });
});
