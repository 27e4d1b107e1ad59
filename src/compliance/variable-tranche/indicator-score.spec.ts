import { Decimal } from '../shared/decimal.js';
import { type ReadScoring, progressOf, scoreIndicator } from './indicator-score.js';
import type { IndicatorDirection } from './variable-tranche.types.js';

const d = (value: string) => new Decimal(value);
const steps = (...pairs: [string, string][]): ReadScoring => ({
  type: 'STEPS',
  steps: pairs
    .map(([minProgress, score]) => ({
      minProgress: d(minProgress),
      score: d(score),
      source: { minProgress, score },
    }))
    .sort((x, y) => y.minProgress.comparedTo(x.minProgress)),
});

describe('progressOf', () => {
  it.each([
    // direction, baseline, target, achieved, progress (hand-computed)
    ['INCREASE', '60', '75', '72.5', '0.8333333333333333333333333333333333333333'],
    ['INCREASE', '60', '75', '75', '1'],
    ['INCREASE', '60', '75', '80', '1'], // beyond the target: clamped
    ['INCREASE', '60', '75', '60', '0'],
    ['INCREASE', '60', '75', '55', '0'], // worse than the baseline: clamped
    ['INCREASE', '-10', '10', '0', '0.5'],
    ['DECREASE', '40', '30', '34', '0.6'], // (40 − 34) / (40 − 30)
    ['DECREASE', '40', '30', '30', '1'],
    ['DECREASE', '40', '30', '25', '1'],
    ['DECREASE', '40', '30', '45', '0'],
    ['DECREASE', '40', '30', '40', '0'],
    // target = baseline: 1 when the target is met, else 0
    ['INCREASE', '50', '50', '50', '1'],
    ['INCREASE', '50', '50', '51', '1'],
    ['INCREASE', '50', '50', '49.9', '0'],
    ['DECREASE', '50', '50', '50', '1'],
    ['DECREASE', '50', '50', '49', '1'],
    ['DECREASE', '50', '50', '50.1', '0'],
  ] as const)('%s b=%s t=%s a=%s → %s', (direction, baseline, target, achieved, expected) => {
    expect(
      progressOf(direction as IndicatorDirection, d(baseline), d(target), d(achieved)).toFixed(),
    ).toBe(expected);
  });
});

describe('scoreIndicator', () => {
  const score = (
    scoring: ReadScoring,
    direction: IndicatorDirection,
    b: string,
    t: string,
    a: string,
  ) => {
    const result = scoreIndicator(scoring, direction, d(b), d(t), d(a));
    return [result.score.toFixed(), result.reason];
  };

  it.each([
    [{ type: 'BINARY' } as ReadScoring, 'INCREASE', '60', '75', '75', ['1', 'meta alcanzada']],
    [
      { type: 'BINARY' } as ReadScoring,
      'INCREASE',
      '60',
      '75',
      '74.99',
      ['0', 'meta no alcanzada'],
    ],
    [{ type: 'BINARY' } as ReadScoring, 'DECREASE', '40', '30', '29', ['1', 'meta alcanzada']],
    [{ type: 'BINARY' } as ReadScoring, 'DECREASE', '40', '30', '30.5', ['0', 'meta no alcanzada']],
    [{ type: 'BINARY' } as ReadScoring, 'DECREASE', '50', '50', '50', ['1', 'meta alcanzada']],
    [
      { type: 'PROPORTIONAL', floor: null } as ReadScoring,
      'INCREASE',
      '0',
      '10',
      '2',
      ['0.2', 'proporcional al avance'],
    ],
    [
      { type: 'PROPORTIONAL', floor: d('0.5') } as ReadScoring,
      'INCREASE',
      '0',
      '10',
      '4.99',
      ['0', 'avance bajo el mínimo 0.5'],
    ],
    [
      { type: 'PROPORTIONAL', floor: d('0.5') } as ReadScoring,
      'INCREASE',
      '0',
      '10',
      '5',
      ['0.5', 'proporcional al avance'],
    ],
    [
      { type: 'PROPORTIONAL', floor: d('0.5') } as ReadScoring,
      'DECREASE',
      '40',
      '30',
      '34',
      ['0.6', 'proporcional al avance'],
    ],
    [steps(['1', '1'], ['0.75', '0.5']), 'INCREASE', '60', '75', '72.5', ['0.5', 'escalón ≥ 0.75']],
    [steps(['1', '1'], ['0.75', '0.5']), 'INCREASE', '60', '75', '75', ['1', 'escalón ≥ 1']],
    [
      steps(['1', '1'], ['0.75', '0.5']),
      'INCREASE',
      '60',
      '75',
      '71.25',
      ['0.5', 'escalón ≥ 0.75'],
    ], // exactly 0.75
    [
      steps(['1', '1'], ['0.75', '0.5']),
      'INCREASE',
      '60',
      '75',
      '71.24',
      ['0', 'ningún escalón alcanzado'],
    ],
    [
      steps(['0.5', '0.4'], ['1', '1'], ['0.8', '0.7']),
      'DECREASE',
      '40',
      '30',
      '32',
      ['0.7', 'escalón ≥ 0.8'],
    ],
    [steps(['0', '0.1']), 'INCREASE', '1', '2', '0', ['0.1', 'escalón ≥ 0']],
  ] as const)('%j %s b=%s t=%s a=%s → %j', (scoring, direction, b, t, a, expected) => {
    expect(score(scoring, direction as IndicatorDirection, b, t, a)).toEqual(expected);
  });
});
