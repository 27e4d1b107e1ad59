import type ExcelJS from 'exceljs';
import {
  DATASHEET_FIELDS, type Datasheet, type Direction, type IndicatorKind, type IndicatorSpec, type PeriodSpec, type ScoringStep,
  type ScoringType, type TerritorialLevel, type TrancheSpec,
} from '../agreement-document.js';
import { readAmount, readDay, readDecimal, readInt, readText, readUbigeo } from './cells.js';
import { INDICATOR_COLUMNS, PERIOD_COLUMNS, SCOPE_COLUMNS, SHEET, TARGET_COLUMNS } from './layout.js';
import { table, type ReadContext, type TableReader } from './sheet-reader.js';

export function readScope(wb: ExcelJS.Workbook, ctx: ReadContext): string[] {
  const t = table(ctx, wb, SHEET.scope, SCOPE_COLUMNS);
  if (!t) return [];
  t.sheet.placeSheet('scope.ubigeos');
  const out: string[] = [];
  for (const n of t.rows()) {
    const ubigeo = t.read(n, 'ubigeo', readUbigeo, `scope.ubigeos[${out.length}]`);
    if (ubigeo === undefined) t.problem(n, 'ubigeo', 'write the UBIGEO of the territory (the name alone is not read)');
    else out.push(ubigeo);
  }
  return out;
}

export function readPeriods(wb: ExcelJS.Workbook, ctx: ReadContext): PeriodSpec[] {
  const t = table(ctx, wb, SHEET.periods, PERIOD_COLUMNS);
  if (!t) return [];
  t.sheet.placeSheet('periods');
  return t.rows().map((n, i) => {
    const at = `periods[${i}]`;
    t.sheet.place(at, n, t.col('code'));
    const tranche = (amount: 'fixedAmount' | 'variableAmount', date: 'fixedDate' | 'variableDate', path: string): TrancheSpec | undefined => {
      const spec = { amount: t.read(n, amount, readAmount, `${path}.amount`)!, plannedDate: t.read(n, date, readDay, `${path}.plannedDate`)! };
      t.sheet.place(path, n, t.col(amount));
      return spec.amount === undefined && spec.plannedDate === undefined ? undefined : spec;
    };
    return {
      code: t.read(n, 'code', readText, `${at}.code`)!,
      name: t.read(n, 'name', readText, `${at}.name`)!,
      startsOn: t.read(n, 'startsOn', readDay, `${at}.startsOn`)!,
      endsOn: t.read(n, 'endsOn', readDay, `${at}.endsOn`)!,
      fixedTranche: tranche('fixedAmount', 'fixedDate', `${at}.fixedTranche`),
      variableTranche: tranche('variableAmount', 'variableDate', `${at}.variableTranche`),
    };
  });
}

type IndicatorKey = (typeof INDICATOR_COLUMNS)[number]['key'];

export function readIndicators(wb: ExcelJS.Workbook, ctx: ReadContext): IndicatorSpec[] {
  const t = table(ctx, wb, SHEET.indicators, INDICATOR_COLUMNS);
  if (!t) return [];
  t.sheet.placeSheet('indicators');
  return t.rows().map((n, i) => {
    const at = `indicators[${i}]`;
    t.sheet.place(at, n, t.col('code'));
    const text = (key: IndicatorKey, path?: string) => t.read(n, key, readText, path && `${at}.${path}`);
    const datasheet: Datasheet = {};
    for (const key of DATASHEET_FIELDS) {
      const v = text(key, `datasheet.${key}`);
      if (v !== undefined) datasheet[key] = v;
    }
    return {
      code: text('code', 'code')!,
      name: text('name', 'name')!,
      kind: text('kind', 'kind') as IndicatorKind,
      unit: text('unit', 'unit')!,
      direction: text('direction', 'direction') as Direction,
      baseline: {
        value: t.read(n, 'baseline', readDecimal, `${at}.baseline.value`)!,
        year: t.read(n, 'baselineYear', readInt, `${at}.baseline.year`)!,
        source: text('baselineSource', 'baseline.source'),
      },
      source: text('source', 'source')!,
      territorialLevel: text('territorialLevel', 'territorialLevel') as TerritorialLevel,
      weight: t.read(n, 'weight', readDecimal, `${at}.weight`)!,
      scoring: {
        type: text('scoring', 'scoring.type') as ScoringType,
        floor: t.read(n, 'floor', readDecimal, `${at}.scoring.floor`),
        steps: steps(t, n, `${at}.scoring.steps`),
      },
      datasheet: Object.keys(datasheet).length ? datasheet : undefined,
      targets: [],
    };
  });
}

/** "1=1; 0.75=0.5": a step per `minProgress=score`, decimal commas allowed. */
function steps(t: TableReader<IndicatorKey>, n: number, path: string): ScoringStep[] | undefined {
  const written = t.read(n, 'steps', readText, path);
  if (written === undefined) return undefined;
  const out: ScoringStep[] = [];
  for (const step of written.split(';').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\S+)\s*=\s*(\S+)$/.exec(step.replace(/(\d),(\d)/g, '$1.$2'));
    if (m) out.push({ minProgress: m[1], score: m[2] });
    else t.problem(n, 'steps', `"${step}" is not a step: write progress=score, e.g. 0.75=0.5`);
  }
  return out;
}

/** Reads the Metas sheet into the targets of the indicators already read, by indicator code. */
export function readTargets(wb: ExcelJS.Workbook, ctx: ReadContext, indicators: IndicatorSpec[]): void {
  const t = table(ctx, wb, SHEET.targets, TARGET_COLUMNS);
  if (!t) return;
  for (const n of t.rows()) {
    const code = t.read(n, 'indicator', readText);
    const i = indicators.findIndex((x) => x.code === code);
    if (i < 0) {
      t.problem(n, 'indicator', code === undefined ? 'write the code of the indicator' : `no indicator "${code}" in the sheet ${SHEET.indicators}`);
      continue;
    }
    const at = `indicators[${i}].targets[${indicators[i].targets.length}]`;
    t.sheet.place(at, n, t.col('indicator'));
    indicators[i].targets.push({
      period: t.read(n, 'period', readText, `${at}.period`)!,
      ubigeo: t.read(n, 'ubigeo', readUbigeo, `${at}.ubigeo`),
      value: t.read(n, 'value', readDecimal, `${at}.value`)!,
    });
  }
}
