import ExcelJS from 'exceljs';
import { sampleAgreementDocument, UNIT_REFS } from '../../../test/support/agreement-fixture.js';
import type { AgreementDocument } from '../agreement-document.js';
import type { WorkbookCatalogue } from './catalogue.js';
import { checkDocumentShape } from '../dto/check-document-shape.js';
import type { ProblemDetail } from '../../common/errors.js';
import { SHEET } from './layout.js';
import { locateProblems, readAgreementWorkbook } from './read-workbook.js';
import { writeAgreementWorkbook } from './write-workbook.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const UNIT_CATALOGUE: WorkbookCatalogue = {
  fundingPrograms: [{ id: UNIT_REFS.fundingProgramId, code: 'EUROPAN', name: 'Programa EUROPAN' }],
  entities: [
    { id: UNIT_REFS.entityId, code: 'GORE-AYA', name: 'Gobierno Regional de Ayacucho' },
    { id: id(10), code: 'SIS', name: 'Seguro Integral de Salud' },
  ],
  budgetPrograms: [{ id: UNIT_REFS.budgetProgramId, code: '0001', name: 'Programa Articulado Nutricional' }, { id: id(11), code: '0002', name: 'Salud materno neonatal' }],
  products: [
    { id: UNIT_REFS.productIds[0], code: '3033251', name: 'Familias saludables', budgetProgramId: UNIT_REFS.budgetProgramId },
    { id: UNIT_REFS.productIds[1], code: '3033254', name: 'Niños con vacuna completa', budgetProgramId: UNIT_REFS.budgetProgramId },
    { id: id(12), code: '3033251', name: 'Same code, other programme', budgetProgramId: id(11) },
  ],
  analysts: [{ id: id(20), email: 'analista@demo.tramos.pe' }],
};

