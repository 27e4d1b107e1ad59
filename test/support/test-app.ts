import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createHttpApp, loadDemo } from '../../src/bootstrap.js';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../src/config/app-config.js';
import { runMigrations } from '../../src/database/migrate.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  databaseUrl: string;
  /** Logs a demo (or any) user in and answers its bearer token. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real application on the run's database, demo loaded, queue on the chosen backend. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL!;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'tramos-test-')),
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'error',
    // Scheduled workflow jobs are driven by the tests themselves, never by a tick mid-test.
    SCHEDULER_CRON: '0 0 1 1 *',
    QUEUE_PREFIX: `${process.env.TEST_RUN_ID}`,
    ...env,
  });
  await runMigrations(databaseUrl); // the first app of the run migrates; later ones find nothing to do
  const app = await createHttpApp(config, databaseUrl);
  await app.init();
  await loadDemo(app);
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    databaseUrl,
    async login(email, password = DEFAULT_DEMO_PASSWORD) {
      const key = `${email}\n${password}`;
      if (tokens.has(key)) return tokens.get(key)!;
      const res = await http.post('/api/v1/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(key, res.body.accessToken);
      return res.body.accessToken;
    },
    close: () => app.close(),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
