import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import * as XLSX from 'xlsx';
import { documentOf, snapshotOf, type AgreementView } from '../src/agreements/agreement-view.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEETS = ['Instrucciones', 'Convenio', 'Ámbito', 'Periodos', 'Compromisos', 'Indicadores', 'Metas', 'Catálogos'];
const binary = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const fields = (res: { body: { details: Array<{ field: string }> } }) => res.body.details.map((d) => d.field);
/** The seven demo CAPs: both fixed-tranche rules, a verifier, district targets, an amended one, a draft. */
const DEMO_CODES = ['CAP-2010-EUROPAN-AYA', 'CAP-2012-RENIEC', 'CAP-2012-JUNTOS', 'CAP-2012-SIS', 'CAP-2014-SMN-AMA', 'CAP-2014-ECOTRADE-PIU', 'CAP-2012-ENLCD-DEVIDA'];
const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** Writes rows of values into a sheet from row `from` on, column A first; undefined leaves a cell as it is. */
function put(ws: ExcelJS.Worksheet, rows: unknown[][], from = 2) {
  rows.forEach((r, i) => r.forEach((v, j) => v !== undefined && (ws.getCell(from + i, j + 1).value = v as ExcelJS.CellValue)));
}

describe('agreements as Excel: template, import, export', () => {
  let t: TestApp;
  let db: DataSource;
  let analyst: string;
  let admin: string;
  let gore: string;
  let products: string[];
  const run = randomBytes(3).toString('hex').toUpperCase();

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [analyst, admin, gore] = await Promise.all(['analista', 'admin', 'gore.ayacucho'].map((u) => t.login(`${u}@demo.tramos.pe`)));
    products = (await db.query(
      `SELECT p.code FROM budget_products p JOIN budget_programs b ON b.id = p.budget_program_id WHERE b.code = '0001' ORDER BY p.code LIMIT 2`,
    )).map((p: { code: string }) => p.code);
  });
  afterAll(() => t.close());

  const api = (path: string) => `/api/v1${path}`;
  const download = async (path: string, token = analyst) =>
    (await t.http.get(api(path)).set(bearer(token)).buffer(true).parse(binary).expect(200).expect('Content-Type', XLSX_TYPE)).body as Buffer;
  const load = async (buffer: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb;
  };
  const upload = async (wb: ExcelJS.Workbook, token = analyst) =>
    t.http.post(api('/agreements/import')).set(bearer(token)).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'convenio.xlsx');
  const count = async (code: string) => (await t.http.get(api(`/agreements?q=${code}`)).set(bearer(admin)).expect(200)).body.total;

  /** The template filled as an analyst would: a two-year convenio of GORE Ayacucho under EUROPAN. */
  async function filledTemplate(code: string) {
    const wb = await load(await download('/agreements/template.xlsx'));
    const header = wb.getWorksheet('Convenio')!;
    put(header, [[code], [`Convenio importado ${code}`], ['EUROPAN'], ['GORE-AYA'], [undefined], ['2021-01-01'], [day('2023-06-30')],
      [1000000], ['0001'], [products.join(', ')], [undefined], ['Desde Excel'], ['ALL_OR_NOTHING'], ['No'], [20], ['1']].map((r) => [undefined, ...r]));
    put(wb.getWorksheet('Ámbito')!, [['050114'], [50112]]);
    put(wb.getWorksheet('Periodos')!, [
      ['P1', 'Año 1', day('2021-01-01'), day('2021-12-31'), 200000, day('2021-06-30'), 250000, day('2022-03-31')],
      ['P2', 'Año 2', '2022-01-01', '2022-12-31', 200000, day('2022-06-30'), 300000, day('2023-03-31')],
    ]);
    put(wb.getWorksheet('Compromisos')!, [
      ['1', 'Programación operativa', null, null, '1.1', 'Programación de metas físicas', null, 'C1', 'Plan operativo aprobado', 'BOOLEAN', null, null, 'Resolución', 'Sí', 'Sí'],
      [null, null, null, null, null, null, null, 'C2', 'Establecimientos con metas programadas', 'AT_LEAST', '%', null, null, 60, 80],
      ['2', 'Soporte logístico', null, null, '2.1', 'Abastecimiento de insumos', null, 'C3', 'Desabastecimiento de vacunas', 'AT_MOST', '%', 1, null, 30, 20],
    ]);
    put(wb.getWorksheet('Indicadores')!, [
      ['IND-1', 'Niños con vacuna completa', 'OUTPUT', '%', 'INCREASE', 45, 2020, 'HIS', 'HIS', 'DISTRICT', 0.6, 'PROPORTIONAL', 0.5, null, 'Proporción de niños vacunados'],
      ['IND-2', 'Desnutrición crónica infantil', 'RESULT', '%', 'DECREASE', 35.5, 2020, 'ENDES', 'ENDES', 'DEPARTMENT', 0.4, 'STEPS', null, '1=1; 0.75=0.5'],
    ]);
    put(wb.getWorksheet('Metas')!, [
      ['IND-1', 'P1', '050114', 55], ['IND-1', 'P1', '050112', 52], ['IND-1', 'P2', '050114', 65], ['IND-1', 'P2', '050112', 60],
      ['IND-2', 'P1', null, 33], ['IND-2', 'P2', null, 30],
    ]);
    return wb;
  }

  it('gives a template with a sheet per part, instructions, lists and the catalogue to any logged-in user', async () => {
    const buffer = await download('/agreements/template.xlsx', gore);
    const book = XLSX.read(buffer, { type: 'buffer' });
    expect(book.SheetNames).toEqual(SHEETS);
    expect(XLSX.utils.sheet_to_json<string[]>(book.Sheets['Indicadores'], { header: 1 })[0].slice(0, 3)).toEqual(['Código', 'Nombre', 'Tipo']);
    expect(XLSX.utils.sheet_to_json<string[]>(book.Sheets['Catálogos'], { header: 1 }).some((r) => r.includes('EUROPAN'))).toBe(true);
    const wb = await load(buffer);
    expect(wb.getWorksheet('Convenio')!.getCell('B4').dataValidation).toMatchObject({ type: 'list', formulae: [`'Catálogos'!$A$3:$A$2000`] });
    expect(wb.getWorksheet('Compromisos')!.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ['"BOOLEAN,AT_LEAST,AT_MOST"'] });
    await t.http.get(api('/agreements/template.xlsx')).expect(401);
  });

  it('drafts the agreement a filled template describes (201, as POST /agreements), readable by GET', async () => {
    const code = `CAP-XLS-${run}-1`;
    const res = await upload(await filledTemplate(code));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code, status: 'DRAFT', entity: { code: 'GORE-AYA' }, budgetPrograms: [{ code: '0001' }] });
    const view: AgreementView = (await t.http.get(api(`/agreements/${res.body.id}`)).set(bearer(analyst)).expect(200)).body;
    expect(view.periods.map((p) => [p.code, p.startsOn, p.tranches.map((x) => [x.kind, x.amount, x.plannedDate])])).toEqual([
      ['P1', '2021-01-01', [['FIXED', '200000.00', '2021-06-30'], ['VARIABLE', '250000.00', '2022-03-31']]],
      ['P2', '2022-01-01', [['FIXED', '200000.00', '2022-06-30'], ['VARIABLE', '300000.00', '2023-03-31']]],
    ]);
    expect(view.scope).toEqual({ ubigeos: ['050112', '050114'], quintiles: [1] });
    expect(view.processes[0].subprocesses[0].criteria.map((c) => [c.code, c.levels.map((l) => l.value)])).toEqual([['C1', ['true', 'true']], ['C2', ['60', '80']]]);
    expect(view.indicators[1]).toMatchObject({ code: 'IND-2', baseline: { value: '35.5' }, scoring: { type: 'STEPS', steps: [{ minProgress: '1', score: '1' }, { minProgress: '0.75', score: '0.5' }] } });
    expect(view.indicators[0].targets.map((x) => [x.period, x.ubigeo, x.value])).toContainEqual(['P2', '050112', '60']);
    expect(view.analysts.map((a) => a.email)).toEqual(['analista@demo.tramos.pe']);
  });

  it('refuses the whole file naming sheet!cell: 400 for unreadable cells, 422 for broken rules; nothing is created', async () => {
    const code = `CAP-XLS-${run}-2`;
    const wb = await filledTemplate(code);
    wb.getWorksheet('Convenio')!.getCell('B4').value = 'NOPE';
    wb.getWorksheet('Metas')!.getCell('D3').value = 'mucho';
    wb.getWorksheet('Periodos')!.getCell('E3').value = 'doscientos mil';
    const bad = await upload(wb);
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['Convenio!B4', 'Periodos!E3', 'Metas!D3']);

    const rules = await filledTemplate(code);
    rules.getWorksheet('Metas')!.getCell('D3').value = 40; // below the baseline 45 of an INCREASE indicator
    rules.getWorksheet('Indicadores')!.getCell('K3').value = 0.3; // weights add up to 0.9
    const broken = await upload(rules);
    expect(broken.status).toBe(422);
    expect(fields(broken)).toEqual(['Indicadores', 'Metas!D3']);
    expect(await count(code)).toBe(0);
  });

  it('exports each demo agreement in the template layout; imported again under a new code it is the same agreement', async () => {
    for (const demo of DEMO_CODES) {
      const [original] = (await t.http.get(api(`/agreements?q=${demo}`)).set(bearer(admin)).expect(200)).body.items;
      const wb = await load(await download(`/agreements/${original.id}/export.xlsx`, admin));
      const copy = `${demo}-XLS-${run}`;
      wb.getWorksheet('Convenio')!.getCell('B2').value = copy;
      const res = await upload(wb, admin);
      expect({ demo, status: res.status, details: res.body.details }).toMatchObject({ status: 201 });
      const textOf = async (id: string) => {
        const view: AgreementView = (await t.http.get(api(`/agreements/${id}`)).set(bearer(admin)).expect(200)).body;
        return { ...documentOf(snapshotOf(view)), code: undefined };
      };
      expect(await textOf(res.body.id)).toEqual(await textOf(original.id));
    }
  });

  it('answers 403 to roles that do not draft, 404 for an agreement out of scope, 415 for a file that is not .xlsx', async () => {
    expect((await upload(await filledTemplate(`CAP-XLS-${run}-3`), gore)).status).toBe(403);
    const [ama] = (await t.http.get(api('/agreements?q=CAP-2014-SMN-AMA')).set(bearer(admin)).expect(200)).body.items;
    await t.http.get(api(`/agreements/${ama.id}/export.xlsx`)).set(bearer(gore)).expect(404);
    const notXlsx = await t.http.post(api('/agreements/import')).set(bearer(analyst)).attach('file', Buffer.from('%PDF-1.7\n'), 'convenio.xlsx').expect(415);
    expect(fields(notXlsx)).toEqual(['file']);
    await t.http.post(api('/agreements/import')).set(bearer(analyst)).send({ code: 'x' }).expect(400);
  });
});
