import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  accept,
  type ComplianceFixture,
  createComplianceFixture,
  DISTRICTS,
  markVerified,
  neutralise,
  report,
  rowCounts,
} from './support/compliance-fixture.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

type Line = { code: string; status: string; amount: string; allocated: string; effectiveWeight: string; carriedIn: string; carriedOver: string; [k: string]: unknown };
const line = (body: any, code: string): Line => body.result.lines.find((l: Line) => l.code === code);

describe('tranche compliance: the engine fed from the agreement’s data', () => {
  let t: TestApp;
  let db: DataSource;
  let analyst: string;
  const allMet = (f: ComplianceFixture): [string, string][] => [[f.criteria['1.1.1'], 'true'], [f.criteria['1.1.2'], '85'], [f.criteria['2.1.1'], '5']];
  const compliance = (trancheId: string, token = analyst, query = '') =>
    t.http.get(`/api/v1/tranches/${trancheId}/compliance${query}`).set(bearer(token));
  const simulate = (agreementId: string, body: object, token = analyst) =>
    t.http.post(`/api/v1/agreements/${agreementId}/simulate`).set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    analyst = await t.login('analista@demo.tramos.pe');
  });
  afterAll(() => t.close());

  describe('fixed tranche', () => {
    it('pays the whole tranche when every criterion with a level in the period is met', async () => {
      const f = await createComplianceFixture(db);
      await accept(db, f.fixedTrancheId, allMet(f));
      const res = await compliance(f.fixedTrancheId).expect(200);
      expect(res.body).toMatchObject({
        trancheId: f.fixedTrancheId, agreementId: f.agreementId, kind: 'FIXED', agreementVersion: 1, basis: 'ACCEPTED',
        amount: '500000.00', live: true, frozen: null,
      });
      expect(res.body.result).toMatchObject({ status: 'MET', rule: 'ALL_OR_NOTHING', amount: '500000.00', unpaid: '0.00', compliancePct: '100.00' });
      // 3.1.1 has no level in this period: it does not count in it.
      const criteria = res.body.result.processes.flatMap((p: any) => p.subprocesses.flatMap((s: any) => s.criteria));
      expect(criteria.map((c: any) => c.code)).toEqual(['1.1.1', '1.1.2', '2.1.1']);
      expect(criteria[0]).toMatchObject({ kind: 'BOOLEAN', requiredLevel: true, acceptedValue: true, status: 'MET' });
      // The entity sees its own tranche's computation too.
      await compliance(f.fixedTrancheId, await t.login('gore.ayacucho@demo.tramos.pe')).expect(200);
    });

    it('pays nothing when one criterion is not met, and names it as blocking', async () => {
      const f = await createComplianceFixture(db);
      await accept(db, f.fixedTrancheId, allMet(f));
      await accept(db, f.fixedTrancheId, [[f.criteria['1.1.2'], '70']]);
      const res = await compliance(f.fixedTrancheId).expect(200);
      expect(res.body.amount).toBe('0.00');
      expect(res.body.result).toMatchObject({ status: 'NOT_MET', amount: '0.00', unpaid: '500000.00' });
      expect(res.body.result.blockingCriteria).toEqual([
        expect.objectContaining({ id: f.criteria['1.1.2'], code: '1.1.2', processCode: '1', subprocessCode: '1.1' }),
      ]);
    });

    it('is pending without values, computes on reported values until the verifier accepts any', async () => {
      const f = await createComplianceFixture(db);
      const none = await compliance(f.fixedTrancheId).expect(200);
      expect(none.body).toMatchObject({ basis: 'REPORTED', amount: '0.00', result: { status: 'PENDING', unpaid: null } });
      expect(none.body.result.pendingCriteria).toHaveLength(3);

      await report(db, f.fixedTrancheId, allMet(f));
      const reported = await compliance(f.fixedTrancheId).expect(200);
      expect(reported.body).toMatchObject({ basis: 'REPORTED', amount: '500000.00', result: { status: 'MET' } });
      const onAccepted = await compliance(f.fixedTrancheId, analyst, '?basis=ACCEPTED').expect(200);
      expect(onAccepted.body).toMatchObject({ basis: 'ACCEPTED', amount: '0.00', result: { status: 'PENDING' } });

      await accept(db, f.fixedTrancheId, [[f.criteria['1.1.1'], 'true'], [f.criteria['1.1.2'], '85']]);
      const partly = await compliance(f.fixedTrancheId).expect(200);
      expect(partly.body).toMatchObject({ basis: 'ACCEPTED', amount: '0.00', result: { status: 'PENDING' } });
      expect(partly.body.result.pendingCriteria).toEqual([f.criteria['2.1.1']]);
      await compliance(f.fixedTrancheId, analyst, '?basis=SOMETIMES').expect(400);
    });
  });

  describe('variable tranche', () => {
    it('pays each indicator its weight × score: 600,000.00 met + 200,000.00 at half progress', async () => {
      const f = await createComplianceFixture(db);
      await accept(db, f.variableTrancheIds[0], [[f.indicators['IND-01'], '82'], [f.indicators['IND-02'], '60']]);
      const res = await compliance(f.variableTrancheIds[0]).expect(200);
      expect(res.body).toMatchObject({ kind: 'VARIABLE', basis: 'ACCEPTED', amount: '800000.00' });
      expect(res.body.result).toMatchObject({ status: 'COMPUTED', trancheAmount: '1000000.00', amount: '800000.00', released: '200000.00', carriedOver: '0.00' });
      expect(line(res.body, 'IND-01')).toMatchObject({ baseline: '60', target: '80', achieved: '82', score: '1.0000', allocated: '600000.00', amount: '600000.00' });
      expect(line(res.body, 'IND-02')).toMatchObject({ progress: '0.5000', score: '0.5000', allocated: '400000.00', amount: '200000.00' });
    });

    it('shares a neutralised indicator’s weight out among the others', async () => {
      const f = await createComplianceFixture(db);
      await accept(db, f.variableTrancheIds[0], [[f.indicators['IND-01'], '82']]);
      await neutralise(db, f.indicators['IND-02'], f.periodIds[0], 'ENDES no publicó el dato del año');
      const res = await compliance(f.variableTrancheIds[0]).expect(200);
      expect(res.body.amount).toBe('1000000.00');
      expect(line(res.body, 'IND-01')).toMatchObject({ effectiveWeight: '1.0000', allocated: '1000000.00', amount: '1000000.00' });
      expect(line(res.body, 'IND-02')).toMatchObject({ status: 'NEUTRALISED', neutralised: true, amount: '0.00' });
    });

    it('carries the unpaid part of an indicator over to the next period when the agreement allows it', async () => {
      const f = await createComplianceFixture(db, { allowCarryOver: true });
      const [v1, v2] = f.variableTrancheIds;
      await accept(db, v2, [[f.indicators['IND-01'], '95'], [f.indicators['IND-02'], '80']]);
      // What the second period receives is not known while the first is pending.
      expect((await compliance(v2).expect(200)).body.result.status).toBe('PENDING');

      await accept(db, v1, [[f.indicators['IND-01'], '82'], [f.indicators['IND-02'], '60']]);
      const first = await compliance(v1).expect(200);
      expect(first.body.result).toMatchObject({ amount: '800000.00', carriedOver: '200000.00', released: '0.00', isLastPeriod: false });
      expect(line(first.body, 'IND-02').carriedOver).toBe('200000.00');

      const second = await compliance(v2).expect(200);
      expect(second.body).toMatchObject({ amount: '1200000.00', result: { carriedIn: '200000.00', isLastPeriod: true } });
      expect(line(second.body, 'IND-02')).toMatchObject({ carriedIn: '200000.00', allocated: '600000.00', amount: '600000.00' });
      expect(line(second.body, 'IND-01')).toMatchObject({ carriedIn: '0.00', amount: '600000.00' });
    });

    it('takes the mean of district targets and district values when an indicator only has district targets', async () => {
      const f = await createComplianceFixture(db, { districtTargets: true });
      const v1 = f.variableTrancheIds[0];
      await accept(db, v1, [[f.indicators['IND-01'], '82'], [f.indicators['IND-02'], '55', DISTRICTS[0]]]);
      const half = await compliance(v1).expect(200);
      expect(half.body.result.status).toBe('PENDING');
      expect(half.body.result.pendingIndicators).toEqual([f.indicators['IND-02']]);

      await accept(db, v1, [[f.indicators['IND-02'], '65', DISTRICTS[1]]]);
      const res = await compliance(v1).expect(200);
      expect(line(res.body, 'IND-02')).toMatchObject({ target: '70', achieved: '60', progress: '0.5000', amount: '200000.00' });
      expect(res.body.amount).toBe('800000.00');
    });

    it('answers 422 with the engine’s problems when the agreement’s data cannot be computed', async () => {
      const f = await createComplianceFixture(db, { secondWeight: '0.5' });
      const res = await compliance(f.variableTrancheIds[0]).expect(422);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'indicators', problem: expect.stringContaining('1.1') })]);
    });
  });

  describe('simulation', () => {
    it('answers what a period would pay with other values, and stores nothing', async () => {
      const f = await createComplianceFixture(db);
      const [p1] = f.periodIds;
      await accept(db, f.variableTrancheIds[0], [[f.indicators['IND-01'], '82'], [f.indicators['IND-02'], '60']]);
      const before = await rowCounts(db, f.agreementId);

      const met = await simulate(f.agreementId, { periodId: p1, values: { 'IND-02': '70' } }).expect(200);
      expect(met.body).toMatchObject({ simulated: true, trancheId: f.variableTrancheIds[0], amount: '1000000.00' });
      expect(line(met.body, 'IND-02')).toMatchObject({ achieved: '70', amount: '400000.00' });

      const neutral = await simulate(f.agreementId, { periodId: p1, values: {}, neutralise: ['IND-01'] }).expect(200);
      expect(neutral.body.amount).toBe('500000.00');
      expect(line(neutral.body, 'IND-01').status).toBe('NEUTRALISED');

      expect(await rowCounts(db, f.agreementId)).toEqual(before);
      expect((await compliance(f.variableTrancheIds[0]).expect(200)).body.amount).toBe('800000.00');
    });

    it('names unknown indicators and bad values, and refuses periods of other agreements', async () => {
      const f = await createComplianceFixture(db);
      const other = await createComplianceFixture(db);
      const bad = await simulate(f.agreementId, { periodId: f.periodIds[0], values: { NOPE: '1', 'IND-02': '7e1' }, neutralise: ['GONE'] }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['neutralise[0]', 'values.IND-02', 'values.NOPE']);
      await simulate(f.agreementId, { periodId: other.periodIds[0], values: {} }).expect(404);
      await simulate(f.agreementId, { periodId: randomUUID(), values: {} }).expect(404);
      await simulate(f.agreementId, { periodId: f.periodIds[0], values: {}, extra: 1 }).expect(400);
    });
  });

  it('answers 404 to another entity’s user, for the tranche and for the simulation', async () => {
    const f = await createComplianceFixture(db);
    const admin = await t.login('admin@demo.tramos.pe');
    const sfx = randomBytes(3).toString('hex').toUpperCase();
    const entity = await t.http.post('/api/v1/entities').set(bearer(admin)).send({ code: `OTRA-${sfx}`, name: 'Otra entidad', kind: 'OTHER' }).expect(201);
    const email = `otra-${sfx.toLowerCase()}@prueba.pe`;
    await t.http.post('/api/v1/users').set(bearer(admin))
      .send({ email, name: 'Otra entidad', role: 'ENTITY', entityId: entity.body.id, password: 'Clave-de-prueba-123' }).expect(201);
    const stranger = await t.login(email, 'Clave-de-prueba-123');
    await compliance(f.fixedTrancheId, stranger).expect(404);
    await simulate(f.agreementId, { periodId: f.periodIds[0], values: {} }, stranger).expect(404);
  });

  it('keeps the input hash while nothing changes and changes it with a value', async () => {
    const f = await createComplianceFixture(db);
    await accept(db, f.fixedTrancheId, allMet(f));
    const a = await compliance(f.fixedTrancheId).expect(200);
    const b = await compliance(f.fixedTrancheId).expect(200);
    expect(a.body.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.body.inputHash).toBe(a.body.inputHash);
    expect(a.body.result.inputHash).toBe(a.body.inputHash);
    await accept(db, f.fixedTrancheId, [[f.criteria['1.1.2'], '86']]);
    const c = await compliance(f.fixedTrancheId).expect(200);
    expect(c.body.inputHash).not.toBe(a.body.inputHash);
    expect(c.body.amount).toBe('500000.00');
  });

  it('shows the frozen figures beside the live ones once the tranche is verified', async () => {
    const f = await createComplianceFixture(db);
    await accept(db, f.fixedTrancheId, allMet(f));
    const live = await compliance(f.fixedTrancheId).expect(200);
    await markVerified(db, f.fixedTrancheId, { result: live.body.result, inputHash: live.body.inputHash, amount: live.body.amount, version: 1 });
    await accept(db, f.fixedTrancheId, [[f.criteria['2.1.1'], '12']]);
    const res = await compliance(f.fixedTrancheId).expect(200);
    expect(res.body).toMatchObject({ live: true, amount: '0.00', result: { status: 'NOT_MET' } });
    expect(res.body.frozen).toMatchObject({ agreementVersion: 1, inputHash: live.body.inputHash, amount: '500000.00', result: { status: 'MET' } });
  });

  it('documents both endpoints with examples in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const live = doc.paths['/api/v1/tranches/{id}/compliance'].get;
    const sim = doc.paths['/api/v1/agreements/{id}/simulate'].post;
    const json = (op: any) => op.responses['200'].content['application/json'];
    expect(json(live).example).toMatchObject({ live: true, kind: 'VARIABLE' });
    expect(json(sim).example).toMatchObject({ simulated: true });
    expect([json(live).schema.$ref, json(sim).schema.$ref]).toEqual([expect.stringContaining('LiveCompliance'), expect.stringContaining('Simulation')]);
    expect(sim.requestBody).toBeDefined();
  });
});
