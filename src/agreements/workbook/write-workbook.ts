import ExcelJS from 'exceljs';
import type { AgreementDocument } from '../agreement-document.js';
import { analystEmailOf, codeOf, productCodeOf, type WorkbookCatalogue } from './catalogue.js';
import { dateCell, numberCell } from './cells.js';
import { addInstructions } from './instructions.js';
import {
  CATALOGUE_BLOCKS, COMMITMENT_COLUMNS, HEADER_FIELDS, INDICATOR_COLUMNS, LEVEL_HELP, NO, PERIOD_COLUMNS, SCOPE_COLUMNS, SHEET, TABLE_ROWS,
  TARGET_COLUMNS, YES, type Column, type HeaderKey,
} from './layout.js';
import { commitmentRows, indicatorRows, levelKey, levelPeriods, periodRows, scopeRows, targetRows, type TableRow } from './write-tables.js';

export interface WorkbookOptions {
  /** first line of the instructions */
  title?: string;
  /** names shown beside the scope's UBIGEOs */
  territoryNames?: Map<string, string>;
}

/** Level columns of an empty template: enough for the usual three-year convenio, renamed or added to as needed. */
const TEMPLATE_PERIODS = ['P1', 'P2', 'P3'];

/**
 * The agreement as a workbook in the layout of `layout.ts`; with no document, the empty template.
 * Reading it back (`readAgreementWorkbook`) gives the same document.
 */
export async function writeAgreementWorkbook(doc: AgreementDocument | null, cat: WorkbookCatalogue, opts: WorkbookOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tramos';
  addInstructions(wb, opts.title ?? 'Plantilla de convenio de apoyo presupuestario (Tramos)');
  addHeader(wb, doc, cat);
  addTable(wb, SHEET.scope, SCOPE_COLUMNS, doc ? scopeRows(doc, opts.territoryNames ?? new Map()) : []);
  addTable(wb, SHEET.periods, PERIOD_COLUMNS, doc ? periodRows(doc) : []);
  const levels: Column[] = levelPeriods(doc, TEMPLATE_PERIODS).map((p) => ({ key: levelKey(p), header: levelKey(p), width: 10, help: LEVEL_HELP }));
  addTable(wb, SHEET.commitments, [...COMMITMENT_COLUMNS, ...levels], doc ? commitmentRows(doc) : []);
  addTable(wb, SHEET.indicators, INDICATOR_COLUMNS, doc ? indicatorRows(doc) : []);
  addTable(wb, SHEET.targets, TARGET_COLUMNS, doc ? targetRows(doc) : []);
  addCatalogue(wb, cat);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function headerValues(doc: AgreementDocument, cat: WorkbookCatalogue): Record<HeaderKey, ExcelJS.CellValue> {
  return {
    code: doc.code,
    title: doc.title,
    fundingProgram: codeOf(cat.fundingPrograms, doc.fundingProgramId),
    entity: codeOf(cat.entities, doc.entityId),
    verifier: doc.verifierEntityId ? codeOf(cat.entities, doc.verifierEntityId) : null,
    startsOn: dateCell(doc.startsOn),
    endsOn: dateCell(doc.endsOn),
    maxAmount: numberCell(doc.maxAmount),
    budgetPrograms: doc.budgetProgramIds.map((id) => codeOf(cat.budgetPrograms, id)).join(', '),
    products: doc.prioritizedProductIds.map((id) => productCodeOf(cat, id)).join(', '),
    analysts: (doc.analystIds ?? []).map((id) => analystEmailOf(cat, id)).join(', '),
    notes: doc.notes ?? null,
    fixedTrancheRule: doc.rules.fixedTrancheRule,
    allowCarryOver: doc.rules.allowCarryOver ? YES : NO,
    correctionDays: doc.rules.correctionDays,
    quintiles: doc.scope.quintiles.join(', '),
  };
}

/** What an empty template proposes: the usual rules (directive 002-2014-EF/50.01). */
const TEMPLATE_DEFAULTS: Partial<Record<HeaderKey, ExcelJS.CellValue>> = { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: NO, correctionDays: 15 };

function addHeader(wb: ExcelJS.Workbook, doc: AgreementDocument | null, cat: WorkbookCatalogue): void {
  const ws = wb.addWorksheet(SHEET.header);
  ws.columns = [{ header: 'Campo', width: 34 }, { header: 'Valor', width: 50 }, { header: 'Ayuda', width: 90 }];
  ws.getRow(1).font = { bold: true };
  const values = doc ? headerValues(doc, cat) : TEMPLATE_DEFAULTS;
  for (const f of HEADER_FIELDS) {
    const row = ws.addRow([f.label, values[f.key] ?? null, f.help]);
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    if ('numFmt' in f) cell.numFmt = f.numFmt;
    if ('list' in f) cell.dataValidation = { type: 'list', allowBlank: true, formulae: [f.list], showErrorMessage: true, error: 'Elija un valor de la lista' };
  }
}

function addTable(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: TableRow[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  columns.forEach((c, i) => c.numFmt && (ws.getColumn(i + 1).numFmt = c.numFmt));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).numFmt = 'General';
  for (const r of rows) ws.addRow(r);
  const last = Math.max(TABLE_ROWS, rows.length + 1);
  columns.forEach((c, i) => {
    if (!c.list) return;
    for (let n = 2; n <= last; n++) {
      ws.getCell(n, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [c.list], showErrorMessage: true, error: 'Elija un valor de la lista' };
    }
  });
}

function addCatalogue(wb: ExcelJS.Workbook, cat: WorkbookCatalogue): void {
  const ws = wb.addWorksheet(SHEET.catalogue);
  const budgetCode = new Map(cat.budgetPrograms.map((b) => [b.id, b.code]));
  const blocks: Record<keyof typeof CATALOGUE_BLOCKS, string[][]> = {
    fundingPrograms: cat.fundingPrograms.map((e) => [e.code, e.name]),
    entities: cat.entities.map((e) => [e.code, e.name]),
    budgetPrograms: cat.budgetPrograms.map((e) => [e.code, e.name]),
    products: cat.products.map((p) => [p.code, p.name, budgetCode.get(p.budgetProgramId) ?? '']),
  };
  for (const [key, { col, title }] of Object.entries(CATALOGUE_BLOCKS)) {
    const rows = blocks[key as keyof typeof CATALOGUE_BLOCKS];
    ws.getCell(1, col).value = title;
    ws.getCell(1, col).font = { bold: true };
    ['Código', 'Nombre', ...(key === 'products' ? ['Programa presupuestal'] : [])].forEach((h, i) => (ws.getCell(2, col + i).value = h));
    rows.forEach((r, n) => r.forEach((v, i) => (ws.getCell(3 + n, col + i).value = v)));
    ws.getColumn(col).width = 16;
    ws.getColumn(col + 1).width = 40;
  }
  ws.getRow(2).font = { bold: true };
}
