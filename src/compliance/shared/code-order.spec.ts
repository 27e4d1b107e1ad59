import { compareCodes } from './code-order.js';

const sorted = (codes: string[]) => [...codes].sort(compareCodes);

describe('compareCodes', () => {
  it('orders numbered codes as people read them', () => {
    expect(sorted(['1.10', '1.2', '1.1', '2', '10', '1'])).toEqual([
      '1',
      '1.1',
      '1.2',
      '1.10',
      '2',
      '10',
    ]);
    expect(sorted(['IND-10', 'IND-9', 'IND-1'])).toEqual(['IND-1', 'IND-9', 'IND-10']);
    expect(sorted(['P2.S1', 'P10.S1', 'P2.S10', 'P2.S2'])).toEqual([
      'P2.S1',
      'P2.S2',
      'P2.S10',
      'P10.S1',
    ]);
  });

  it('is a total order even for equal numbers written differently', () => {
    expect(compareCodes('07', '7')).not.toBe(0);
    expect(Math.sign(compareCodes('07', '7'))).toBe(-Math.sign(compareCodes('7', '07')));
    expect(compareCodes('A', 'A')).toBe(0);
  });

  it('does not depend on locale (upper case before lower case, by code unit)', () => {
    expect(sorted(['b', 'B', 'a', 'A'])).toEqual(['A', 'B', 'a', 'b']);
  });
});
