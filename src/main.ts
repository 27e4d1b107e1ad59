import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { join } from 'node:path';
import { createHttpApp, createWorkerContext, loadDemo, prepareDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { DEMO_ENTITY_USERS, DEMO_USERS } from './demo/demo-users.js';

const say = (msg: string) => process.stdout.write(JSON.stringify({ level: 'log', time: new Date().toISOString(), context: 'Main', msg }) + '\n');

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(1);
    }
    throw e;
  }

  let embedded: EmbeddedDatabase | undefined;
  let app: INestApplicationContext | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    // The app first (workers finish, pools close), then the database under it.
    await app?.close().catch((e) => say(`while closing: ${e.message}`));
    await embedded?.stop().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const dir = join(config.dataDir, 'postgres');
    say(`DATABASE_URL is unset: starting embedded PostgreSQL in ${dir} on port ${config.embeddedPgPort}`);
    embedded = await startEmbeddedPostgres(dir, config.embeddedPgPort, say);
    databaseUrl = embedded.url;
  }
  const ran = await prepareDatabase(databaseUrl);
  if (ran.length) say(`migrations applied: ${ran.join(', ')}`);

  if (config.appRole === 'worker') {
    app = await createWorkerContext(config, databaseUrl);
    await app.init();
    say(`workers running (queue backend: ${config.queueBackend})`);
    return;
  }
  const http = await createHttpApp(config, databaseUrl);
  app = http;
  await http.init();
  const demo = await loadDemo(http);
  await http.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  say(`Tramos listening on ${base}/api/v1 — docs ${base}/docs — health ${base}/health/ready (role ${config.appRole}, queue ${config.queueBackend})`);
  if (demo === 'loaded' || demo === 'present') {
    const pw = config.demoPasswordFromEnv ? '(the DEMO_PASSWORD you set)' : config.demoPassword;
    process.stdout.write(
      `\nDemo users (password ${pw}):\n` + DEMO_USERS.map((u) => `  ${u.role.padEnd(9)} ${u.email}`).join('\n') +
        `\n  ENTITY    of the other demo entities: ${DEMO_ENTITY_USERS.map((u) => u.email.replace('@demo.tramos.pe', '')).join(', ')} (@demo.tramos.pe)\n\n`,
    );
  }
}

main().catch((e) => {
  process.stderr.write(`Tramos could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
