import { Decimal } from './decimal.js';
import { distributeByLargestRemainder } from './largest-remainder.js';

const split = (total: string, weights: string[], sum?: string) =>
  distributeByLargestRemainder(
    new Decimal(total),
    weights.map((w) => new Decimal(w)),
    sum === undefined ? undefined : new Decimal(sum),
  ).map((part) => part.toFixed(2));

describe('distributeByLargestRemainder', () => {
  it.each([
    // total, weights, expected parts (hand-computed)
    ['100.00', ['1', '1', '1'], ['33.34', '33.33', '33.33']],
    ['100.00', ['0.25', '0.25', '0.25', '0.25'], ['25.00', '25.00', '25.00', '25.00']],
    ['0.02', ['1', '1', '1'], ['0.01', '0.01', '0.00']],
    ['10.00', ['0.5', '0.3', '0.2'], ['5.00', '3.00', '2.00']],
    // 1000000.45 × 0.1 = 100000.045 each: 10 × 100000.04 = 1000000.40, 5 spare cents to the first five.
    [
      '1000000.45',
      Array(10).fill('0.1'),
      [...Array(5).fill('100000.05'), ...Array(5).fill('100000.04')],
    ],
    // remainders 0.6, 0.2, 0.2 (of a cent): the spare cent goes to the largest, not the first.
    ['0.05', ['0.2', '0.4', '0.4'], ['0.01', '0.02', '0.02']],
    ['0.00', ['1', '2'], ['0.00', '0.00']],
    // remainders of different lengths (0.3 and 0.35 of a cent; 0.05, 0 and 0.95 of a cent)
    ['1.00', ['0.333', '0.3335', '0.3335'], ['0.33', '0.34', '0.33']],
    ['1.00', ['0.3305', '0.33', '0.3395'], ['0.33', '0.33', '0.34']],
  ])('%s over %j → %j', (total, weights, expected) => {
    expect(split(total, weights)).toEqual(expected);
  });

  it('weights need not add up to 1 (pro rata)', () => {
    // 0.5 and 0.3 of 0.8 → 0.625 and 0.375 of 1000.00
    expect(split('1000.00', ['0.5', '0.3'])).toEqual(['625.00', '375.00']);
    expect(split('1000.00', ['0.5', '0.3'], '0.8')).toEqual(['625.00', '375.00']);
  });

  it('gives zero everywhere when there is no weight', () => {
    expect(split('100.00', ['0', '0'])).toEqual(['0.00', '0.00']);
    expect(split('100.00', [])).toEqual([]);
  });

  it('breaks ties by position so the split is reproducible', () => {
    expect(split('0.01', ['1', '1'])).toEqual(['0.01', '0.00']);
    expect(split('1.00', ['1', '1', '1', '1', '1', '1'])).toEqual([
      '0.17',
      '0.17',
      '0.17',
      '0.17',
      '0.16',
      '0.16',
    ]);
  });
});
