import pg from 'pg';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

describe('demo data', () => {
  let t: TestApp;
  let db: pg.Client;
  beforeAll(async () => {
    t = await createTestApp();
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('shows a donor its programmes’ agreements and every transferred tranche with its transfer', async () => {
    const ue = await t.login('ue@demo.tramos.pe');
    const list = await t.http.get('/api/v1/agreements?pageSize=100').set(bearer(ue)).expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(5);
    const missing = await db.query(
      `SELECT t.id FROM tranches t JOIN agreements a ON a.id = t.agreement_id
       LEFT JOIN transfers tr ON tr.tranche_id = t.id
       WHERE a.illustrative AND t.status IN ('APPROVED','TRANSFERRED') AND tr.id IS NULL`,
    );
    expect(missing.rowCount).toBe(0);
    const executed = await db.query(`SELECT count(*)::int AS n FROM transfers WHERE status = 'EXECUTED' AND amount <= requested_amount`);
    expect(executed.rows[0].n).toBeGreaterThan(0);
    // The story holds together in time: verified, then approved, then sent.
    const outOfOrder = await db.query(
      `SELECT t.id FROM transfers tr JOIN tranches t ON t.id = tr.tranche_id JOIN agreements a ON a.id = t.agreement_id
       WHERE a.illustrative AND tr.status = 'EXECUTED' AND NOT (t.verified_at <= t.approved_at AND t.approved_at::date <= tr.executed_on)`,
    );
    expect(outOfOrder.rows).toEqual([]);
  });

  it('gives every observed demo tranche an observation with a deadline', async () => {
    const res = await db.query(
      `SELECT t.id FROM tranches t JOIN agreements a ON a.id = t.agreement_id
       WHERE a.illustrative AND t.status = 'OBSERVED' AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.tranche_id = t.id)`,
    );
    expect(res.rowCount).toBe(0);
    const any = await db.query(`SELECT count(*)::int AS n FROM observations o JOIN tranches t ON t.id = o.tranche_id WHERE t.status = 'OBSERVED'`);
    expect(any.rows[0].n).toBeGreaterThan(0);
  });

  it('verifies its VERIFIED, APPROVED and TRANSFERRED tranches with the engine, and their reports reach the donor', async () => {
    const frozen = await db.query(
      `SELECT t.id, t.kind, t.verified_amount::text AS verified, t.approved_amount::text AS approved, t.status,
         t.verified_result->>'amount' AS engine_amount, t.verified_input_hash, tr.requested_amount::text AS requested
       FROM tranches t JOIN agreements a ON a.id = t.agreement_id LEFT JOIN transfers tr ON tr.tranche_id = t.id
       WHERE a.illustrative AND t.status IN ('VERIFIED', 'APPROVED', 'TRANSFERRED')`,
    );
    expect(frozen.rowCount).toBeGreaterThan(0);
    expect(new Set(frozen.rows.map((r) => r.kind))).toEqual(new Set(['FIXED', 'VARIABLE']));
    for (const r of frozen.rows) {
      expect(r.verified_input_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.engine_amount).toBe(r.verified);
      if (r.status !== 'VERIFIED') expect([r.approved, r.requested]).toEqual([r.verified, r.verified]);
    }
    // A partial variable payment: the demo's goals end 90 % of the way to their targets.
    expect(frozen.rows.some((r) => r.kind === 'VARIABLE' && r.engine_amount !== '0.00')).toBe(true);

    const ue = await t.login('ue@demo.tramos.pe');
    const visible = await t.http.get('/api/v1/reports?status=DONE&pageSize=100').set(bearer(ue)).expect(200);
    const end = Date.now() + 60_000;
    let reports = visible.body.items;
    while (!reports.length) {
      if (Date.now() > end) throw new Error('no demo report became DONE for the donor');
      await new Promise((r) => setTimeout(r, 250));
      reports = (await t.http.get('/api/v1/reports?status=DONE&pageSize=100').set(bearer(ue)).expect(200)).body.items;
    }
    // Each test app keeps files in a data folder of its own, so the donor asks for a copy here.
    const copy = await t.http.post('/api/v1/reports').set(bearer(ue)).send({ type: reports[0].type, trancheId: reports[0].trancheId }).expect(202);
    for (let status = 'QUEUED'; status !== 'DONE'; ) {
      if (Date.now() > end || status === 'FAILED') throw new Error(`the donor's report is ${status}`);
      await new Promise((r) => setTimeout(r, 250));
      status = (await t.http.get(`/api/v1/reports/${copy.body.id}`).set(bearer(ue)).expect(200)).body.status;
    }
    await t.http.get(`/api/v1/reports/${copy.body.id}/file`).set(bearer(ue)).expect(200)
      .expect('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const queued = await db.query(
      `SELECT count(*)::int AS n FROM tranches t JOIN agreements a ON a.id = t.agreement_id
       WHERE a.illustrative AND t.status IN ('VERIFIED', 'APPROVED', 'TRANSFERRED')
         AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.tranche_id = t.id)`,
    );
    expect(queued.rows[0].n).toBe(0);
  });

  it('gives every tranche already reported on its entity’s values and informe de cumplimiento, visible to analyst and entity', async () => {
    const lacking = await db.query(
      `SELECT t.id, t.status FROM tranches t JOIN agreements a ON a.id = t.agreement_id
       WHERE a.illustrative AND t.status NOT IN ('SCHEDULED', 'OPEN')
         AND (NOT EXISTS (SELECT 1 FROM submissions s WHERE s.tranche_id = t.id)
              OR NOT EXISTS (SELECT 1 FROM measurements m WHERE m.tranche_id = t.id))`,
    );
    expect(lacking.rows).toEqual([]);
    const [review] = (await db.query(
      `SELECT t.id FROM tranches t JOIN agreements a ON a.id = t.agreement_id WHERE a.code = 'CAP-2012-RENIEC' AND t.status = 'IN_REVIEW'`,
    )).rows;
    const analyst = await t.login('analista@demo.tramos.pe');
    const reniec = await t.login('reniec@demo.tramos.pe');
    for (const token of [analyst, reniec]) {
      const submissions = await t.http.get(`/api/v1/tranches/${review.id}/submissions`).set(bearer(token)).expect(200);
      expect(submissions.body.items).toHaveLength(1);
      expect(submissions.body.items[0].snapshot.measurements.length).toBeGreaterThan(0);
      const values = await t.http.get(`/api/v1/tranches/${review.id}/measurements`).set(bearer(token)).expect(200);
      expect(values.body.total).toBe(submissions.body.items[0].snapshot.measurements.length);
    }
    // The cancelled tranche (art. 17.7) really fell short: its live compliance on what was reported is not met.
    const [cancelled] = (await db.query(
      `SELECT t.id FROM tranches t JOIN agreements a ON a.id = t.agreement_id WHERE a.illustrative AND t.status = 'CANCELLED' AND t.kind = 'FIXED' LIMIT 1`,
    )).rows;
    const live = await t.http.get(`/api/v1/tranches/${cancelled.id}/compliance`).set(bearer(analyst)).expect(200);
    expect(live.body.result.status).toBe('NOT_MET');
  });
});
