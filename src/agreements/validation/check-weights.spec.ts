import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import { checkWeights } from './check-weights.js';

const doc = () => sampleAgreementDocument('X', UNIT_REFS);

describe('checkWeights', () => {
  it('accepts the sample (0.6 + 0.4)', () => expect(checkWeights(doc())).toEqual([]));

  it('refuses indicator weights that do not add up to exactly 1', () => {
    const d = doc();
    d.indicators[1].weight = '0.399999';
    expect(checkWeights(d)).toEqual([{ field: 'indicators', problem: 'the indicator weights add up to 0.999999, not 1' }]);
  });

  it('does not ask weights to add up when there is no variable tranche', () => {
    const d = doc();
    d.periods.forEach((p) => delete p.variableTranche);
    d.indicators[1].weight = '0.1';
    expect(checkWeights(d)).toEqual([]);
  });

  it('refuses a zero weight', () => {
    const d = doc();
    d.indicators[0].weight = '1';
    d.indicators[1].weight = '0';
    expect(checkWeights(d)).toEqual([{ field: 'indicators[1].weight', problem: 'must be above 0' }]);
  });

  it('PER_PROCESS: shares for all processes adding up to 1, or none', () => {
    const d = doc();
    d.rules.fixedTrancheRule = 'PER_PROCESS';
    expect(checkWeights(d)).toEqual([]);
    d.processes[0].share = '0.5';
    expect(checkWeights(d)).toEqual([{ field: 'processes[1].share', problem: 'is required: give every process a share, or none (equal shares)' }]);
    d.processes[1].share = '0.4';
    expect(checkWeights(d)).toEqual([{ field: 'processes', problem: 'the PER_PROCESS shares add up to 0.9, not 1' }]);
    d.processes[1].share = '0.5';
    expect(checkWeights(d)).toEqual([]);
  });

  it('refuses shares under ALL_OR_NOTHING', () => {
    const d = doc();
    d.processes[0].share = '1';
    expect(checkWeights(d).map((p) => p.field)).toEqual(['processes[0].share']);
  });
});
