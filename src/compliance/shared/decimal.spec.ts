import {
  Decimal,
  canonicalDecimal,
  isDecimalString,
  parseDecimal,
  toMoney,
  toPercent,
  toRatio,
} from './decimal.js';
import { ratioText, soles } from './spanish-text.js';

describe('decimal helpers', () => {
  it.each([
    ['1.50', '1.5'],
    ['01.5', '1.5'],
    ['-0', '0'],
    ['-0.00', '0'],
    ['0.0', '0'],
    ['100', '100'],
    ['-10.10', '-10.1'],
    ['0.1000', '0.1'],
    ['007', '7'],
  ])('canonical form of %s is %s (text and Decimal agree)', (text, canonical) => {
    expect(canonicalDecimal(text)).toBe(canonical);
    expect(canonicalDecimal(new Decimal(text))).toBe(canonical);
  });

  it('accepts plain notation only', () => {
    for (const ok of ['0', '-1', '1.5', '1250000.00']) expect(isDecimalString(ok)).toBe(true);
    for (const bad of ['1e3', '1,5', ' 1', '1.', '.5', '+1', '', 'NaN', 'Infinity', '1 000']) {
      expect(isDecimalString(bad)).toBe(false);
      expect(parseDecimal(bad)).toBeNull();
    }
    expect(parseDecimal(1.5)).toBeNull();
  });

  it('formats money and ratios half-up with a fixed number of decimals', () => {
    expect(toMoney(new Decimal('0.005'))).toBe('0.01');
    expect(toMoney(new Decimal('0.0049'))).toBe('0.00');
    expect(toMoney(new Decimal('12'))).toBe('12.00');
    expect(toMoney(new Decimal('12.3'))).toBe('12.30');
    expect(toMoney(new Decimal('-0'))).toBe('0.00');
    expect(toRatio(new Decimal(1).dividedBy(3))).toBe('0.3333');
    expect(toRatio(new Decimal(2).dividedBy(3))).toBe('0.6667');
    expect(toRatio(new Decimal('0.00005'))).toBe('0.0001');
    expect(toRatio(new Decimal('1'))).toBe('1.0000');
    // rounding up carries through nines
    expect(toMoney(new Decimal('9.995'))).toBe('10.00');
    expect(toMoney(new Decimal('199.9949'))).toBe('199.99');
    expect(toRatio(new Decimal('0.99995'))).toBe('1.0000');
    expect(toPercent(new Decimal(2).dividedBy(3))).toBe('66.67');
    expect(toPercent(new Decimal('0.83335'))).toBe('83.34');
  });

  it('writes amounts and ratios the way reports read', () => {
    expect(soles('1250000.00')).toBe('S/ 1,250,000.00');
    expect(soles('999.99')).toBe('S/ 999.99');
    expect(soles('1000.00')).toBe('S/ 1,000.00');
    expect(soles(new Decimal('0'))).toBe('S/ 0.00');
    expect(ratioText('0.9000')).toBe('0.90');
    expect(ratioText('0.8333')).toBe('0.8333');
    expect(ratioText('0.7500')).toBe('0.75');
    expect(ratioText('1.0000')).toBe('1.00');
  });

  it('does not touch the global Decimal configuration', async () => {
    const { Decimal: Global } = await import('decimal.js');
    expect(Global.precision).toBe(20);
    expect(Decimal.precision).toBe(40);
    expect(Decimal.rounding).toBe(Global.ROUND_HALF_UP);
  });
});
