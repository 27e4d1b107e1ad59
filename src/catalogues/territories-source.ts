import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.js';

export interface TerritoryRow {
  ubigeo: string;
  level: 'DEPARTMENT' | 'PROVINCE' | 'DISTRICT';
  name: string;
  departmentUbigeo: string;
  provinceUbigeo: string | null;
  parentUbigeo: string | null;
  departmentName: string;
  provinceName: string | null;
  povertyRate: string | null;
  extremePovertyRate: string | null;
  quintile: number | null;
}

/** The CSVs live in src/ (not copied by tsc): find them from the project root. */
export function ubigeoDataDir(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); dirname(d) !== d; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return join(d, 'src', 'catalogues', 'data', 'ubigeo');
  }
  throw new Error('project root (package.json) not found above ' + import.meta.url);
}

const rate = (v: string | undefined) => (v === undefined || v === '' || v === 'NA' ? null : v);
const isCode = (v: string | undefined) => !!v && /^\d{6}$/.test(v);
const title = (s: string) => s.trim();

/**
 * INEI's 25 departments, 196 provinces and 1,891 districts, parents first.
 * Quintile (districts only): districts sorted by `pct_pobreza_total` from poorest to least poor
 * (ties by UBIGEO); position i of n gets quintile floor(5·i/n)+1, so 1 = the poorest fifth.
 * Only districts with a poverty rate are ranked: 17 districts created after INEI's poverty map
 * have none and get no quintile, so 1,874 districts are ranked (375, 375, 375, 375, 374).
 */
export function readTerritories(dir = ubigeoDataDir()): TerritoryRow[] {
  const read = (f: string) => parseCsv(readFileSync(join(dir, f), 'utf8'));
  const departments = read('ubigeo_departamento.csv');
  const provinces = read('ubigeo_provincia.csv');
  // Rows without both an INEI and a RENIEC code are not (yet) districts of the official list.
  const districts = read('ubigeo_distrito.csv').filter((d) => isCode(d.inei) && isCode(d.reniec));
  const depName = new Map(departments.map((d) => [d.inei, title(d.departamento)]));
  const out: TerritoryRow[] = departments.map((d) => ({
    ubigeo: d.inei, level: 'DEPARTMENT', name: title(d.departamento), departmentUbigeo: d.inei, provinceUbigeo: null,
    parentUbigeo: null, departmentName: title(d.departamento), provinceName: null,
    povertyRate: rate(d.pct_pobreza_total), extremePovertyRate: rate(d.pct_pobreza_extrema), quintile: null,
  }));
  for (const p of provinces) {
    const dep = p.inei.slice(0, 2) + '0000';
    out.push({
      ubigeo: p.inei, level: 'PROVINCE', name: title(p.provincia), departmentUbigeo: dep, provinceUbigeo: p.inei,
      parentUbigeo: dep, departmentName: depName.get(dep) ?? title(p.departamento), provinceName: title(p.provincia),
      povertyRate: rate(p.pct_pobreza_total), extremePovertyRate: rate(p.pct_pobreza_extrema), quintile: null,
    });
  }
  const ranked = districts.filter((d) => rate(d.pct_pobreza_total) !== null).sort(
    (a, b) => Number(b.pct_pobreza_total) - Number(a.pct_pobreza_total) || a.inei.localeCompare(b.inei),
  );
  const quintile = new Map(ranked.map((d, i) => [d.inei, Math.floor((5 * i) / ranked.length) + 1]));
  for (const d of districts) {
    const dep = d.inei.slice(0, 2) + '0000';
    const prov = d.inei.slice(0, 4) + '00';
    out.push({
      ubigeo: d.inei, level: 'DISTRICT', name: title(d.distrito), departmentUbigeo: dep, provinceUbigeo: prov,
      parentUbigeo: prov, departmentName: depName.get(dep) ?? title(d.departamento), provinceName: title(d.provincia),
      povertyRate: rate(d.pct_pobreza_total), extremePovertyRate: rate(d.pct_pobreza_extrema), quintile: quintile.get(d.inei) ?? null,
    });
  }
  return out;
}
