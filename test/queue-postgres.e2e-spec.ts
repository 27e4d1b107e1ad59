import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { HOUSEKEEPING_QUEUE, PURGE_EXPIRED_JOB } from '../src/housekeeping/housekeeping.constants.js';
import { runJob } from './support/queue-check.js';
import * as XLSX from 'xlsx';
import { bearer, createTestApp, type TestApp } from './support/test-app.js';

describe('queue on BullMQ’s PostgreSQL backend (no REDIS_URL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ REDIS_URL: '' });
  });
  afterAll(() => t.close());

  it('runs the housekeeping job end to end and purges expired keys', async () => {
    const ds = (t.app.get(getQueueToken(HOUSEKEEPING_QUEUE)) as Queue);
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    const [user] = (await client.query(`SELECT id FROM users LIMIT 1`)).rows;
    await client.query(`INSERT INTO idempotency_keys (user_id, key, method, path, expires_at) VALUES ($1, 'old-pg', 'POST', '/x', now() - interval '1 hour')`, [user.id]);
    const result = await runJob(ds, PURGE_EXPIRED_JOB);
    expect(result.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const left = await client.query(`SELECT 1 FROM idempotency_keys WHERE key = 'old-pg'`);
    expect(left.rowCount).toBe(0);
    const schema = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = 'bullmq'`);
    expect(schema.rowCount).toBe(1);
    await client.end();
  });

  it('generates an Excel report on the PostgreSQL backend, from the request to the file', async () => {
    const token = await t.login('analista@demo.tramos.pe');
    const api = (path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));
    const asked = await t.http.post('/api/v1/reports').set(bearer(token)).send({ type: 'PORTFOLIO' }).expect(202);
    const end = Date.now() + 60_000;
    let report = (await api(`/reports/${asked.body.id}`).expect(200)).body;
    while (report.status === 'QUEUED' || report.status === 'RUNNING') {
      if (Date.now() > end) throw new Error(`report still ${report.status}`);
      await new Promise((r) => setTimeout(r, 200));
      report = (await api(`/reports/${asked.body.id}`).expect(200)).body;
    }
    expect(report).toMatchObject({ status: 'DONE', progress: 100 });
    const file = await api(`/reports/${asked.body.id}/file`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(XLSX.read(file.body as Buffer).SheetNames[0]).toBe('Cartera');
  });
});
