import ExcelJS from 'exceljs';
import { Dec } from '../../common/decimal.js';
import type { ProblemDetail } from '../../common/errors.js';
import { isPercentUnit, type Locate, type ReportedItem } from './measurement-rules.js';

/** The sheet the entity fills; problems are named `Valores!J7`. */
export const VALUES_SHEET = 'Valores';

const COLUMNS = [
  { key: 'kind', header: 'Tipo', width: 11 },
  { key: 'id', header: 'Id', width: 38 },
  { key: 'code', header: 'Código', width: 12 },
  { key: 'name', header: 'Nombre', width: 50 },
  { key: 'ubigeo', header: 'UBIGEO', width: 10 },
  { key: 'district', header: 'Distrito', width: 24 },
  { key: 'unit', header: 'Unidad', width: 12 },
  { key: 'goal', header: 'Nivel requerido / meta', width: 14 },
  { key: 'current', header: 'Valor actual', width: 14 },
  { key: 'value', header: 'Valor', width: 14 },
  { key: 'numerator', header: 'Numerador', width: 13 },
  { key: 'denominator', header: 'Denominador', width: 13 },
  { key: 'note', header: 'Nota', width: 40 },
  { key: 'evidenceIds', header: 'Evidencias (ids)', width: 40 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
const letter = (key: ColumnKey) => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));
const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;

const KIND_CRITERION = 'Criterio';
const KIND_INDICATOR = 'Indicador';

/** One row of the template: a criterion, or an indicator for one district (or as a whole). */
export interface TemplateRow {
  kind: 'criterion' | 'indicator';
  id: string;
  code: string;
  name: string;
  ubigeo: string | null;
  district: string | null;
  unit: string | null;
  boolean: boolean;
  goal: string;
  current: { value: string; numerator: string | null; denominator: string | null; note: string | null; evidenceIds: string[] } | null;
}

