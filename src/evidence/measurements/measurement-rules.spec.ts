import { checkMeasurements, itemPath, type ReportedItem } from './measurement-rules.js';
import type { ReportingFrame } from './reporting-frame.js';

const ids = { bool: 'c-bool', least: 'c-least', noLevel: 'c-none', nat: 'i-nat', dist: 'i-dist', ev: 'e-1' };

function frame(kind: 'FIXED' | 'VARIABLE'): ReportingFrame {
  return {
    trancheKind: kind,
    criteria: new Map([
      [ids.bool, { id: ids.bool, code: 'C1', name: 'Plan', kind: 'BOOLEAN', unit: null, level: 'true' }],
      [ids.least, { id: ids.least, code: 'C2', name: 'Cobertura', kind: 'AT_LEAST', unit: '%', level: '80' }],
      [ids.noLevel, { id: ids.noLevel, code: 'C3', name: 'Otro', kind: 'AT_MOST', unit: 'días', level: null }],
    ]),
    indicators: new Map([
      [ids.nat, { id: ids.nat, code: 'I1', name: 'Parto', unit: '%', targets: new Map([['', '60']]), neutralised: false }],
      [ids.dist, { id: ids.dist, code: 'I2', name: 'Niños', unit: 'niños', targets: new Map([['050101', '10'], ['050102', '12']]), neutralised: false }],
    ]),
    evidenceIds: new Set([ids.ev]),
    districts: new Map([
      ['050101', { name: 'Ayacucho', inScope: true }],
      ['050102', { name: 'Acocro', inScope: true }],
      ['150101', { name: 'Lima', inScope: false }],
    ]),
  };
}

const check = (kind: 'FIXED' | 'VARIABLE', items: ReportedItem[]) => checkMeasurements(items, frame(kind), itemPath);

describe('reported values: the rules', () => {
  it('accepts good values of a fixed tranche', () => {
    const r = check('FIXED', [
      { criterionId: ids.bool, value: 'true', evidenceIds: [ids.ev, ids.ev] },
      { criterionId: ids.least, value: '85.5', note: '  según SIGA ' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.measurements).toEqual([
      { criterionId: ids.bool, indicatorId: null, ubigeo: null, value: 'true', numerator: null, denominator: null, note: null, evidenceIds: [ids.ev] },
      { criterionId: ids.least, indicatorId: null, ubigeo: null, value: '85.5', numerator: null, denominator: null, note: 'según SIGA', evidenceIds: [] },
    ]);
  });

  it('names every problem by field', () => {
    const r = check('FIXED', [
      { criterionId: ids.bool, value: 'yes' },
      { criterionId: ids.least, value: '100.01' },
      { criterionId: ids.least, value: '1e3' },
      { criterionId: ids.noLevel, value: '3' },
      { indicatorId: ids.nat, value: '3' },
      { criterionId: 'nope', value: '1' },
      { criterionId: ids.bool, ubigeo: '050101', value: 'false', evidenceIds: ['other'] },
      {},
    ]);
    expect(r.measurements).toEqual([]);
    expect(r.problems.map((p) => p.field)).toEqual([
      'items[0].value', 'items[1].value', 'items[2].value', 'items[2]', 'items[3].criterionId', 'items[4].indicatorId',
      'items[5].criterionId', 'items[6].ubigeo', 'items[6].evidenceIds', 'items[7].criterionId',
    ]);
  });

  it('computes ratios exactly, to 4 decimals, ×100 for percentages', () => {
    const r = check('VARIABLE', [
      { indicatorId: ids.nat, numerator: '2', denominator: '3' },
      { indicatorId: ids.dist, ubigeo: '050101', numerator: '10', denominator: '4', value: '2.5' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.measurements.map((m) => [m.value, m.numerator, m.denominator])).toEqual([['66.6667', '2', '3'], ['2.5000', '10', '4']]);
    const bad = check('VARIABLE', [
      { indicatorId: ids.nat, numerator: '4', denominator: '3' },
      { indicatorId: ids.dist, ubigeo: '050101', numerator: '1', denominator: '0' },
      { indicatorId: ids.dist, ubigeo: '050102', numerator: '1', denominator: '3', value: '0.33' },
    ]);
    expect(bad.problems.map((p) => p.field)).toEqual(['items[0].numerator', 'items[1].denominator', 'items[2].value']);
  });

  it('takes a district only for indicators with district targets, inside the scope', () => {
    const r = check('VARIABLE', [
      { indicatorId: ids.dist, ubigeo: '150101', value: '3' },
      { indicatorId: ids.dist, ubigeo: '999999', value: '3' },
      { indicatorId: ids.dist, value: '3' },
      { indicatorId: ids.nat, ubigeo: '050101', value: '3' },
      { indicatorId: ids.dist, ubigeo: '050101', value: '3' },
    ]);
    expect(r.problems).toEqual([
      { field: 'items[0].ubigeo', problem: "district 150101 is outside the agreement's scope" },
      { field: 'items[1].ubigeo', problem: '999999 is not a district UBIGEO' },
      { field: 'items[2].ubigeo', problem: "indicator I2 has targets by district: give the district's UBIGEO" },
      { field: 'items[3].ubigeo', problem: 'indicator I1 has no district targets: send its value without UBIGEO' },
    ]);
    expect(r.measurements).toHaveLength(1);
  });
});
