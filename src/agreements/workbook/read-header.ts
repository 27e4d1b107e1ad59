import type ExcelJS from 'exceljs';
import type { AgreementDocument, FixedTrancheRule } from '../agreement-document.js';
import { analystIdOf, idOf, productIdOf, type CatalogueEntry, type WorkbookCatalogue } from './catalogue.js';
import { readAmount, readBool, readDay, readInt, readText, splitList } from './cells.js';
import { HEADER_FIELDS, headerRow, SHEET, type HeaderKey } from './layout.js';
import type { ReadContext, SheetReader } from './sheet-reader.js';

/** The part of the document the Convenio sheet holds. */
export type HeaderPart = Omit<AgreementDocument, 'periods' | 'processes' | 'indicators' | 'scope'> & { quintiles: number[] };

const VALUE = 2;

/** Reads the Convenio sheet: one field per row, its value in column B, catalogue codes turned into ids. */
export function readHeader(wb: ExcelJS.Workbook, ctx: ReadContext, cat: WorkbookCatalogue): HeaderPart | null {
  const sheet = ctx.sheet(wb, SHEET.header);
  if (!sheet) return null;
  let ok = true;
  for (const f of HEADER_FIELDS) {
    if (readText(sheet.ws.getCell(headerRow(f.key), 1).value).value !== f.label) {
      sheet.problem(headerRow(f.key), 1, `expected the field "${f.label}" on this row`);
      ok = false;
    }
  }
  if (!ok) return null;
  const cell = <T>(key: HeaderKey, reader: (v: ExcelJS.CellValue) => { value?: T; problem?: string }, path?: string) =>
    sheet.read(headerRow(key), VALUE, reader, path);
  const code = (key: HeaderKey, path: string, list: CatalogueEntry[], what: string) => {
    const text = cell(key, readText, path);
    if (text === undefined) return undefined;
    const id = idOf(list, text);
    if (!id) sheet.problem(headerRow(key), VALUE, `unknown ${what} code "${text}" (see the sheet ${SHEET.catalogue})`);
    return id ?? '';
  };

  const budgetProgramIds = codes(sheet, headerRow('budgetPrograms'), 'budgetProgramIds', (c) => idOf(cat.budgetPrograms, c), 'budget programme code');
  // Blank: no analystIds at all, as a client would leave the field out (the importing analyst is assigned anyway).
  const analystsGiven = readText(sheet.ws.getCell(headerRow('analysts'), VALUE).value).value !== undefined;
  return {
    code: cell('code', readText, 'code')!,
    title: cell('title', readText, 'title')!,
    fundingProgramId: code('fundingProgram', 'fundingProgramId', cat.fundingPrograms, 'funding programme')!,
    entityId: code('entity', 'entityId', cat.entities, 'entity')!,
    verifierEntityId: code('verifier', 'verifierEntityId', cat.entities, 'entity'),
    startsOn: cell('startsOn', readDay, 'startsOn')!,
    endsOn: cell('endsOn', readDay, 'endsOn')!,
    maxAmount: cell('maxAmount', readAmount, 'maxAmount')!,
    budgetProgramIds,
    prioritizedProductIds: codes(sheet, headerRow('products'), 'prioritizedProductIds', (c) => {
      const id = productIdOf(cat, budgetProgramIds, c);
      return id === 'ambiguous' ? { problem: `product code "${c}" is in more than one of the budget programmes` } : id;
    }, 'product code of the budget programmes above'),
    ...(analystsGiven
      ? { analystIds: codes(sheet, headerRow('analysts'), 'analystIds', (e) => analystIdOf(cat, e), 'analyst e-mail') }
      : {}),
    notes: cell('notes', readText, 'notes'),
    rules: {
      fixedTrancheRule: cell('fixedTrancheRule', readText, 'rules.fixedTrancheRule') as FixedTrancheRule,
      allowCarryOver: cell('allowCarryOver', readBool, 'rules.allowCarryOver')!,
      correctionDays: cell('correctionDays', readInt, 'rules.correctionDays')!,
    },
    quintiles: quintiles(sheet),
  };
}

/** A list of codes in one cell, each turned into an id; unknown ones named as problems of that cell. */
function codes(
  sheet: SheetReader, row: number, path: string, find: (code: string) => string | undefined | { problem: string }, what: string,
): string[] {
  const out: string[] = [];
  for (const c of splitList(sheet.read(row, VALUE, readText, path))) {
    const found = find(c);
    if (typeof found === 'string') out.push(found);
    else sheet.problem(row, VALUE, found?.problem ?? `unknown ${what} "${c}"`);
  }
  return out;
}

function quintiles(sheet: SheetReader): number[] {
  const row = headerRow('quintiles');
  const out: number[] = [];
  for (const q of splitList(sheet.read(row, VALUE, readText, 'scope.quintiles'))) {
    if (/^\d+$/.test(q)) out.push(Number(q));
    else sheet.problem(row, VALUE, `"${q}" is not a quintile (1 to 5)`);
  }
  return out;
}
