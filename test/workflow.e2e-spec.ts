import { jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { addDays, Clock } from '../src/tranches/clock.js';
import { DeadlineSweepService } from '../src/tranches/deadline-sweep.service.js';
import { TrancheWorkflowService } from '../src/tranches/tranche-workflow.service.js';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';
import { createWorkflowFixture, submitBySql, userId, type WorkflowFixture } from './support/workflow-fixture.js';

const API = '/api/v1';

describe('verification workflow of a tranche', () => {
  let t: TestApp;
  let db: DataSource;
  let analyst: string, director: string, entity: string, verifier: string, admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [analyst, director, entity, verifier, admin] = await Promise.all(
      ['analista', 'director', 'gore.ayacucho', 'sis', 'admin'].map((u) => t.login(`${u}@demo.tramos.pe`)),
    );
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object = {}) => t.http.post(`${API}${path}`).set(bearer(token)).send(body);
  const put = (token: string, path: string, body: object) => t.http.put(`${API}${path}`).set(bearer(token)).send(body);
  const get = (token: string, path: string) => t.http.get(`${API}${path}`).set(bearer(token));
  const today = () => t.app.get(Clock).today();

  /** OPEN → SUBMITTED → IN_REVIEW through the API (the submission by SQL: another module's endpoint). */
  async function toReview(f: WorkflowFixture, trancheId: string) {
    await post(analyst, `/tranches/${trancheId}/open`).expect(200);
    await submitBySql(t, f, trancheId);
    await post(analyst, `/tranches/${trancheId}/start-review`).expect(200);
  }

  it('takes a fixed tranche from OPEN to TRANSFERRED, freezing the figures and keeping every step', async () => {
    const f = await createWorkflowFixture(db);
    const id = f.fixedTrancheId;
    const opened = await post(analyst, `/tranches/${id}/open`).expect(200);
    expect(opened.body).toMatchObject({ status: 'OPEN', kind: 'FIXED', amount: '1000000.00', agreement: { code: f.code } });
    await submitBySql(t, f, id);
    await post(entity, `/tranches/${id}/start-review`).expect(403);
    await post(analyst, `/tranches/${id}/start-review`).expect(200);

    // Nothing accepted yet: the computation is pending and verification is refused, naming what is missing.
    const pending = await post(analyst, `/tranches/${id}/verify`, { conclusions: 'Cumple' }).expect(422);
    expect(pending.body.message).toMatch(/1\.1\.1.*2\.1\.1/);
    expect(pending.body.details.map((d: { field: string }) => d.field)).toEqual(['criteria.1.1.1', 'criteria.2.1.1']);

    await put(analyst, `/tranches/${id}/accepted-values`, {
      items: [{ criterionId: f.booleanCriterionId, value: 'true' }, { criterionId: f.atLeastCriterionId, value: '79', source: 'SIGA' }],
    }).expect(200);
    const bad = await put(analyst, `/tranches/${id}/accepted-values`, {
      items: [{ indicatorId: f.indicatorId, value: '60' }, { criterionId: f.booleanCriterionId, value: 'yes' }],
    }).expect(400);
    expect(bad.body.details).toEqual(expect.arrayContaining([
      { field: 'items[0].indicatorId', problem: 'a fixed tranche takes criteria, not indicators' },
      expect.objectContaining({ field: 'items[1].value' }),
    ]));
    const corrected = await put(analyst, `/tranches/${id}/accepted-values`, { items: [{ criterionId: f.atLeastCriterionId, value: '81.5', source: 'SIGA' }] }).expect(200);
    expect(corrected.body.items).toHaveLength(2);
    const all = await get(analyst, `/tranches/${id}/accepted-values?history=true`).expect(200);
    expect(all.body.items).toHaveLength(3);
    expect(all.body.items.filter((v: { supersededAt: string | null }) => v.supersededAt)).toEqual([expect.objectContaining({ value: '79' })]);

    const live = await get(analyst, `/tranches/${id}`).expect(200);
    expect(live.body.compliance).toMatchObject({ kind: 'FIXED', basis: 'ACCEPTED', result: { status: 'MET' } });

    const verified = await post(analyst, `/tranches/${id}/verify`, { conclusions: 'La entidad cumplió.', recommendations: 'Ninguna' }).expect(200);
    expect(verified.body.status).toBe('VERIFIED');
    expect(verified.body.verification).toMatchObject({
      amount: '1000000.00', version: 1, inputHash: live.body.compliance.inputHash, conclusions: 'La entidad cumplió.',
      result: { status: 'MET', amount: '1000000.00' },
    });
    const [report] = await db.query(`SELECT id, type, status, requested_by FROM reports WHERE tranche_id = $1`, [id]);
    expect(report).toMatchObject({ type: 'FIXED_VERIFICATION', requested_by: await userId(db, 'analista@demo.tramos.pe') });
    const requested = await db.query(`SELECT payload FROM outbox WHERE event_type = 'report.requested' AND subject_id = $1`, [report.id]);
    expect(requested).toEqual([{ payload: expect.objectContaining({ reportId: report.id, trancheId: id }) }]);

    const approved = await post(director, `/tranches/${id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', approval: { amount: '1000000.00' }, transfer: { status: 'REQUESTED', requestedAmount: '1000000.00' } });

    const tooMuch = await post(director, `/tranches/${id}/transfer`, { instrument: 'D.S. N° 001-2026-EF', executedOn: today(), amount: '1000000.01' }).expect(422);
    expect(tooMuch.body.details).toEqual([{ field: 'amount', problem: 'must be at most 1000000.00' }]);
    const early = await post(director, `/tranches/${id}/transfer`, { instrument: 'D.S. N° 001-2026-EF', executedOn: '2020-01-01', amount: '1000000' }).expect(422);
    expect(early.body.details).toEqual([{ field: 'executedOn', problem: `must be ${today()} (the approval) or later` }]);
    const nothing = await post(director, `/tranches/${id}/transfer`, { instrument: 'D.S. N° 001-2026-EF', executedOn: today(), amount: '0.00' }).expect(400);
    expect(nothing.body.details).toEqual([{ field: 'amount', problem: 'must be above 0.00 and at most 1000000.00' }]);
    const done = await post(director, `/tranches/${id}/transfer`, { instrument: 'D.S. N° 001-2026-EF', executedOn: today(), amount: '1000000' }).expect(200);
    expect(done.body).toMatchObject({ status: 'TRANSFERRED', transfer: { status: 'EXECUTED', amount: '1000000.00', instrument: 'D.S. N° 001-2026-EF', executedOn: today() } });

    const wrong = await post(analyst, `/tranches/${id}/start-review`).expect(409);
    expect(wrong.body.message).toMatch(/TRANSFERRED.*IN_REVIEW/);

    const history = await get(entity, `/tranches/${id}/history`).expect(200);
    expect(history.body.items.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'SCHEDULED>OPEN', 'OPEN>SUBMITTED', 'SUBMITTED>IN_REVIEW', 'IN_REVIEW>VERIFIED', 'VERIFIED>APPROVED', 'APPROVED>TRANSFERRED',
    ]);
    expect(history.body.items[3]).toMatchObject({ by: { label: 'ANALYST:analista@demo.tramos.pe' }, reason: expect.any(String), at: expect.any(String) });
    expect(history.body.items[4].by.label).toBe('APPROVER:director@demo.tramos.pe');
  });

  it('lets the verifier record indicator values and freezes the variable tranche against neutralisation', async () => {
    const f = await createWorkflowFixture(db);
    const id = f.variableTrancheId;
    await toReview(f, id);
    const wrongKind = await put(verifier, `/tranches/${id}/accepted-values`, { items: [{ criterionId: f.booleanCriterionId, value: 'true' }] }).expect(400);
    expect(wrongKind.body.details[0]).toEqual({ field: 'items[0].criterionId', problem: 'a variable tranche takes indicators, not criteria' });
    await put(verifier, `/tranches/${id}/accepted-values`, { items: [{ indicatorId: f.indicatorId, value: '65', source: 'SIS' }] }).expect(200);
    // progress (65 − 50) / (70 − 50) = 0.75 of 2,000,000.00
    const verified = await post(analyst, `/tranches/${id}/verify`, { conclusions: 'Meta alcanzada al 75 %' }).expect(200);
    expect(verified.body.verification.amount).toBe('1500000.00');
    const [report] = await db.query(`SELECT type FROM reports WHERE tranche_id = $1`, [id]);
    expect(report.type).toBe('VARIABLE_VERIFICATION');
    const late = await post(director, `/indicators/${f.indicatorId}/neutralise`, { periodId: f.periodId, reason: 'Sin datos' }).expect(409);
    expect(late.body.message).toMatch(/VERIFIED/);
    await put(verifier, `/tranches/${id}/accepted-values`, { items: [{ indicatorId: f.indicatorId, value: '70' }] }).expect(409);
  });

  it('neutralises an indicator before verification, once, by an approver only', async () => {
    const f = await createWorkflowFixture(db);
    const body = { periodId: f.periodId, reason: 'INEI no publicó la encuesta (fuerza mayor)' };
    await post(analyst, `/indicators/${f.indicatorId}/neutralise`, body).expect(403);
    const n = await post(director, `/indicators/${f.indicatorId}/neutralise`, body).expect(201);
    expect(n.body).toMatchObject({ indicatorId: f.indicatorId, periodId: f.periodId, reason: body.reason });
    await post(director, `/indicators/${f.indicatorId}/neutralise`, body).expect(409);
    const audit = await db.query(`SELECT action FROM audit_log WHERE subject_type = 'Indicator' AND subject_id = $1`, [f.indicatorId]);
    expect(audit).toEqual([{ action: 'indicator.neutralised' }]);
  });

  it('runs an observation round: deadline, the entity’s answer, resubmission and a new review', async () => {
    const f = await createWorkflowFixture(db, { correctionDays: 10 });
    const id = f.fixedTrancheId;
    await toReview(f, id);
    await post(entity, `/tranches/${id}/observations`, { items: [{ text: 'x' }] }).expect(403);
    const obs = await post(analyst, `/tranches/${id}/observations`, {
      items: [{ criterionId: f.atLeastCriterionId, text: 'El reporte del SIGA no sustenta el 85 %.' }, { text: 'Falta el acta firmada.' }],
    }).expect(201);
    expect(obs.body).toHaveLength(2);
    const deadline = addDays(today(), 10);
    expect(obs.body[0]).toMatchObject({ criterionId: f.atLeastCriterionId, deadline });
    const observed = await get(entity, `/tranches/${id}`).expect(200);
    expect(observed.body).toMatchObject({ status: 'OBSERVED', correctionDeadline: deadline });
    expect(observed.body.observations).toHaveLength(2);

    await post(analyst, `/tranches/${id}/start-review`).expect(409);
    await post(analyst, `/observations/${obs.body[0].id}/answer`, { answer: 'no' }).expect(403);
    const answered = await post(entity, `/observations/${obs.body[0].id}/answer`, { answer: 'Se adjunta el reporte corregido.' }).expect(200);
    expect(answered.body).toMatchObject({ answer: 'Se adjunta el reporte corregido.', answeredBy: await userId(db, 'gore.ayacucho@demo.tramos.pe') });

    await submitBySql(t, f, id); // OBSERVED → SUBMITTED: the entity resubmits
    await post(entity, `/observations/${obs.body[1].id}/answer`, { answer: 'tarde' }).expect(409);
    await post(analyst, `/tranches/${id}/start-review`).expect(200);
    const list = await get(analyst, `/tranches/${id}/observations`).expect(200);
    expect(list.body).toMatchObject({ total: 2, items: [{ answer: 'Se adjunta el reporte corregido.' }, { answer: null }] });
    const history = await get(analyst, `/tranches/${id}/history`).expect(200);
    expect(history.body.items.map((h: { to: string }) => h.to)).toEqual(['OPEN', 'SUBMITTED', 'IN_REVIEW', 'OBSERVED', 'SUBMITTED', 'IN_REVIEW']);
    await post(analyst, `/tranches/${id}/observations`, { deadline: addDays(today(), -1), items: [{ text: 'x' }] }).expect(400);
  });

  it('cancels the balance once when the correction deadline passes (art. 17.7), even with two sweeps at once', async () => {
    const allOrNothing = await createWorkflowFixture(db);
    const perProcess = await createWorkflowFixture(db, { rule: 'PER_PROCESS' });
    const notYet = await createWorkflowFixture(db);
    for (const [f, values] of [[allOrNothing, ['true', '60']], [perProcess, ['true', '60']], [notYet, ['false', '60']]] as const) {
      await toReview(f, f.fixedTrancheId);
      await put(analyst, `/tranches/${f.fixedTrancheId}/accepted-values`, {
        items: [{ criterionId: f.booleanCriterionId, value: values[0] }, { criterionId: f.atLeastCriterionId, value: values[1] }],
      }).expect(200);
    }
    const observe = (f: WorkflowFixture, deadline: string) =>
      post(analyst, `/tranches/${f.fixedTrancheId}/observations`, { deadline, items: [{ criterionId: f.atLeastCriterionId, text: 'No alcanza el 80 %.' }] }).expect(201);
    await observe(allOrNothing, today());
    await observe(perProcess, today());
    await observe(notYet, addDays(today(), 5));

    const clock = t.app.get(Clock);
    const sweep = t.app.get(DeadlineSweepService);
    // Still within the deadline (the last day counts): nothing happens.
    expect((await sweep.runDeadlineSweep(today())).cancelled.map((c) => c.trancheId)).not.toContain(allOrNothing.fixedTrancheId);

    const realToday = today();
    const twoDaysLater = new Date(clock.now().getTime() + 2 * 86_400_000);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(twoDaysLater);
    try {
      const runs = await Promise.all([sweep.runDeadlineSweep(), sweep.runDeadlineSweep()]);
      const cancelled = runs.flatMap((r) => r.cancelled);
      const mine = (f: WorkflowFixture) => cancelled.filter((c) => c.trancheId === f.fixedTrancheId);
      expect(mine(allOrNothing)).toEqual([{ trancheId: allOrNothing.fixedTrancheId, cancelledAmount: '1000000.00' }]);
      // PER_PROCESS: process 1 is met and keeps its half; process 2's half is the balance cancelled.
      expect(mine(perProcess)).toEqual([{ trancheId: perProcess.fixedTrancheId, cancelledAmount: '500000.00' }]);
      expect(mine(notYet)).toEqual([]);
      expect(runs.map((r) => r.today)).toEqual([addDays(realToday, 2), addDays(realToday, 2)]);
    } finally {
      spy.mockRestore();
    }
    const view = await get(entity, `/tranches/${allOrNothing.fixedTrancheId}`).expect(200);
    expect(view.body.status).toBe('CANCELLED');
    expect(view.body.cancellation).toMatchObject({ amount: '1000000.00', reason: expect.stringMatching(/^Art\. 17\.7 .*2\.1\.1/) });
    const events = await db.query(`SELECT payload FROM outbox WHERE event_type = 'tranche.cancelled' AND subject_id = $1`, [allOrNothing.fixedTrancheId]);
    expect(events).toEqual([{ payload: expect.objectContaining({ cancelledAmount: '1000000.00', from: 'OBSERVED', to: 'CANCELLED' }) }]);
    const history = await get(analyst, `/tranches/${allOrNothing.fixedTrancheId}/history`).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({ from: 'OBSERVED', to: 'CANCELLED', by: { id: null, label: 'system:deadline-sweep' } });
    expect((await get(analyst, `/tranches/${notYet.fixedTrancheId}`).expect(200)).body.status).toBe('OBSERVED');
  });

  it('four eyes: the approver who verified a tranche may not approve it', async () => {
    const f = await createWorkflowFixture(db);
    const id = f.fixedTrancheId;
    const directorId = await userId(db, 'director@demo.tramos.pe');
    await db.query(
      `UPDATE tranches SET status = 'VERIFIED', verified_by = $2, verified_at = now(), verified_amount = 1000000, verified_version = 1 WHERE id = $1`,
      [id, directorId],
    );
    const refused = await post(director, `/tranches/${id}/approve`).expect(403);
    expect(refused.body.message).toMatch(/Four eyes/);
    const email = `director2.${Date.now()}@mef.gob.pe`;
    await post(admin, '/users', { email, name: 'Directora Adjunta', role: 'APPROVER', password: 'long-enough-password' }).expect(201);
    const other = await t.login(email, 'long-enough-password');
    const ok = await post(other, `/tranches/${id}/approve`).expect(200);
    expect(ok.body.approval).toMatchObject({ by: await userId(db, email), amount: '1000000.00' });
  });

  it('lets an approver cancel with a reason, in the states the workflow allows', async () => {
    const f = await createWorkflowFixture(db);
    const id = f.fixedTrancheId;
    await post(analyst, `/tranches/${id}/open`).expect(200);
    await post(analyst, `/tranches/${id}/cancel`, { reason: 'Renuncia de la entidad' }).expect(403);
    const res = await post(director, `/tranches/${id}/cancel`, { reason: 'Renuncia de la entidad' }).expect(200);
    expect(res.body).toMatchObject({ status: 'CANCELLED', cancellation: { amount: '1000000.00', reason: 'Renuncia de la entidad' } });
    const again = await post(director, `/tranches/${id}/cancel`, { reason: 'otra vez' }).expect(409);
    expect(again.body.details).toEqual([{ field: 'status', problem: 'current CANCELLED, requested CANCELLED' }]);
  });

  it('lets one of two simultaneous actions win; the other gets 409', async () => {
    const f = await createWorkflowFixture(db);
    await post(analyst, `/tranches/${f.fixedTrancheId}/open`).expect(200);
    await submitBySql(t, f, f.fixedTrancheId);
    const answers = await Promise.all([1, 2, 3].map(() => post(analyst, `/tranches/${f.fixedTrancheId}/start-review`)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('accepts what the entity reported in one call, keeping the values the reviewer already set', async () => {
    const [review] = await db.query(
      `SELECT t.id FROM tranches t JOIN agreements a ON a.id = t.agreement_id WHERE a.code = 'CAP-2012-RENIEC' AND t.status = 'IN_REVIEW' AND t.kind = 'FIXED'`,
    );
    const reported = (await get(analyst, `/tranches/${review.id}/measurements`).expect(200)).body.items as { criterionId: string; value: string }[];
    expect(reported.length).toBeGreaterThan(1);
    const own = { criterionId: reported[0]!.criterionId, value: reported[0]!.value === 'true' ? 'false' : '0', source: 'Revisión documental' };
    await put(analyst, `/tranches/${review.id}/accepted-values`, { items: [own] }).expect(200);
    const entity = await t.login('gore.ayacucho@demo.tramos.pe');
    await post(entity, `/tranches/${review.id}/accepted-values/from-reported`).expect(403);
    const accepted = await post(analyst, `/tranches/${review.id}/accepted-values/from-reported`).expect(200);
    expect(accepted.body.items).toHaveLength(reported.length);
    const byCriterion = new Map(accepted.body.items.map((a: { criterionId: string }) => [a.criterionId, a]));
    expect(byCriterion.get(own.criterionId)).toMatchObject({ value: own.value, source: 'Revisión documental' });
    for (const m of reported.slice(1)) {
      expect(byCriterion.get(m.criterionId)).toMatchObject({ value: m.value, source: 'Aceptado según lo reportado por la entidad' });
    }
    const audits = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'tranche.accepted-values'`, [review.id]))[0].n;
    const before = await audits();
    await post(analyst, `/tranches/${review.id}/accepted-values/from-reported`).expect(200);
    expect(await audits()).toBe(before);
  });

  it('lists an entity’s tranches across its agreements: what waits for its report', async () => {
    const entity = await t.login('gore.ayacucho@demo.tramos.pe');
    const open = await get(entity, '/tranches?status=OPEN&pageSize=100').expect(200);
    expect(open.body.total).toBeGreaterThan(0);
    expect(open.body.items.every((x: { status: string; agreement: { entity: { code: string } } }) => x.status === 'OPEN' && x.agreement.entity.code === 'GORE-AYA')).toBe(true);
    expect(open.body.items[0]).toMatchObject({ id: expect.any(String), kind: expect.stringMatching(/^(FIXED|VARIABLE)$/), amount: expect.stringMatching(/^\d+\.\d{2}$/), period: { code: expect.any(String) } });
    const bad = await get(entity, '/tranches?status=LOST').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['status']);
  });

  it('opens tranches while their period runs (scheduled job), a late one by hand, and only while the agreement is in force', async () => {
    const f = await createWorkflowFixture(db, { periodStartsOn: '2030-03-01' });
    const workflow = t.app.get(TrancheWorkflowService);
    expect((await workflow.openDueTranches('2030-02-28')).opened).not.toContain(f.fixedTrancheId);
    const run = await workflow.openDueTranches('2030-03-01');
    expect(run.opened).toEqual(expect.arrayContaining([f.fixedTrancheId, f.variableTrancheId]));
    const history = await get(analyst, `/tranches/${f.variableTrancheId}/history`).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ from: 'SCHEDULED', to: 'OPEN', by: { id: null, label: 'system:open-due-tranches' } })]);

    const late = await createWorkflowFixture(db, { periodStartsOn: '2030-03-01' });
    expect((await workflow.openDueTranches('2031-01-01')).opened).not.toContain(late.fixedTrancheId);
    await post(analyst, `/tranches/${late.fixedTrancheId}/open`).expect(200);

    const draft = await createWorkflowFixture(db);
    await db.query(`UPDATE agreements SET status = 'DRAFT' WHERE id = $1`, [draft.agreementId]);
    await post(analyst, `/tranches/${draft.fixedTrancheId}/open`).expect(422);
  });

  it('answers 404 for tranches the caller may not see', async () => {
    const f = await createWorkflowFixture(db);
    await db.query(`DELETE FROM agreement_analysts WHERE agreement_id = $1`, [f.agreementId]);
    await get(analyst, `/tranches/${f.fixedTrancheId}`).expect(404);
    await post(analyst, `/tranches/${f.fixedTrancheId}/open`).expect(404);
    const ue = await t.login('ue@demo.tramos.pe');
    await get(ue, `/tranches/${f.fixedTrancheId}`).expect(200);
  });
});
