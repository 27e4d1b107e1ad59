import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { HOUSEKEEPING_QUEUE, PURGE_EXPIRED_JOB } from '../src/housekeeping/housekeeping.constants.js';
import { runJob } from './support/queue-check.js';
import { createTestApp, type TestApp } from './support/test-app.js';

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
});
