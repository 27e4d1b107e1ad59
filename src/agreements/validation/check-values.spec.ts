import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import { checkValues } from './check-values.js';

const doc = () => sampleAgreementDocument('X', UNIT_REFS);

describe('checkValues', () => {
  it('accepts the sample', () => expect(checkValues(doc())).toEqual([]));

  it('BOOLEAN levels must be "true", numeric levels numbers', () => {
    const d = doc();
    d.processes[0].subprocesses[0].criteria[0].levels[0].value = 'false';
    d.processes[0].subprocesses[0].criteria[1].levels[1].value = 'ochenta';
    expect(checkValues(d)).toEqual([
      { field: 'processes[0].subprocesses[0].criteria[0].levels[0].value', problem: 'must be "true" for a BOOLEAN criterion' },
      { field: 'processes[0].subprocesses[0].criteria[1].levels[1].value', problem: 'must be a number for an AT_LEAST criterion' },
    ]);
  });

  it('targets go the way of the indicator: not below an INCREASE baseline, not above a DECREASE one', () => {
    const d = doc();
    d.indicators[0].targets[1].value = '44.99';
    d.indicators[1].targets[0].value = '35.6';
    expect(checkValues(d)).toEqual([
      { field: 'indicators[0].targets[1].value', problem: 'is below the baseline 45 of an INCREASE indicator' },
      { field: 'indicators[1].targets[0].value', problem: 'is above the baseline 35.5 of a DECREASE indicator' },
    ]);
    d.indicators[0].targets[1].value = '45';
    d.indicators[1].targets[0].value = '35.50';
    expect(checkValues(d)).toEqual([]);
  });

  it('the scoring rule has what its type needs and nothing else', () => {
    const d = doc();
    d.indicators[1].scoring = { type: 'STEPS', steps: [] };
    d.indicators[0].scoring = { type: 'BINARY', floor: '0.5', steps: [{ minProgress: '1', score: '1' }] };
    expect(checkValues(d).map((p) => p.field)).toEqual([
      'indicators[0].scoring.steps', 'indicators[0].scoring.floor', 'indicators[1].scoring.steps',
    ]);
  });

  it('refuses two steps at the same progress', () => {
    const d = doc();
    d.indicators[1].scoring.steps = [{ minProgress: '0.75', score: '0.5' }, { minProgress: '0.750', score: '0.6' }];
    expect(checkValues(d)).toEqual([{ field: 'indicators[1].scoring.steps[1].minProgress', problem: 'a second step at 0.75 (first at steps[0])' }]);
  });
});
