import { readTerritories } from './territories-source.js';

describe('readTerritories (INEI UBIGEO)', () => {
  const all = readTerritories();
  const districts = all.filter((t) => t.level === 'DISTRICT');

  it('holds 25 departments, 196 provinces and 1,891 districts', () => {
    expect(all.filter((t) => t.level === 'DEPARTMENT')).toHaveLength(25);
    expect(all.filter((t) => t.level === 'PROVINCE')).toHaveLength(196);
    expect(districts).toHaveLength(1891);
  });

  it('ranks the districts with a poverty rate in fifths, quintile 1 the poorest', () => {
    const ranked = districts.filter((d) => d.povertyRate !== null);
    expect(districts.filter((d) => d.quintile === null).every((d) => d.povertyRate === null)).toBe(true);
    const sizes = [1, 2, 3, 4, 5].map((q) => districts.filter((d) => d.quintile === q).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(ranked.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const rates = (q: number) => districts.filter((d) => d.quintile === q).map((d) => Number(d.povertyRate));
    for (let q = 1; q < 5; q++) expect(Math.min(...rates(q))).toBeGreaterThanOrEqual(Math.max(...rates(q + 1)));
  });

  it('links each district to an existing province and department', () => {
    const codes = new Set(all.map((t) => t.ubigeo));
    for (const d of districts) expect(codes.has(d.parentUbigeo!) && codes.has(d.departmentUbigeo)).toBe(true);
  });
});
