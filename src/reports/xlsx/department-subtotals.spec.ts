import { type EvolutionLine, withDepartmentSubtotals } from './department-subtotals.js';
import type { EvolutionRow } from './report-data.js';

const row = (indicatorCode: string, ubigeo: string | null, periodCode: string, target: string | null, achieved: string | null): EvolutionRow => ({
  indicatorCode, ubigeo, level: ubigeo ? 'DISTRICT' : null, departmentUbigeo: ubigeo ? `${ubigeo.slice(0, 2)}0000` : null,
  department: ubigeo ? `DEP ${ubigeo.slice(0, 2)}` : null, province: null, district: ubigeo, periodCode, target, achieved,
});

async function collect(rows: EvolutionRow[], periods = ['2031', '2032']): Promise<EvolutionLine[]> {
  const out: EvolutionLine[] = [];
  for await (const line of withDepartmentSubtotals(rows, periods)) out.push(line);
  return out;
}

const shape = (lines: EvolutionLine[]) =>
  lines.map((l) => (l.kind === 'row' ? `${l.row.indicatorCode}:${l.row.ubigeo ?? 'agg'}:${l.row.periodCode}` : `SUB ${l.subtotal.indicatorCode}:${l.subtotal.departmentUbigeo}:${l.subtotal.periodCode}`));

describe('withDepartmentSubtotals', () => {
  it('adds one subtotal per period after each department of each indicator, never after the aggregate', async () => {
    const lines = await collect([
      row('I1', null, '2031', '70', '72'),
      row('I1', '050101', '2031', '60', '65'), row('I1', '050101', '2032', '70', null),
      row('I1', '050102', '2031', '80', '70'), row('I1', '050102', '2032', '90', null),
      row('I1', '090101', '2031', '50', '55'),
      row('I2', '050101', '2031', '10', '9'),
    ]);
    expect(shape(lines)).toEqual([
      'I1:agg:2031',
      'I1:050101:2031', 'I1:050101:2032', 'I1:050102:2031', 'I1:050102:2032', 'SUB I1:050000:2031', 'SUB I1:050000:2032',
      'I1:090101:2031', 'SUB I1:090000:2031',
      'I2:050101:2031', 'SUB I2:050000:2031',
    ]);
  });

  it('averages targets and achieved values over the districts that have one, exactly', async () => {
    const lines = await collect([
      row('I1', '050101', '2031', '60', '65.5'), row('I1', '050102', '2031', '80', null), row('I1', '050103', '2031', '70.1', '70'),
    ]);
    const sub = lines.find((l) => l.kind === 'subtotal');
    expect(sub).toEqual({
      kind: 'subtotal',
      subtotal: { indicatorCode: 'I1', departmentUbigeo: '050000', department: 'DEP 05', periodCode: '2031', target: '70.033333', achieved: '67.75', districts: 3 },
    });
  });

  it('leaves the achieved mean empty when no district has a value yet', async () => {
    const lines = await collect([row('I1', '050101', '2032', '70', null)]);
    expect(lines[1]).toMatchObject({ kind: 'subtotal', subtotal: { target: '70', achieved: null, districts: 1 } });
  });
});
