import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { parseCsv } from './csv.js';

export type TerritoryLevel = 'DEPARTMENT' | 'PROVINCE' | 'DISTRICT';

export interface TerritoryRow {
  ubigeo: string;
  level: TerritoryLevel;
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

/**
 * The CSVs stay in src/ (tsc does not copy them), so they are found from the project root —
 * the folder with package.json above this file, whether it runs from src/ (Jest) or dist/.
 */
export function ubigeoDataDir(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); dirname(d) !== d; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return join(d, 'src', 'catalogues', 'data', 'ubigeo');
  }
  throw new Error(`project root (package.json) not found above ${import.meta.url}`);
}

/** The CSVs write a missing value as "NA" (they come from R). */
const rate = (v: string | undefined) => (v === undefined || v === '' || v === 'NA' ? null : v);
const isUbigeo = (v: string | undefined): v is string => !!v && /^\d{6}$/.test(v);

/**
 * INEI's 25 departments, 196 provinces and 1,891 districts, parents before children, from the
 * files in `data/ubigeo/` (see README.md). The UBIGEO is INEI's code (`inei` column), not RENIEC's.
 */
export function readTerritories(dir = ubigeoDataDir()): TerritoryRow[] {
  const read = (file: string) => parseCsv(readFileSync(join(dir, file), 'utf8'));
  const departments = read('ubigeo_departamento.csv');
  const provinces = read('ubigeo_provincia.csv');
  // Two rows of the district file are not districts of INEI's list: one has no INEI code, the
  // other (created later) no RENIEC code yet. Keeping both codes gives INEI's 1,891 districts.
  const districts = read('ubigeo_distrito.csv').filter((d) => isUbigeo(d.inei) && isUbigeo(d.reniec));
  const departmentName = new Map(departments.map((d) => [d.inei, d.departamento]));
  const provinceRate = new Map(provinces.map((p) => [p.inei, rate(p.pct_pobreza_total)]));
  const quintile = povertyQuintiles(
    districts.map((d) => ({ ubigeo: d.inei, rate: rate(d.pct_pobreza_total) ?? provinceRate.get(provinceOf(d.inei)) ?? null })),
  );

  const out: TerritoryRow[] = departments.map((d) => ({
    ubigeo: d.inei, level: 'DEPARTMENT', name: d.departamento, departmentUbigeo: d.inei, provinceUbigeo: null,
    parentUbigeo: null, departmentName: d.departamento, provinceName: null,
    povertyRate: rate(d.pct_pobreza_total), extremePovertyRate: rate(d.pct_pobreza_extrema), quintile: null,
  }));
  for (const p of provinces) {
    const dep = departmentOf(p.inei);
    out.push({
      ubigeo: p.inei, level: 'PROVINCE', name: p.provincia, departmentUbigeo: dep, provinceUbigeo: p.inei,
      parentUbigeo: dep, departmentName: departmentName.get(dep) ?? p.departamento, provinceName: p.provincia,
      povertyRate: rate(p.pct_pobreza_total), extremePovertyRate: rate(p.pct_pobreza_extrema), quintile: null,
    });
  }
  for (const d of districts) {
    const dep = departmentOf(d.inei);
    const prov = provinceOf(d.inei);
    out.push({
      ubigeo: d.inei, level: 'DISTRICT', name: d.distrito, departmentUbigeo: dep, provinceUbigeo: prov,
      parentUbigeo: prov, departmentName: departmentName.get(dep) ?? d.departamento, provinceName: d.provincia,
      povertyRate: rate(d.pct_pobreza_total), extremePovertyRate: rate(d.pct_pobreza_extrema),
      quintile: quintile.get(d.inei) ?? null,
    });
  }
  return out;
}

const departmentOf = (ubigeo: string) => `${ubigeo.slice(0, 2)}0000`;
const provinceOf = (ubigeo: string) => `${ubigeo.slice(0, 4)}00`;

/**
 * National poverty quintile of each district, 1 = the poorest fifth of districts (not of people).
 *
 * Districts are sorted by poverty rate (`pct_pobreza_total`), highest first, ties by UBIGEO, and
 * cut into five consecutive groups of sizes as equal as possible: with n = 5k + r districts the
 * first r quintiles hold k + 1 and the others k (1,891 → 379, 378, 378, 378, 378). A district with
 * no rate of its own (created after INEI's poverty map) is placed by its province's rate; its own
 * rate stays empty. Rates are compared as exact decimals.
 */
export function povertyQuintiles(districts: { ubigeo: string; rate: string | null }[]): Map<string, number> {
  const ranked = districts
    .filter((d): d is { ubigeo: string; rate: string } => d.rate !== null)
    .map((d) => ({ ubigeo: d.ubigeo, rate: new Decimal(d.rate) }))
    .sort((a, b) => b.rate.comparedTo(a.rate) || (a.ubigeo < b.ubigeo ? -1 : a.ubigeo > b.ubigeo ? 1 : 0));
  const k = Math.floor(ranked.length / 5);
  const r = ranked.length % 5;
  const out = new Map<string, number>();
  let i = 0;
  for (let q = 1; q <= 5; q++) {
    const size = k + (q <= r ? 1 : 0);
    for (const end = i + size; i < end; i++) out.set(ranked[i].ubigeo, q);
  }
  return out;
}
