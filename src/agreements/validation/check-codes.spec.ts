import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import { checkCodes } from './check-codes.js';

const doc = () => sampleAgreementDocument('X', UNIT_REFS);

describe('checkCodes', () => {
  it('accepts the sample', () => expect(checkCodes(doc(), false)).toEqual([]));

  it('refuses a code already used by another agreement', () => {
    expect(checkCodes(doc(), true)).toEqual([{ field: 'code', problem: 'is already used by another agreement' }]);
  });

  it('names the second occurrence of each duplicate code', () => {
    const d = doc();
    d.periods[1].code = 'P1';
    d.processes[1].code = '1';
    d.processes[0].subprocesses.push({ ...d.processes[0].subprocesses[0], criteria: [{ ...d.processes[0].subprocesses[0].criteria[0], code: 'C9' }] });
    d.processes[1].subprocesses[0].criteria[0].code = 'C1';
    d.indicators[1].code = 'IND-1';
    expect(checkCodes(d, false).map((p) => p.field)).toEqual([
      'periods[1].code',
      'processes[1].code',
      'processes[0].subprocesses[1].code',
      'processes[1].subprocesses[0].criteria[0].code',
      'indicators[1].code',
    ]);
  });

  it('allows the same subprocess code in two processes', () => {
    const d = doc();
    d.processes[1].subprocesses[0].code = '1.1';
    expect(checkCodes(d, false)).toEqual([]);
  });

  it('refuses repeated UBIGEOs, quintiles and ids', () => {
    const d = doc();
    d.scope.ubigeos.push(d.scope.ubigeos[0]);
    d.scope.quintiles = [1, 1];
    d.prioritizedProductIds.push(d.prioritizedProductIds[0]);
    expect(checkCodes(d, false).map((p) => p.field)).toEqual(['prioritizedProductIds[2]', 'scope.ubigeos[2]', 'scope.quintiles[1]']);
  });
});
