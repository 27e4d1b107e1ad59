import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import * as XLSX from 'xlsx';
import type { FixedTrancheResult, VariableTrancheResult } from '../../compliance/index.js';
import { writeFixedVerification } from './fixed-verification.workbook.js';
import type { Lang } from './labels.js';
import { writePortfolio } from './portfolio.workbook.js';
import { type ReportBook, writeWorkbook } from './report-book.js';
import type { AgreementBackground, EvolutionRow, PortfolioTranche, VerificationMeta } from './report-data.js';
import { writeVariableVerification } from './variable-verification.workbook.js';

/** Writes a workbook into memory, as the worker writes it to a file. */
async function toBuffer(lang: Lang, build: (book: ReportBook) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({ write(chunk, _enc, done) { chunks.push(chunk); done(); } });
  await writeWorkbook(out, lang, new Date('2031-12-20T15:00:00Z'), build);
  return Buffer.concat(chunks);
}

const read = (buf: Buffer) => XLSX.read(buf, { cellDates: true, cellNF: true });
/** The cell whose text in column A (or any column) equals `label`, and the one to its right. */
function fieldValue(ws: XLSX.WorkSheet, label: string): XLSX.CellObject | undefined {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  for (let r = range.s.r; r <= range.e.r; r++) {
    const a = ws[XLSX.utils.encode_cell({ r, c: 0 })];
    if (a?.v === label) return ws[XLSX.utils.encode_cell({ r, c: 1 })];
  }
  return undefined;
}
const rowsOf = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });

const background: AgreementBackground = {
  code: 'CAP-2031-TEST', title: 'Convenio de prueba', number: 'N° 001-2030', signedOn: '2030-12-01', startsOn: '2031-01-01', endsOn: '2032-12-31',
  status: 'IN_FORCE', entity: 'Gobierno Regional de Ayacucho', fundingProgram: 'EUROPAN – Programa', donor: 'Unión Europea', verifier: null,
  maxAmount: '3000000.00', fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 15, currentVersion: 1,
  versions: [{ version: 1, effectiveFrom: '2031-01-01', reason: 'Firma', recordedAt: new Date('2030-12-01T14:00:00Z') }],
  schedule: [
    { periodCode: '2031', periodName: 'Año 2031', kind: 'FIXED', amount: '500000.00', plannedDate: '2031-12-31', status: 'VERIFIED',
      verifiedAmount: '500000.00', transferredAmount: null, transferredOn: null },
    { periodCode: '2031', periodName: 'Año 2031', kind: 'VARIABLE', amount: '1000000.00', plannedDate: '2031-12-31', status: 'VERIFIED',
      verifiedAmount: '700000.00', transferredAmount: null, transferredOn: null },
  ],
};

const meta = (kind: 'FIXED' | 'VARIABLE', lang: Lang): VerificationMeta => ({
  reportId: '00000000-0000-4000-8000-000000000001', type: kind === 'FIXED' ? 'FIXED_VERIFICATION' : 'VARIABLE_VERIFICATION', lang,
  generatedAt: new Date('2031-12-20T15:00:00Z'), requester: { name: 'Sectorista', email: 'analista@demo.tramos.pe', role: 'ANALYST' },
  tranche: {
    id: '00000000-0000-4000-8000-000000000002', kind, periodCode: '2031', periodName: 'Año 2031', amount: kind === 'FIXED' ? '500000.00' : '1000000.00',
    status: 'VERIFIED', verifiedAt: new Date('2031-12-15T20:30:00Z'), verifiedBy: 'Sectorista DGPP', verifiedVersion: 1, inputHash: 'a'.repeat(64),
    verifiedAmount: kind === 'FIXED' ? '500000.00' : '700000.00', conclusions: 'La entidad cumplió.', recommendations: null,
  },
});

const fixedResult = {
  status: 'MET', rule: 'ALL_OR_NOTHING', compliancePct: '100.00', trancheAmount: '500000.00', amount: '500000.00', unpaid: '0.00',
  blockingCriteria: [], pendingCriteria: [], explanation: 'Todos los criterios se cumplen.', inputHash: 'a'.repeat(64),
  processes: [{
    code: '1', name: 'Programación operativa', weight: '1.0000', compliancePct: '100.00', met: true, share: null, allocated: null, amount: null,
    subprocesses: [{
      code: '1.1', name: 'Plan operativo', weight: '1.0000', compliancePct: '100.00', met: true,
      criteria: [
        { id: 'c1', code: '1.1.1', name: 'Plan aprobado', kind: 'BOOLEAN', weight: '0.5000', status: 'MET', score: 1, requiredLevel: true, acceptedValue: true, explanation: 'Cumple.' },
        { id: 'c2', code: '1.1.2', name: 'Cobertura', kind: 'AT_LEAST', unit: '%', weight: '0.5000', status: 'MET', score: 1, requiredLevel: '80', acceptedValue: '81.5', explanation: '81.5 ≥ 80.' },
      ],
    }],
  }],
} as FixedTrancheResult;

