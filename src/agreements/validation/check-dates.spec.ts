import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import { checkDates } from './check-dates.js';

const doc = () => sampleAgreementDocument('X', UNIT_REFS);

describe('checkDates', () => {
  it('accepts the sample', () => expect(checkDates(doc())).toEqual([]));

  it('refuses an agreement or a period that ends before it starts', () => {
    const d = doc();
    d.endsOn = d.startsOn;
    d.periods[1].endsOn = '2021-12-01';
    const fields = checkDates(d).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['endsOn', 'periods[1].endsOn']));
  });

  it('refuses periods outside the agreement, overlapping or out of order', () => {
    const d = doc();
    d.periods[0].startsOn = '2020-12-01';
    d.periods[1].startsOn = '2021-12-31';
    expect(checkDates(d).map((p) => p.field)).toEqual(['periods[0].startsOn', 'periods[1].startsOn']);
    const swapped = doc();
    swapped.periods.reverse();
    expect(checkDates(swapped).map((p) => p.field)).toContain('periods[1].startsOn');
  });

  it('refuses a tranche planned before its period or after the agreement', () => {
    const d = doc();
    d.periods[1].fixedTranche!.plannedDate = '2021-06-30';
    d.periods[1].variableTranche!.plannedDate = '2023-07-01';
    expect(checkDates(d)).toEqual([
      { field: 'periods[1].fixedTranche.plannedDate', problem: 'is before the period starts (2022-01-01)' },
      { field: 'periods[1].variableTranche.plannedDate', problem: 'is after the agreement ends (2023-06-30)' },
    ]);
  });

  it('refuses a baseline year after the agreement starts', () => {
    const d = doc();
    d.indicators[1].baseline.year = 2022;
    expect(checkDates(d).map((p) => p.field)).toEqual(['indicators[1].baseline.year']);
  });
});
