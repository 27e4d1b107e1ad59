import { Dec } from '../../common/decimal.js';
import type { EvolutionRow } from './report-data.js';

export interface DepartmentSubtotal {
  indicatorCode: string;
  departmentUbigeo: string;
  department: string | null;
  periodCode: string;
  /** Mean of the districts' targets that exist, 6 decimals; null when none has one. */
  target: string | null;
  achieved: string | null;
  districts: number;
}

export type EvolutionLine = { kind: 'row'; row: EvolutionRow } | { kind: 'subtotal'; subtotal: DepartmentSubtotal };

interface Sum {
  target: Dec;
  targets: number;
  achieved: Dec;
  achievements: number;
  districts: Set<string>;
}

interface Group {
  key: string;
  indicatorCode: string;
  departmentUbigeo: string;
  department: string | null;
  byPeriod: Map<string, Sum>;
}

const mean = (sum: Dec, n: number): string | null => (n === 0 ? null : new Dec(sum.div(n).toFixed(6)).toFixed());

/**
 * Passes the rows through and, after the districts of one department for one indicator, adds one
 * subtotal per period: the plain mean of those districts' values (targets and achieved values
 * each over the districts that have one). Rows must come ordered by indicator and department;
 * only the current department is held, so memory does not grow with rows.
 */
export async function* withDepartmentSubtotals(
  rows: Iterable<EvolutionRow> | AsyncIterable<EvolutionRow>,
  periodOrder: string[],
): AsyncGenerator<EvolutionLine> {
  let group: Group | null = null;
  for await (const row of rows) {
    const key = row.level === 'DISTRICT' && row.departmentUbigeo ? `${row.indicatorCode}|${row.departmentUbigeo}` : null;
    if (group && group.key !== key) {
      yield* subtotals(group, periodOrder);
      group = null;
    }
    yield { kind: 'row', row };
    if (key) {
      group ??= { key, indicatorCode: row.indicatorCode, departmentUbigeo: row.departmentUbigeo!, department: row.department, byPeriod: new Map() };
      add(group, row);
    }
  }
  if (group) yield* subtotals(group, periodOrder);
}

function add(group: Group, row: EvolutionRow): void {
  let sum = group.byPeriod.get(row.periodCode);
  if (!sum) {
    sum = { target: new Dec(0), targets: 0, achieved: new Dec(0), achievements: 0, districts: new Set() };
    group.byPeriod.set(row.periodCode, sum);
  }
  if (row.target !== null) {
    sum.target = sum.target.plus(row.target);
    sum.targets++;
  }
  if (row.achieved !== null) {
    sum.achieved = sum.achieved.plus(row.achieved);
    sum.achievements++;
  }
  sum.districts.add(row.ubigeo!);
}

function* subtotals(group: Group, periodOrder: string[]): Generator<EvolutionLine> {
  const order = [...periodOrder, ...[...group.byPeriod.keys()].filter((p) => !periodOrder.includes(p))];
  for (const periodCode of order) {
    const sum = group.byPeriod.get(periodCode);
    if (!sum) continue;
    yield {
      kind: 'subtotal',
      subtotal: {
        indicatorCode: group.indicatorCode, departmentUbigeo: group.departmentUbigeo, department: group.department, periodCode,
        target: mean(sum.target, sum.targets), achieved: mean(sum.achieved, sum.achievements), districts: sum.districts.size,
      },
    };
  }
}
