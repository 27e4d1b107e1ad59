import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VariableTrancheResult } from '../../../src/compliance/index.js';
import type { AgreementBackground, EvolutionRow, IndicatorInfo, VariableReportData } from '../../../src/reports/xlsx/report-data.js';

export const INDICATORS = 20;
export const PERIODS = ['2031', '2032', '2033', '2034'] as const;

export interface District {
  ubigeo: string;
  departmentUbigeo: string;
  department: string;
  province: string;
  district: string;
}

/** Peru's 1,891 districts from the shipped INEI catalogue, in UBIGEO order (so by department). */
export function loadDistricts(): District[] {
  const csv = readFileSync(join(process.cwd(), 'src/catalogues/data/ubigeo/ubigeo_distrito.csv'), 'utf8').trim().split('\n').slice(1);
  return csv
    .map((line) => {
      const [inei, , department, province, district] = line.split(',');
      return { ubigeo: inei!, departmentUbigeo: `${inei!.slice(0, 2)}0000`, department: department!, province: province!, district: district! };
    })
    .sort((a, b) => a.ubigeo.localeCompare(b.ubigeo));
}

/** A deterministic value per (indicator, district, period), as decimal text with two decimals. */
export function value(i: number, d: number, p: number, achieved: boolean): string {
  const base = 40 + ((i * 7 + d * 13) % 30);
  const v = base + p * 5 - (achieved ? (d + i) % 9 : 0);
  return `${v}.${String((d * 31 + p * 17 + i) % 100).padStart(2, '0')}`;
}

const indicatorCode = (i: number) => `IND-${String(i + 1).padStart(2, '0')}`;

/**
 * The evolution rows of a variable report over `districts`: per indicator, the aggregate per
 * period first, then every district and period — the order the database source gives.
 */
export async function* evolution(districts: District[]): AsyncGenerator<EvolutionRow> {
  for (let i = 0; i < INDICATORS; i++) {
    const code = indicatorCode(i);
    for (const [p, periodCode] of PERIODS.entries()) {
      yield { indicatorCode: code, ubigeo: null, level: null, departmentUbigeo: null, department: null, province: null, district: null,
        periodCode, target: value(i, 0, p, false), achieved: p === 0 ? value(i, 0, p, true) : null };
    }
    for (const [d, t] of districts.entries()) {
      for (const [p, periodCode] of PERIODS.entries()) {
        yield { indicatorCode: code, ubigeo: t.ubigeo, level: 'DISTRICT', departmentUbigeo: t.departmentUbigeo, department: t.department,
          province: t.province, district: t.district, periodCode, target: value(i, d, p, false), achieved: p === 0 ? value(i, d, p, true) : null };
      }
    }
  }
}

export function indicators(): IndicatorInfo[] {
  return Array.from({ length: INDICATORS }, (_, i) => ({
    code: indicatorCode(i), name: `Indicador ilustrativo ${i + 1} de cobertura distrital`, kind: 'RESULT', unit: '%', direction: 'INCREASE',
    baseline: '40.00', baselineYear: 2030, source: 'ENDES (ilustrativo)', territorialLevel: 'DISTRICT', weight: '0.0500',
  }));
}

/** A whole variable report whose evolution sheet is `districts` × 20 indicators × 4 periods. */
export function syntheticVariableReport(districts: District[]): VariableReportData {
  const background: AgreementBackground = {
    code: 'CAP-BENCH', title: 'Convenio ilustrativo de referencia', number: null, signedOn: '2030-12-01', startsOn: '2031-01-01', endsOn: '2034-12-31',
    status: 'IN_FORCE', entity: 'Entidad ilustrativa', fundingProgram: 'EUROPAN', donor: 'Unión Europea', verifier: null, maxAmount: '40000000.00',
    fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 15, currentVersion: 1,
    versions: [{ version: 1, effectiveFrom: '2031-01-01', reason: 'Firma', recordedAt: new Date('2030-12-01T14:00:00Z') }],
    schedule: PERIODS.map((p) => ({ periodCode: p, periodName: `Año ${p}`, kind: 'VARIABLE' as const, amount: '10000000.00', plannedDate: `${p}-12-31`,
      status: p === '2031' ? 'VERIFIED' : 'SCHEDULED', verifiedAmount: p === '2031' ? '10000000.00' : null, transferredAmount: null, transferredOn: null })),
  };
  const lines = indicators().map((ind) => ({
    indicatorId: ind.code, code: ind.code, name: ind.name, unit: '%', direction: 'INCREASE', status: 'COMPUTED', baseline: '40.00', target: '45.00',
    achieved: '46.00', progress: '1.0000', score: '1.0000', weight: '0.0500', effectiveWeight: '0.0500', carriedIn: '0.00', allocated: '500000.00',
    amount: '500000.00', unpaid: '0.00', carriedOver: '0.00', released: '0.00', neutralised: false, explanation: 'Meta alcanzada.',
  }));
  const result = {
    status: 'COMPUTED', trancheAmount: '10000000.00', carriedIn: '0.00', amount: '10000000.00', carriedOver: '0.00', released: '0.00',
    allowCarryOver: false, isLastPeriod: false, pendingIndicators: [], explanation: 'Todas las metas alcanzadas.', inputHash: 'c'.repeat(64), lines,
  } as unknown as VariableTrancheResult;
  return {
    meta: {
      reportId: '00000000-0000-4000-8000-00000000be0c', type: 'VARIABLE_VERIFICATION', lang: 'es', generatedAt: new Date('2031-12-20T15:00:00Z'),
      requester: { name: 'Benchmark', email: 'bench@tramos.pe', role: 'ANALYST' },
      tranche: { id: '00000000-0000-4000-8000-00000000be0d', kind: 'VARIABLE', periodCode: '2031', periodName: 'Año 2031', amount: '10000000.00',
        status: 'VERIFIED', verifiedAt: new Date('2031-12-15T20:30:00Z'), verifiedBy: 'Benchmark', verifiedVersion: 1, inputHash: 'c'.repeat(64),
        verifiedAmount: '10000000.00', conclusions: 'Ilustrativo.', recommendations: null },
    },
    background, result, indicators: indicators(), periods: PERIODS.map((p) => ({ code: p, name: `Año ${p}` })), evolution: evolution(districts),
  };
}
