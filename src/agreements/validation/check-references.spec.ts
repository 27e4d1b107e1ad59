import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import { checkReferences, referencesOf, type KnownReferences } from './check-references.js';

const doc = () => sampleAgreementDocument('X', UNIT_REFS);
const known = (): KnownReferences => ({
  entityIds: new Set([UNIT_REFS.entityId, 'verifier']),
  fundingProgramIds: new Set([UNIT_REFS.fundingProgramId]),
  budgetProgramIds: new Set([UNIT_REFS.budgetProgramId, 'other-programme']),
  products: new Map([...UNIT_REFS.productIds.map((id) => [id, UNIT_REFS.budgetProgramId] as [string, string]), ['foreign-product', 'other-programme']]),
  analystIds: new Set(['analyst']),
  ubigeos: new Set(UNIT_REFS.ubigeos),
  codeTaken: false,
});

describe('checkReferences', () => {
  it('accepts the sample', () => expect(checkReferences(doc(), known())).toEqual([]));

  it('names every unknown id and UBIGEO', () => {
    const d = doc();
    d.entityId = 'nobody';
    d.fundingProgramId = 'nothing';
    d.budgetProgramIds.push('missing');
    d.prioritizedProductIds.push('ghost', 'foreign-product');
    d.analystIds = ['analyst', 'approver'];
    d.scope.ubigeos.push('999999');
    d.indicators[0].targets[0].ubigeo = '990101';
    expect(checkReferences(d, known())).toEqual([
      { field: 'entityId', problem: 'no such entity' },
      { field: 'fundingProgramId', problem: 'no such funding programme' },
      { field: 'budgetProgramIds[1]', problem: 'no such budget programme' },
      { field: 'prioritizedProductIds[2]', problem: 'no such budget product' },
      { field: 'prioritizedProductIds[3]', problem: 'belongs to a budget programme not in budgetProgramIds' },
      { field: 'analystIds[1]', problem: 'no such active ANALYST user' },
      { field: 'scope.ubigeos[2]', problem: 'unknown UBIGEO 999999' },
      { field: 'indicators[0].targets[0].ubigeo', problem: 'unknown UBIGEO 990101' },
    ]);
  });

  it('the verifier exists and is not the entity itself', () => {
    const d = doc();
    d.verifierEntityId = d.entityId;
    expect(checkReferences(d, known()).map((p) => p.problem)).toEqual(['the verifier must be another entity than the one that reports']);
    d.verifierEntityId = 'verifier';
    expect(checkReferences(d, known())).toEqual([]);
  });

  it('lists what to look up', () => {
    const d = doc();
    d.verifierEntityId = 'verifier';
    const refs = referencesOf(d);
    expect(refs.entityIds).toEqual([UNIT_REFS.entityId, 'verifier']);
    expect(new Set(refs.ubigeos)).toEqual(new Set(UNIT_REFS.ubigeos));
  });
});