/** The fixture with what it leaves out (verifier, analysts, shares, weights) filled in. */
function fullDocument(): AgreementDocument {
  const doc = sampleAgreementDocument('WB', UNIT_REFS);
  doc.verifierEntityId = id(10);
  doc.analystIds = [id(20)];
  doc.rules.fixedTrancheRule = 'PER_PROCESS';
  doc.rules.allowCarryOver = true;
  doc.scope.quintiles = [1, 2];
  doc.processes[0].share = '0.6';
  doc.processes[1].share = '0.4';
  doc.processes[0].weight = '0.5';
  doc.processes[0].subprocesses[0].weight = '1';
  // A value leaves as an Excel number, so "45.0" comes back as "45" (the API answers "45" too).
  doc.indicators[0].baseline.value = '45';
  return doc;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('the agreement workbook', () => {
  it('gives back the same document it was written from', async () => {
    const doc = fullDocument();
    const read = readAgreementWorkbook(await load(await writeAgreementWorkbook(doc, UNIT_CATALOGUE)), UNIT_CATALOGUE);
    expect(read.problems).toEqual([]);
    expect(read.doc).toEqual(doc);
  });

  it('writes codes, real numbers and real dates, not ids or text', async () => {
    const wb = await load(await writeAgreementWorkbook(fullDocument(), UNIT_CATALOGUE));
    const header = wb.getWorksheet(SHEET.header)!;
    expect([header.getCell('B4').value, header.getCell('B5').value, header.getCell('B10').value]).toEqual(['EUROPAN', 'GORE-AYA', '0001']);
    expect(header.getCell('B9')).toMatchObject({ value: 1000000, numFmt: '#,##0.00' });
    expect(wb.getWorksheet(SHEET.periods)!.getCell('C2').value).toEqual(new Date('2021-01-01T00:00:00Z'));
    expect(wb.getWorksheet(SHEET.commitments)!.getRow(1).getCell(14).value).toBe('Nivel P1');
    expect(wb.getWorksheet(SHEET.commitments)!.getCell('N2').value).toBe('Sí');
    expect(wb.getWorksheet(SHEET.targets)!.getCell('D2').value).toBe(55);
  });

  it('is an empty template with instructions, lists and the catalogue when there is no document', async () => {
    const wb = await load(await writeAgreementWorkbook(null, UNIT_CATALOGUE));
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(SHEET));
    expect(wb.getWorksheet(SHEET.header)!.getCell('B4').dataValidation).toMatchObject({ type: 'list', formulae: [`'Catálogos'!$A$3:$A$2000`] });
    expect(wb.getWorksheet(SHEET.indicators)!.getCell('E9').dataValidation).toMatchObject({ type: 'list', formulae: ['"INCREASE,DECREASE"'] });
    expect(wb.getWorksheet(SHEET.catalogue)!.getCell('D4').value).toBe('SIS');
    const read = readAgreementWorkbook(wb, UNIT_CATALOGUE);
    expect(read.problems).toEqual([]);
    expect(read.doc).toMatchObject({ rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 15 }, periods: [], indicators: [] });
  });

  it('reads what people type: text dates, UBIGEOs as numbers, decimal commas, yes/no, blank codes continuing the row above', async () => {
    const wb = await load(await writeAgreementWorkbook(fullDocument(), UNIT_CATALOGUE));
    wb.getWorksheet(SHEET.periods)!.getCell('C2').value = '2021-01-01';
    wb.getWorksheet(SHEET.scope)!.getCell('A2').value = 50114;
    wb.getWorksheet(SHEET.indicators)!.getCell('K2').value = '0,6';
    wb.getWorksheet(SHEET.header)!.getCell('B15').value = true;
    const commitments = wb.getWorksheet(SHEET.commitments)!;
    for (const c of ['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3']) commitments.getCell(c).value = null;
    const read = readAgreementWorkbook(wb, UNIT_CATALOGUE);
    expect(read.problems).toEqual([]);
    expect(read.doc).toEqual(fullDocument());
  });

  it('names every cell it cannot read as Sheet!cell, and where each document value came from', async () => {
    const wb = await load(await writeAgreementWorkbook(fullDocument(), UNIT_CATALOGUE));
    wb.getWorksheet(SHEET.header)!.getCell('B4').value = 'NOPE';
    wb.getWorksheet(SHEET.header)!.getCell('B11').value = '3033251, 9999999';
    wb.getWorksheet(SHEET.periods)!.getCell('E3').value = 200000.005;
    wb.getWorksheet(SHEET.commitments)!.getCell('B3').value = 'Otro nombre';
    wb.getWorksheet(SHEET.indicators)!.getCell('G3').value = 'dos mil';
    wb.getWorksheet(SHEET.indicators)!.getCell('N3').value = '1=1; mucho';
    wb.getWorksheet(SHEET.targets)!.getCell('A4').value = 'IND-9';
    const read = readAgreementWorkbook(wb, UNIT_CATALOGUE);
    expect(read.problems.map((p) => p.field)).toEqual([
      'Convenio!B4', 'Convenio!B11', 'Periodos!E3', 'Compromisos!B3', 'Indicadores!G3', 'Indicadores!N3', 'Metas!A4',
    ]);
    expect(read.problems[0].problem).toMatch(/unknown funding programme code "NOPE"/);
    expect(read.cells.get('indicators[1].targets[0].value')).toBe('Metas!D6');
    expect(read.cells.get('processes[1].subprocesses[0].criteria[0].levels[1]')).toBe('Compromisos!O4');
  });

  it('refuses a workbook that is not the template, naming the sheet or the title', async () => {
    const wb = await load(await writeAgreementWorkbook(null, UNIT_CATALOGUE));
    wb.removeWorksheet(wb.getWorksheet(SHEET.targets)!.id);
    wb.getWorksheet(SHEET.indicators)!.getCell('C1').value = 'Clase';
    wb.getWorksheet(SHEET.commitments)!.getCell('N1').value = 'P1';
    expect(readAgreementWorkbook(wb, UNIT_CATALOGUE).problems.map((p) => p.field)).toEqual(['Compromisos!N1', 'Indicadores!C1', 'Metas']);
  });

  it('names the problems of the shape check and of the rules by the cell their value came from', async () => {
    const wb = await load(await writeAgreementWorkbook(fullDocument(), UNIT_CATALOGUE));
    wb.getWorksheet(SHEET.periods)!.getCell('C2').value = '01/01/2021';
    wb.getWorksheet(SHEET.indicators)!.getCell('K3').value = 1.5;
    const read = readAgreementWorkbook(wb, UNIT_CATALOGUE);
    const shape: ProblemDetail[] = await checkDocumentShape(read.doc).then(() => [], (e) => e.details);
    expect(locateProblems(shape, read.cells).map((p) => p.field)).toEqual(['Periodos!C2', 'Indicadores!K3']);
    const rules = ['indicators[1].targets[0].value', 'indicators[0].targets', 'indicators', 'maxAmount', 'somewhere.else'];
    expect(locateProblems(rules.map((field) => ({ field, problem: 'x' })), read.cells).map((p) => p.field)).toEqual([
      'Metas!D6', 'Indicadores!A2', 'Indicadores', 'Convenio!B9', 'somewhere.else',
    ]);
  });
});
