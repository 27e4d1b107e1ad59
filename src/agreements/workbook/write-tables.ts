import type ExcelJS from 'exceljs';
import type { AgreementDocument } from '../agreement-document.js';
import { dateCell, numberCell } from './cells.js';
import { LEVEL_PREFIX, NO, YES } from './layout.js';

/** The rows of each table sheet for one document, keyed by the columns of `layout.ts`. */
export type TableRow = Record<string, ExcelJS.CellValue>;

const day = (d: string | undefined) => (d === undefined ? null : dateCell(d));
const num = (d: string | undefined) => (d === undefined ? null : numberCell(d));

export const scopeRows = (doc: AgreementDocument, names: Map<string, string>): TableRow[] =>
  doc.scope.ubigeos.map((ubigeo) => ({ ubigeo, name: names.get(ubigeo) ?? null }));

export const periodRows = (doc: AgreementDocument): TableRow[] =>
  doc.periods.map((p) => ({
    code: p.code, name: p.name, startsOn: day(p.startsOn), endsOn: day(p.endsOn),
    fixedAmount: num(p.fixedTranche?.amount), fixedDate: day(p.fixedTranche?.plannedDate),
    variableAmount: num(p.variableTranche?.amount), variableDate: day(p.variableTranche?.plannedDate),
  }));

/** The period codes that get a level column: the document's periods, then any other a level names. */
export function levelPeriods(doc: AgreementDocument | null, fallback: string[]): string[] {
  if (!doc) return fallback;
  const codes = doc.periods.map((p) => p.code);
  for (const p of doc.processes) for (const s of p.subprocesses) for (const c of s.criteria) for (const l of c.levels) {
    if (!codes.includes(l.period)) codes.push(l.period);
  }
  return codes;
}

export const levelKey = (period: string) => `${LEVEL_PREFIX}${period}`;

const levelCell = (value: string): ExcelJS.CellValue =>
  value === 'true' ? YES : value === 'false' ? NO : /^-?\d+(\.\d+)?$/.test(value) ? numberCell(value) : value;

/** One row per criterion, its process and subprocess repeated on each row. */
export const commitmentRows = (doc: AgreementDocument): TableRow[] =>
  doc.processes.flatMap((p) =>
    p.subprocesses.flatMap((s) =>
      s.criteria.map((c) => ({
        process: p.code, processName: p.name, processWeight: num(p.weight), processShare: num(p.share),
        subprocess: s.code, subprocessName: s.name, subprocessWeight: num(s.weight),
        criterion: c.code, criterionName: c.name, kind: c.kind, unit: c.unit ?? null, weight: num(c.weight),
        verificationMeans: c.verificationMeans ?? null,
        ...Object.fromEntries(c.levels.map((l) => [levelKey(l.period), levelCell(l.value)])),
      })),
    ),
  );

export const indicatorRows = (doc: AgreementDocument): TableRow[] =>
  doc.indicators.map((x) => ({
    code: x.code, name: x.name, kind: x.kind, unit: x.unit, direction: x.direction,
    baseline: num(x.baseline.value), baselineYear: x.baseline.year, baselineSource: x.baseline.source ?? null,
    source: x.source, territorialLevel: x.territorialLevel, weight: num(x.weight),
    scoring: x.scoring.type, floor: num(x.scoring.floor),
    steps: x.scoring.steps ? x.scoring.steps.map((s) => `${s.minProgress}=${s.score}`).join('; ') : null,
    ...x.datasheet,
  }));

export const targetRows = (doc: AgreementDocument): TableRow[] =>
  doc.indicators.flatMap((x) => x.targets.map((t) => ({ indicator: x.code, period: t.period, ubigeo: t.ubigeo ?? null, value: num(t.value) })));