/** The workbook: instructions, then one row per value to report with the current one beside it. */
export async function buildValuesWorkbook(title: string, rows: TemplateRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tramos';
  const help = wb.addWorksheet('Instrucciones');
  help.getColumn(1).width = 110;
  for (const line of [
    title,
    '',
    `Escriba cada valor en la columna "Valor" (${letter('value')}) de la hoja "${VALUES_SHEET}". Las filas con "Valor", "Numerador" y "Denominador" vacíos no cambian nada.`,
    'Criterios de sí/no: true o false. Los demás: números; los porcentajes van de 0 a 100.',
    'Indicadores de razón: puede dar Numerador y Denominador en vez del Valor; el valor se calcula (4 decimales, ×100 si la unidad es %).',
    'Evidencias: ids de evidencias ya subidas a este tramo, separados por comas. No cambie las columnas Tipo, Id ni UBIGEO.',
    'Si hay un error en cualquier fila no se guarda nada: la respuesta nombra la hoja, la fila y la columna.',
  ]) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 13 };

  const ws = wb.addWorksheet(VALUES_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: 'A1', to: `${letter('evidenceIds')}1` };
  for (const r of rows) {
    const row = ws.addRow({
      kind: r.kind === 'criterion' ? KIND_CRITERION : KIND_INDICATOR,
      id: r.id, code: r.code, name: r.name, ubigeo: r.ubigeo ?? '', district: r.district ?? '', unit: r.unit ?? '', goal: shown(r.goal),
      current: shown(r.current?.value ?? ''), note: r.current?.note ?? '', evidenceIds: r.current?.evidenceIds.join(', ') ?? '',
    });
    row.getCell(col('ubigeo')).numFmt = '@';
    row.getCell(col('value')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    row.getCell(col('value')).dataValidation = r.boolean
      ? { type: 'list', allowBlank: true, formulae: ['"true,false"'], showErrorMessage: true, error: 'true o false' }
      : isPercentUnit(r.unit)
        ? { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, error: 'Un porcentaje entre 0 y 100' }
        : { type: 'decimal', operator: 'between', allowBlank: true, formulae: [-1e14, 1e14], showErrorMessage: true, error: 'Un número' };
    if (!r.boolean) {
      for (const key of ['numerator', 'denominator'] as const) {
        row.getCell(col(key)).dataValidation = {
          type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: 'Un número ≥ 0',
        };
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ParsedTemplate {
  items: ReportedItem[];
  /** Problems found reading the cells (before the rules of the values). */
  problems: ProblemDetail[];
  /** Where a rule's problem about item n is: the template cell. */
  at: Locate;
}

const FIELD_COLUMN: Record<keyof ReportedItem, ColumnKey> = {
  criterionId: 'id', indicatorId: 'id', ubigeo: 'ubigeo', value: 'value', numerator: 'numerator', denominator: 'denominator',
  note: 'note', evidenceIds: 'evidenceIds',
};

/** Reads the filled template: the rows with a value, numerator or denominator become items. */
export function parseValuesWorkbook(wb: ExcelJS.Workbook): ParsedTemplate {
  const problems: ProblemDetail[] = [];
  const items: ReportedItem[] = [];
  const rowOf: number[] = [];
  const at: Locate = (i, field) => `${VALUES_SHEET}!${letter(field ? FIELD_COLUMN[field] : 'kind')}${rowOf[i]}`;
  const ws = wb.getWorksheet(VALUES_SHEET);
  if (!ws) return { items, at, problems: [{ field: VALUES_SHEET, problem: `sheet "${VALUES_SHEET}" is missing: use the template of this tranche` }] };
  for (const c of COLUMNS) {
    const found = text(ws.getRow(1).getCell(col(c.key)).value);
    if (found.text !== c.header) problems.push({ field: `${VALUES_SHEET}!${letter(c.key)}1`, problem: `expected the header "${c.header}"` });
  }
  if (problems.length) return { items, at, problems };

  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (key: ColumnKey) => {
      const read = text(row.getCell(col(key)).value);
      if (read.problem) problems.push({ field: `${VALUES_SHEET}!${letter(key)}${n}`, problem: read.problem });
      return read.text;
    };
    const value = cell('value');
    const numerator = cell('numerator');
    const denominator = cell('denominator');
    if (value === undefined && numerator === undefined && denominator === undefined) return;
    const kind = cell('kind');
    const id = cell('id');
    if (kind !== KIND_CRITERION && kind !== KIND_INDICATOR) {
      problems.push({ field: `${VALUES_SHEET}!${letter('kind')}${n}`, problem: `must be "${KIND_CRITERION}" or "${KIND_INDICATOR}"` });
      return;
    }
    rowOf.push(n);
    items.push({
      ...(kind === KIND_CRITERION ? { criterionId: id ?? '' } : { indicatorId: id ?? '' }),
      ubigeo: ubigeoText(row.getCell(col('ubigeo')).value),
      value, numerator, denominator,
      note: cell('note'),
      evidenceIds: (cell('evidenceIds') ?? '').split(/[\s,;]+/).filter(Boolean),
    });
  });
  return { items, at, problems };
}

/** A cell as text: numbers in plain decimal notation (exact to what Excel keeps), booleans as true/false. */
function text(v: ExcelJS.CellValue): { text?: string; problem?: string } {
  if (v === null || v === undefined) return {};
  if (typeof v === 'number') return Number.isFinite(v) ? { text: new Dec(v).toFixed() } : { problem: 'not a number' };
  if (typeof v === 'boolean') return { text: String(v) };
  if (typeof v === 'string') return v.trim() ? { text: v.trim() } : {};
  if (v instanceof Date) return { problem: 'is a date; write a number' };
  if ('richText' in v) return text(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return text((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return text(v.text as string);
  if ('error' in v) return { problem: `cell error ${v.error}` };
  return { problem: 'unreadable cell' };
}

/** A decimal as a number cell (68, not "68.000000"), for reading; true/false and empty stay text. */
const shown = (v: string): string | number => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

/** A UBIGEO retyped as a number loses its leading zero (050101 → 50101): put it back. */
function ubigeoText(v: ExcelJS.CellValue): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v).padStart(6, '0');
  return text(v).text;
}