const variableResult = {
  status: 'COMPUTED', trancheAmount: '1000000.00', carriedIn: '0.00', amount: '700000.00', carriedOver: '0.00', released: '300000.00',
  allowCarryOver: false, isLastPeriod: false, pendingIndicators: [], explanation: 'Se paga 700000.00.', inputHash: 'b'.repeat(64),
  lines: [{
    indicatorId: 'i1', code: 'IND-01', name: 'Cobertura', unit: '%', direction: 'INCREASE', status: 'COMPUTED', baseline: '50', target: '70', achieved: '64',
    progress: '0.7000', score: '0.7000', weight: '1.0000', effectiveWeight: '1.0000', carriedIn: '0.00', allocated: '1000000.00', amount: '700000.00',
    unpaid: '300000.00', carriedOver: '0.00', released: '300000.00', neutralised: false, explanation: 'Avance 70 %.',
  }],
} as VariableTrancheResult;

const district = (ubigeo: string, periodCode: string, target: string, achieved: string | null): EvolutionRow => ({
  indicatorCode: 'IND-01', ubigeo, level: 'DISTRICT', departmentUbigeo: '050000', department: 'AYACUCHO', province: 'HUAMANGA',
  district: `D${ubigeo}`, periodCode, target, achieved,
});

describe('verification workbooks (read back with SheetJS)', () => {
  it('writes the fixed tranche report with real numbers, formats, dates and frozen amounts', async () => {
    const buf = await toBuffer('es', (book) => writeFixedVerification(book, {
      meta: meta('FIXED', 'es'), background, result: fixedResult, reported: new Map([['c1', 'true'], ['c2', '82']]),
      submissions: [{ ordinal: 1, submittedAt: new Date('2031-11-30T13:00:00Z'), submittedBy: 'GORE' }],
      evidence: [{ fileName: 'acta.pdf', mediaType: 'application/pdf', size: 1234, sha256: 'c'.repeat(64), uploadedAt: new Date('2031-11-29T13:00:00Z'), uploadedBy: 'GORE', version: 1, backs: '1.1.1' }],
      observations: [{ itemId: 'c1', itemCode: '1.1.1', text: 'Falta la firma', deadline: '2031-12-10', issuedAt: new Date('2031-12-01T13:00:00Z'), answer: 'Se adjunta', answeredAt: new Date('2031-12-05T13:00:00Z') }],
    }));
    const wb = read(buf);
    expect(wb.SheetNames).toEqual(['Resumen', 'Antecedentes', 'Información remitida', 'Compromisos', 'Conclusiones', 'Metadatos']);
    const summary = wb.Sheets['Resumen']!;
    expect(fieldValue(summary, 'Monto a transferir')).toMatchObject({ t: 'n', v: 500000, z: '"S/ "#,##0.00' });
    expect(fieldValue(summary, 'Nivel de cumplimiento')).toMatchObject({ t: 'n', v: 1, z: '0.00 %' });
    expect(fieldValue(summary, 'Decisión')).toMatchObject({ v: 'CUMPLE' });
    const verifiedAt = fieldValue(summary, 'Verificado el')!;
    expect(verifiedAt.t).toBe('d');
    // 20:30 UTC is 15:30 in Lima
    expect((verifiedAt.v as Date).toISOString().slice(11, 16)).toMatch(/15:30|15:29/);
    const commitments = rowsOf(wb.Sheets['Compromisos']!);
    const criterion = commitments.find((r) => r[1] === '1.1.2')!;
    expect(criterion.slice(5, 10)).toEqual([0.5, 80, 82, 81.5, 'Sí']);
    expect(commitments.find((r) => r[1] === '1.1.1')![12]).toContain('Falta la firma');
    expect(wb.Sheets['Compromisos']!['!autofilter']).toEqual({ ref: expect.stringMatching(/^A5:O\d+$/) });
    const evidence = rowsOf(wb.Sheets['Información remitida']!).find((r) => r[0] === 'acta.pdf')!;
    expect(evidence[2]).toBe(1234);
    expect(evidence[4]).toBeInstanceOf(Date);

    // Frozen header, widths that fit, landscape fitted to the page width (read with ExcelJS).
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet('Compromisos')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(6);
    expect(ws.getColumn(2).width).toBeLessThan(20);
  });

  it('writes the variable tranche report in English with department subtotals', async () => {
    const buf = await toBuffer('en', (book) => writeVariableVerification(book, {
      meta: meta('VARIABLE', 'en'), background, result: variableResult,
      indicators: [{ code: 'IND-01', name: 'Cobertura', kind: 'RESULT', unit: '%', direction: 'INCREASE', baseline: '50', baselineYear: 2030, source: 'HIS', territorialLevel: 'DISTRICT', weight: '1' }],
      periods: [{ code: '2031', name: 'Año 2031' }, { code: '2032', name: 'Año 2032' }],
      evolution: (async function* () {
        yield district('050101', '2031', '60', '65');
        yield district('050101', '2032', '70', null);
        yield district('050102', '2031', '80', '63');
        yield district('050102', '2032', '90', null);
      })(),
    }));
    const wb = read(buf);
    expect(wb.SheetNames).toEqual(['Summary', 'Background', 'Indicator evolution', 'Goals reached', 'Conclusions', 'Metadata']);
    expect(fieldValue(wb.Sheets['Summary']!, 'Amount to transfer')).toMatchObject({ t: 'n', v: 700000, z: '"S/ "#,##0.00' });
    const evolution = rowsOf(wb.Sheets['Indicator evolution']!);
    const subtotal = evolution.filter((r) => r[2] === 'Department subtotal');
    expect(subtotal.map((r) => [r[7], r[9], r[10], r[11]])).toEqual([['Año 2031', 70, 64, 'No'], ['Año 2032', 80, null, null]]);
    const goals = rowsOf(wb.Sheets['Goals reached']!);
    const total = goals.find((r) => r[0] === 'Total')!;
    expect(total[15]).toBe(700000);
    const line = goals.find((r) => r[0] === 'IND-01')!;
    expect(line.slice(8, 10)).toEqual([0.7, 0.7]);
    const progress = wb.Sheets['Goals reached']![XLSX.utils.encode_cell({ r: goals.indexOf(line), c: 8 })]!;
    expect(progress).toMatchObject({ t: 'n', z: '0.00 %' });
    expect(fieldValue(wb.Sheets['Conclusions']!, 'Amount to transfer')).toMatchObject({ t: 'n', v: 700000 });
    expect(fieldValue(wb.Sheets['Metadata']!, 'Hash of the computation inputs (SHA-256)')?.v).toBe('a'.repeat(64));
  });
});

