import { centsOf, moneyText, roundHalfUpToWhole } from './cents.js';
import { Decimal } from './decimal.js';
import { distributeByLargestRemainder, splitCents } from './largest-remainder.js';
import { fourDecimalsOf, onCommonScale, scaledOf } from './scaled-decimal.js';

describe('cents', () => {
  it.each([
    ['0', 0n, '0.00'],
    ['7', 700n, '7.00'],
    ['12.5', 1250n, '12.50'],
    ['0.05', 5n, '0.05'],
    ['001250000.00', 125000000n, '1250000.00'],
  ])('%s ↔ %s cents ↔ %s', (text, cents, money) => {
    expect(centsOf(text)).toBe(cents);
    expect(moneyText(cents)).toBe(money);
  });

  it('rounds a non-negative decimal half-up to a whole number', () => {
    expect(['2', '2.4999', '2.5', '2.51', '0.5'].map((v) => roundHalfUpToWhole(new Decimal(v))))
      .toEqual([2n, 2n, 3n, 3n, 1n]);
  });
});

describe('scaled decimals', () => {
  it('puts weights on one power of ten', () => {
    expect(onCommonScale(['0.25', '0.1', '1', '00.50'].map(scaledOf))).toEqual({
      units: [25n, 10n, 100n, 50n],
      places: 2,
      one: 100n,
    });
    expect(onCommonScale([scaledOf(`0.${'1'.repeat(21)}`)])).toBeNull();
  });

  it('writes four decimals as toRatio does, only for up to four decimals', () => {
    expect(['0.1', '0.1000', '1', '0', '00.3334'].map((w) => fourDecimalsOf(scaledOf(w)))).toEqual(
      ['0.1000', '0.1000', '1.0000', '0.0000', '0.3334'],
    );
    expect(fourDecimalsOf(scaledOf('0.33335'))).toBeNull();
  });
});

describe('splitCents', () => {
  it.each([
    ['100.00', ['1', '1', '1']],
    ['1000000.45', Array(10).fill('0.1')],
    ['0.05', ['0.2', '0.4', '0.4']],
    ['1.00', ['0.333', '0.3335', '0.3335']],
    ['1.00', ['0.3305', '0.33', '0.3395']],
    ['0.00', ['1', '2']],
    ['1000.00', ['0.5', '0.3']],
  ])('%s over %j: the same parts as the decimal split', (total, weights) => {
    const scaled = onCommonScale(weights.map(scaledOf))!;
    const sum = scaled.units.reduce((a, b) => a + b, 0n);
    const decimalParts = distributeByLargestRemainder(
      new Decimal(total),
      weights.map((w) => new Decimal(w)),
    ).map((part) => part.toFixed(2));
    expect(splitCents(centsOf(total), scaled.units, sum).map(moneyText)).toEqual(decimalParts);
  });
});
