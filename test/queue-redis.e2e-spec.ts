import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { HOUSEKEEPING_QUEUE, PURGE_EXPIRED_JOB } from '../src/housekeeping/housekeeping.constants.js';
import { runJob } from './support/queue-check.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

async function redisAnswers(url: string): Promise<string | null> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    r.disconnect();
  }
}

describe('queue on Redis (REDIS_URL)', () => {
  let t: TestApp | undefined;
  let unavailable: string | null = null;
  beforeAll(async () => {
    unavailable = await redisAnswers(REDIS_URL);
    if (unavailable) {
      // Said loudly, never silently: in CI a missing Redis fails the run.
      const msg = `Redis-backed tests did not run: no Redis at ${REDIS_URL} (${unavailable}). Start Redis or set REDIS_URL.`;
      if (process.env.CI === 'true') throw new Error(msg);
      console.warn(msg);
      return;
    }
    t = await createTestApp({ REDIS_URL });
  });
  afterAll(async () => {
    if (!t) return;
    const queue = t.app.get(getQueueToken(HOUSEKEEPING_QUEUE)) as Queue;
    await queue.obliterate({ force: true }).catch(() => {}); // leave no keys of this run behind
    await t.close();
  });

  it('runs the housekeeping job end to end on Redis, keys isolated by the run prefix', async () => {
    if (unavailable) return; // reason printed in beforeAll
    const queue = t!.app.get(getQueueToken(HOUSEKEEPING_QUEUE)) as Queue;
    const client = new pg.Client({ connectionString: t!.databaseUrl });
    await client.connect();
    const [user] = (await client.query(`SELECT id FROM users LIMIT 1`)).rows;
    await client.query(`INSERT INTO idempotency_keys (user_id, key, method, path, expires_at) VALUES ($1, 'old-redis', 'POST', '/x', now() - interval '1 hour')`, [user.id]);
    const result = await runJob(queue, PURGE_EXPIRED_JOB);
    expect(result.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const r = new Redis(REDIS_URL);
    const keys = await r.keys(`${process.env.TEST_RUN_ID}:${HOUSEKEEPING_QUEUE}:*`);
    r.disconnect();
    expect(keys.length).toBeGreaterThan(0);
    await client.end();
  });
});
