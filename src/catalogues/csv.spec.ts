import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    const rows = parseCsv('a,b,c\n1,"San Juan de\n Lopecancha",x\n2,"say ""hi"", ok",y\r\n');
    expect(rows).toEqual([
      { a: '1', b: 'San Juan de\n Lopecancha', c: 'x' },
      { a: '2', b: 'say "hi", ok', c: 'y' },
    ]);
  });
});