describe('portfolio workbook', () => {
  it('streams the tranches and totals them by donor, programme, region and year', async () => {
    const t = (o: Partial<PortfolioTranche>): PortfolioTranche => ({
      donor: 'Unión Europea', fundingProgram: 'EUROPAN', agreementId: 'a1', agreementCode: 'CAP-1', agreementTitle: 'Convenio 1', agreementStatus: 'IN_FORCE',
      entity: 'GORE Ayacucho', region: 'AYACUCHO', periodCode: '2031', kind: 'FIXED', status: 'SCHEDULED', plannedDate: '2031-12-31', amount: '100.10',
      verifiedAmount: null, frozenCarriedIn: null, frozenCarriedOver: null, frozenNotPaid: null, transferred: null, transferredOn: null, instrument: null,
      cancelled: null, ...o,
    });
    let outcome: { dataHash: string; tranches: number } | undefined;
    const buf = await toBuffer('es', async (book) => {
      outcome = await writePortfolio(book, {
        meta: { reportId: 'r1', type: 'PORTFOLIO', lang: 'es', generatedAt: new Date('2031-12-20T15:00:00Z'), requester: { name: 'Admin', email: 'admin@x', role: 'ADMIN' } },
        filters: {},
        tranches: [
          t({ status: 'TRANSFERRED', verifiedAmount: '100.10', frozenNotPaid: '0.00', transferred: '100.10', transferredOn: '2031-12-30', instrument: 'D.S. 1' }),
          t({ kind: 'VARIABLE', amount: '200.20', plannedDate: '2032-06-30', periodCode: '2032' }),
          t({ agreementId: 'a2', agreementCode: 'CAP-2', entity: 'SIS', region: null, amount: '0.30', status: 'CANCELLED', cancelled: '0.30' }),
        ],
      });
    });
    expect(outcome).toEqual({ dataHash: expect.stringMatching(/^[0-9a-f]{64}$/), tranches: 3 });
    const wb = read(buf);
    expect(wb.SheetNames).toEqual(['Cartera', 'Por cooperante', 'Por programa', 'Por región', 'Por año', 'Metadatos']);
    const detail = rowsOf(wb.Sheets['Cartera']!);
    const total = detail.find((r) => r[0] === 'Total')!;
    expect([total[12], total[15], total[18], total[21]]).toEqual([300.6, 100.1, 0.3, 200.2]);
    const regions = rowsOf(wb.Sheets['Por región']!).filter((r) => ['AYACUCHO', 'Nacional', 'Total'].includes(r[0] as string));
    expect(regions.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([['AYACUCHO', 1, 2, 300.3], ['Nacional', 1, 1, 0.3], ['Total', 2, 3, 300.6]]);
    const years = rowsOf(wb.Sheets['Por año']!).filter((r) => /^\d{4}$/.test(String(r[0])));
    expect(years.map((r) => r[0])).toEqual(['2031', '2032']);
  });
});
