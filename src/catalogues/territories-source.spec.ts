import { Decimal } from 'decimal.js';
import { povertyQuintiles, readTerritories } from './territories-source.js';

describe('readTerritories (INEI UBIGEO)', () => {
  const all = readTerritories();
  const districts = all.filter((t) => t.level === 'DISTRICT');

  it('holds 25 departments, 196 provinces and 1,891 districts with unique INEI codes', () => {
    expect(all.filter((t) => t.level === 'DEPARTMENT')).toHaveLength(25);
    expect(all.filter((t) => t.level === 'PROVINCE')).toHaveLength(196);
    expect(districts).toHaveLength(1891);
    expect(new Set(all.map((t) => t.ubigeo)).size).toBe(all.length);
  });

  it('lists parents before children and links each to an existing parent', () => {
    const seen = new Set<string>();
    for (const t of all) {
      if (t.parentUbigeo !== null) expect(seen.has(t.parentUbigeo)).toBe(true);
      seen.add(t.ubigeo);
    }
  });

  it('uses INEI codes, not RENIEC ones (Callao is 07, Cusco 08)', () => {
    expect(all.find((t) => t.ubigeo === '070000')?.name).toBe('CALLAO');
    expect(all.find((t) => t.ubigeo === '080000')?.name).toBe('CUSCO');
    expect(all.find((t) => t.ubigeo === '050101')).toMatchObject({ name: 'AYACUCHO', provinceName: 'HUAMANGA', departmentName: 'AYACUCHO' });
  });

  it('gives every district a quintile: 379, 378, 378, 378, 378, quintile 1 the poorest', () => {
    const sizes = [1, 2, 3, 4, 5].map((q) => districts.filter((d) => d.quintile === q).length);
    expect(sizes).toEqual([379, 378, 378, 378, 378]);
    const rates = (q: number) => districts.filter((d) => d.quintile === q && d.povertyRate !== null).map((d) => new Decimal(d.povertyRate!));
    for (let q = 1; q < 5; q++) expect(Decimal.min(...rates(q)).gte(Decimal.max(...rates(q + 1)))).toBe(true);
    expect(all.filter((t) => t.level !== 'DISTRICT').every((t) => t.quintile === null)).toBe(true);
  });

  it('places a district without a rate of its own by its province’s rate, leaving its rate empty', () => {
    const putis = districts.find((d) => d.ubigeo === '050413')!;
    expect(putis).toMatchObject({ name: 'PUTIS', povertyRate: null });
    expect(putis.quintile).not.toBeNull();
  });
});

describe('povertyQuintiles', () => {
  it('cuts sorted rates into five groups, the first ones one larger, ties by UBIGEO', () => {
    const ds = ['10', '90', '50', '50', '30', '70', '20'].map((rate, i) => ({ ubigeo: `00000${i}`, rate }));
    const q = povertyQuintiles([...ds, { ubigeo: '000009', rate: null }]);
    // 7 ranked = 5·1 + 2 → sizes 2, 2, 1, 1, 1
    expect(['000001', '000005', '000002', '000003', '000004', '000006', '000000'].map((u) => q.get(u))).toEqual([1, 1, 2, 2, 3, 4, 5]);
    expect(q.has('000009')).toBe(false);
  });

  it('compares rates as decimals, not as text', () => {
    const q = povertyQuintiles(['9.5', '10.25', '100', '2', '65.000001'].map((rate, i) => ({ ubigeo: `00000${i}`, rate })));
    expect([...q.entries()].sort((a, b) => a[1] - b[1]).map(([u]) => u)).toEqual(['000002', '000004', '000001', '000000', '000003']);
  });
});
