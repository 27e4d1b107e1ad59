import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import { checkAmounts } from './check-amounts.js';

describe('checkAmounts', () => {
  it('accepts tranches that add up to exactly the maximum', () => {
    const d = sampleAgreementDocument('X', UNIT_REFS);
    d.maxAmount = '950000.00';
    expect(checkAmounts(d)).toEqual([]);
  });

  it('refuses tranches above the maximum by one cent, with exact decimals', () => {
    const d = sampleAgreementDocument('X', UNIT_REFS);
    d.maxAmount = '950000.00';
    d.periods[0].fixedTranche!.amount = '200000.01';
    expect(checkAmounts(d)).toEqual([{ field: 'maxAmount', problem: 'the tranches add up to 950000.01, above the maximum 950000.00' }]);
  });

  it('adds 0.10 + 0.20 without binary rounding', () => {
    const d = sampleAgreementDocument('X', UNIT_REFS);
    d.periods = [{ ...d.periods[0], fixedTranche: { amount: '0.10', plannedDate: '2021-06-30' }, variableTranche: { amount: '0.20', plannedDate: '2021-07-30' } }];
    d.maxAmount = '0.30';
    expect(checkAmounts(d)).toEqual([]);
  });
});
