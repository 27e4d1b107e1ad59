import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import { checkCoverage } from './check-coverage.js';

const doc = () => sampleAgreementDocument('X', UNIT_REFS);

describe('checkCoverage', () => {
  it('accepts the sample', () => expect(checkCoverage(doc())).toEqual([]));

  it('needs a level of every criterion in each period with a fixed tranche', () => {
    const d = doc();
    d.processes[0].subprocesses[0].criteria[1].levels.pop();
    expect(checkCoverage(d)).toEqual([
      { field: 'processes[0].subprocesses[0].criteria[1].levels', problem: 'no level for period P2, which has a fixed tranche' },
    ]);
    d.periods[1].fixedTranche = undefined;
    expect(checkCoverage(d)).toEqual([]);
  });

  it('needs a target of every indicator in each period with a variable tranche', () => {
    const d = doc();
    d.indicators[1].targets = d.indicators[1].targets.filter((t) => t.period !== 'P1');
    expect(checkCoverage(d)).toEqual([{ field: 'indicators[1].targets', problem: 'no target for period P1, which has a variable tranche' }]);
    d.periods[0].variableTranche = undefined;
    expect(checkCoverage(d)).toEqual([]);
  });

  it('refuses levels and targets of unknown periods, and repeated ones', () => {
    const d = doc();
    d.processes[1].subprocesses[0].criteria[0].levels.push({ period: 'P9', value: '10' }, { period: 'P1', value: '25' });
    d.indicators[0].targets.push({ period: 'P1', ubigeo: UNIT_REFS.ubigeos[0], value: '56' });
    d.indicators[1].targets.push({ period: 'P3', value: '20' });
    expect(checkCoverage(d).map((p) => p.field)).toEqual([
      'processes[1].subprocesses[0].criteria[0].levels[2].period',
      'processes[1].subprocesses[0].criteria[0].levels[3].period',
      'indicators[0].targets[4]',
      'indicators[1].targets[2].period',
    ]);
  });

  it('refuses a tranche with nothing to judge it by', () => {
    const d = doc();
    d.processes = [];
    d.indicators = [];
    expect(checkCoverage(d).map((p) => p.field)).toEqual([
      'periods[0].fixedTranche', 'periods[0].variableTranche', 'periods[1].fixedTranche', 'periods[1].variableTranche',
    ]);
  });
});
