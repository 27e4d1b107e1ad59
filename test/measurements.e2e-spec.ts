import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';
import { insertTrancheFixture, type TrancheFixture } from './support/tranche-fixture.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (res: any, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const fields = (res: { body: { details: Array<{ field: string }> } }) => res.body.details.map((d) => d.field);

describe('reported values, the Excel template and the informe de cumplimiento', () => {
  let t: TestApp;
  let db: DataSource;
  let aya: TrancheFixture;
  let ama: TrancheFixture;
  let entity: string;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    aya = await insertTrancheFixture(db, 'GORE-AYA');
    ama = await insertTrancheFixture(db, 'GORE-AMA', ['010101', '010102']);
    entity = await t.login('gore.ayacucho@demo.tramos.pe');
    analyst = await t.login('analista@demo.tramos.pe');
  });
  afterAll(() => t.close());

  const put = (trancheId: string, items: unknown[], token = entity) =>
    t.http.put(`/api/v1/tranches/${trancheId}/measurements`).set(bearer(token)).send({ items });
  const current = async (trancheId: string) =>
    (await t.http.get(`/api/v1/tranches/${trancheId}/measurements`).set(bearer(analyst)).expect(200)).body;
  const uploadPdf = async (trancheId: string, backs: Record<string, string>) =>
    (await t.http.post(`/api/v1/tranches/${trancheId}/evidence`).set(bearer(entity)).field(backs)
      .attach('file', Buffer.from(`%PDF-1.7\n%${randomBytes(6).toString('hex')}\n`), 'acta.pdf').expect(201)).body;

  it('stores values, replaces them keeping the history, and audits the change', async () => {
    const ev = await uploadPdf(aya.fixedTrancheId, { criterionId: aya.booleanCriterionId });
    const first = await put(aya.fixedTrancheId, [
      { criterionId: aya.booleanCriterionId, value: 'true', evidenceIds: [ev.id] },
      { criterionId: aya.atLeastCriterionId, value: '85.5', note: 'Según el SIGA' },
    ]).expect(200);
    expect(first.body).toMatchObject({ changed: 2, unchanged: 0 });
    expect((await current(aya.fixedTrancheId)).items).toMatchObject([
      { criterionId: aya.booleanCriterionId, code: '1.1.1', value: 'true', evidenceIds: [ev.id], supersededAt: null },
      { criterionId: aya.atLeastCriterionId, code: '1.1.2', value: '85.5', note: 'Según el SIGA', evidenceIds: [] },
    ]);

    const second = await put(aya.fixedTrancheId, [
      { criterionId: aya.booleanCriterionId, value: 'true', evidenceIds: [ev.id] },
      { criterionId: aya.atLeastCriterionId, value: '90' },
    ]).expect(200);
    expect(second.body).toMatchObject({ changed: 1, unchanged: 1 });
    const history = (await t.http.get(`/api/v1/tranches/${aya.fixedTrancheId}/measurements?history=true`).set(bearer(entity)).expect(200)).body;
    expect(history.total).toBe(3);
    const atLeast = history.items.filter((m: { criterionId: string }) => m.criterionId === aya.atLeastCriterionId);
    expect(atLeast.map((m: { value: string; supersededAt: string | null }) => [m.value, m.supersededAt === null])).toEqual([['85.5', false], ['90', true]]);

    const audit = await db.query(`SELECT after FROM audit_log WHERE subject_id = $1 AND action = 'measurements.reported' ORDER BY seq`, [aya.fixedTrancheId]);
    expect(audit).toHaveLength(2);
    expect(audit[1].after.measurements).toEqual([expect.objectContaining({ criterionId: aya.atLeastCriterionId, value: '90' })]);
  });

  it('refuses a request with any bad value whole, naming each field', async () => {
    const otherTranche = await uploadPdf(aya.fixedTrancheId, { criterionId: aya.atLeastCriterionId });
    const res = await put(aya.variableTrancheId, [
      { indicatorId: aya.districtIndicatorId, ubigeo: aya.districts[0], value: '10' },
      { indicatorId: aya.districtIndicatorId, ubigeo: '050103', value: '5' },
      { indicatorId: aya.nationalIndicatorId, value: '100.5' },
      { criterionId: aya.booleanCriterionId, value: 'true' },
      { indicatorId: aya.districtIndicatorId, ubigeo: aya.districts[1], value: '7', evidenceIds: [otherTranche.id] },
      { indicatorId: aya.districtIndicatorId, value: '3' },
      { indicatorId: ama.nationalIndicatorId, value: '3' },
    ]).expect(400);
    expect(res.body.details).toEqual([
      { field: 'items[1].ubigeo', problem: "district 050103 is outside the agreement's scope" },
      { field: 'items[2].value', problem: 'is a percentage: must be between 0 and 100' },
      { field: 'items[3].criterionId', problem: 'a variable tranche takes indicator values, not criteria' },
      { field: 'items[4].evidenceIds', problem: `${otherTranche.id} is not evidence of this tranche` },
      { field: 'items[5].ubigeo', problem: "indicator IND-2 has targets by district: give the district's UBIGEO" },
      { field: 'items[6].indicatorId', problem: 'not an indicator of this agreement' },
    ]);
    expect((await current(aya.variableTrancheId)).total).toBe(0);

    const typed = await put(aya.variableTrancheId, [{ indicatorId: aya.nationalIndicatorId, value: 72.5 }, { indicatorId: aya.nationalIndicatorId, value: '1', x: 1 }]).expect(400);
    expect(fields(typed)).toEqual(expect.arrayContaining(['items[0].value', 'items[1].x']));
    const notDecimal = await put(aya.variableTrancheId, [{ indicatorId: aya.nationalIndicatorId, value: '7,5' }]).expect(400);
    expect(fields(notDecimal)).toEqual(['items[0].value']);
  });

  it('computes a ratio from numerator and denominator exactly', async () => {
    const res = await put(aya.variableTrancheId, [{ indicatorId: aya.nationalIndicatorId, numerator: '145', denominator: '200' }]).expect(200);
    expect(res.body.items).toMatchObject([{ indicatorId: aya.nationalIndicatorId, value: '72.5000', numerator: '145', denominator: '200', ubigeo: null }]);
    const third = await put(aya.variableTrancheId, [{ indicatorId: aya.nationalIndicatorId, numerator: '1', denominator: '3' }]).expect(200);
    expect(third.body.items[0].value).toBe('33.3333');
  });

  it("answers 404 for another entity's tranche and 403 to roles that do not report", async () => {
    await put(ama.fixedTrancheId, [{ criterionId: ama.booleanCriterionId, value: 'true' }]).expect(404);
    await t.http.get(`/api/v1/tranches/${ama.fixedTrancheId}/measurements`).set(bearer(entity)).expect(404);
    await t.http.get(`/api/v1/tranches/${ama.fixedTrancheId}/measurements/template.xlsx`).set(bearer(entity)).expect(404);
    await put(aya.fixedTrancheId, [{ criterionId: aya.booleanCriterionId, value: 'true' }], analyst).expect(403);
  });

  it('gives an Excel template and takes it back filled, refusing the whole file on any error', async () => {
    const download = await t.http.get(`/api/v1/tranches/${aya.variableTrancheId}/measurements/template.xlsx`).set(bearer(entity))
      .buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(download.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Valores')!;
    const rows = ws.getRows(2, ws.rowCount - 1)!.map((r) => [r.getCell(3).value, r.getCell(5).value, r.getCell(9).value]);
    expect(rows).toEqual([['IND-1', '', 33.3333], ['IND-2', aya.districts[0], ''], ['IND-2', aya.districts[1], '']]);
    // Targets read as numbers (68, not "68.000000").
    expect(ws.getRows(2, ws.rowCount - 1)!.map((r) => typeof r.getCell(8).value)).toEqual(['number', 'number', 'number']);
    expect(ws.getCell('J2').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });

    const send = async (fill: (ws: ExcelJS.Worksheet) => void) => {
      fill(ws);
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      return await t.http.post(`/api/v1/tranches/${aya.variableTrancheId}/measurements/import`).set(bearer(entity)).attach('file', file, 'valores.xlsx');
    };
    const bad = await send((s) => {
      s.getCell('J3').value = 120;
      s.getCell('J4').value = 'muchos';
      s.getCell('K2').value = new Date('2026-01-01');
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['Valores!K2', 'Valores!J4']);
    expect((await current(aya.variableTrancheId)).total).toBe(1);

    const good = await send((s) => {
      s.getCell('J4').value = 98;
      s.getCell('K2').value = null;
    });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ changed: 2, unchanged: 0 });
    expect((await current(aya.variableTrancheId)).items.map((m: { ubigeo: string | null; value: string }) => [m.ubigeo, m.value])).toEqual([
      [null, '33.3333'], [aya.districts[0], '120'], [aya.districts[1], '98'],
    ]);

    const notXlsx = await t.http.post(`/api/v1/tranches/${aya.variableTrancheId}/measurements/import`).set(bearer(entity))
      .attach('file', Buffer.from('%PDF-1.7\n'), 'valores.xlsx').expect(415);
    expect(fields(notXlsx)).toEqual(['file']);
  });

  it('submits the informe: 422 naming what is missing, then SUBMITTED with a frozen snapshot and edits locked', async () => {
    const f = await insertTrancheFixture(db, 'GORE-AYA');
    const none = await t.http.post(`/api/v1/tranches/${f.fixedTrancheId}/submit`).set(bearer(entity)).expect(422);
    expect(fields(none)).toEqual(['criteria.1.1.1', 'criteria.1.1.2']);

    await put(f.variableTrancheId, [
      { indicatorId: f.nationalIndicatorId, value: '71' },
      { indicatorId: f.districtIndicatorId, ubigeo: f.districts[0], value: '101' },
    ]).expect(200);
    const missing = await t.http.post(`/api/v1/tranches/${f.variableTrancheId}/submit`).set(bearer(entity)).expect(422);
    expect(missing.body.details).toEqual([{ field: `indicators.IND-2.${f.districts[1]}`, problem: `indicator IND-2 has no value for district ${f.districts[1]} (ACOCRO)` }]);

    const ev = await uploadPdf(f.variableTrancheId, { indicatorId: f.districtIndicatorId });
    await put(f.variableTrancheId, [{ indicatorId: f.districtIndicatorId, ubigeo: f.districts[1], value: '99', evidenceIds: [ev.id] }]).expect(200);
    const sent = await t.http.post(`/api/v1/tranches/${f.variableTrancheId}/submit`).set(bearer(entity)).expect(201);
    expect(sent.body).toMatchObject({ trancheId: f.variableTrancheId, ordinal: 1 });
    expect(sent.body.snapshot.measurements).toHaveLength(3);
    expect(sent.body.snapshot.evidence).toEqual([expect.objectContaining({ id: ev.id, sha256: ev.sha256 })]);
    expect((await db.query('SELECT status FROM tranches WHERE id = $1', [f.variableTrancheId]))[0].status).toBe('SUBMITTED');

    const locked = await put(f.variableTrancheId, [{ indicatorId: f.nationalIndicatorId, value: '72' }]).expect(409);
    expect(locked.body.message).toMatch(/SUBMITTED/);
    await t.http.post(`/api/v1/tranches/${f.variableTrancheId}/evidence`).set(bearer(entity)).field({ indicatorId: f.nationalIndicatorId })
      .attach('file', Buffer.from('%PDF-1.7\n'), 'tarde.pdf').expect(409);
    await t.http.post(`/api/v1/tranches/${f.variableTrancheId}/submit`).set(bearer(entity)).expect(409);
    expect((await current(f.variableTrancheId)).items.map((m: { value: string }) => m.value)).toEqual(['71', '101', '99']);

    // Observed by the analyst: the entity corrects and sends a second informe.
    await db.query(`UPDATE tranches SET status = 'OBSERVED' WHERE id = $1`, [f.variableTrancheId]);
    await put(f.variableTrancheId, [{ indicatorId: f.nationalIndicatorId, value: '72' }]).expect(200);
    await t.http.post(`/api/v1/tranches/${f.variableTrancheId}/submit`).set(bearer(entity)).expect(201);
    const list = await t.http.get(`/api/v1/tranches/${f.variableTrancheId}/submissions`).set(bearer(analyst)).expect(200);
    expect(list.body.items.map((s: { ordinal: number; snapshot: { measurements: Array<{ value: string }> } }) => [s.ordinal, s.snapshot.measurements[0].value]))
      .toEqual([[1, '71'], [2, '72']]);
    const moves = await db.query('SELECT from_status, to_status FROM tranche_transitions WHERE tranche_id = $1 ORDER BY id', [f.variableTrancheId]);
    expect(moves).toEqual([{ from_status: 'OPEN', to_status: 'SUBMITTED' }, { from_status: 'OBSERVED', to_status: 'SUBMITTED' }]);
  });
});
