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
});
