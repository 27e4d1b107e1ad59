import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createHttpApp, loadDemo } from '../../src/bootstrap.js';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../src/config/app-config.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import { insertTrancheFixture } from '../../test/support/tranche-fixture.js';
import type { BenchRow } from './compliance.bench.js';

const SUITE = 'evidence';
const MB = 1024 * 1024;
const UPLOAD_BYTES = 100 * MB;

/**
 * Uploads 100 MB of evidence through the real HTTP stack (multipart, auth, streaming to disk,
 * SHA-256, type check, content-addressed store) and downloads it back (hash first, then send),
 * sampling the process's RSS every few milliseconds. Client and server share the process, so
 * the growth over the baseline bounds what both hold: it must stay near the stream buffers,
 * nowhere near the file's 100 MB.
 */
export async function evidenceBench(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tramos-bench-evidence-'));
  const database = await benchDatabase(dataDir);
  try {
    await runMigrations(database.url);
    const config = loadConfig({
      NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '100000',
      EVIDENCE_MAX_BYTES: String(UPLOAD_BYTES + MB), QUEUE_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    });
    const app = await createHttpApp(config, database.url);
    await app.listen(0, '127.0.0.1');
    try {
      await loadDemo(app);
      const fixture = await insertTrancheFixture(app.get(DataSource), 'GORE-AYA');
      const port = (app.getHttpServer().address() as AddressInfo).port;
      const token = await login(port, 'gore.ayacucho@demo.tramos.pe');
      const target = { port, token, trancheId: fixture.fixedTrancheId, criterionId: fixture.booleanCriterionId };

      await upload(target, 256 * 1024); // warm up every code path before the baseline
      settle();
      const small = await sampled(() => upload(target, UPLOAD_BYTES / 10));
      settle();
      const up = await sampled(() => upload(target, UPLOAD_BYTES));
      settle();
      const down = await sampled(() => download(port, token, up.result));
      return [
        row('upload 100 MB (multipart → disk, SHA-256, type check)', 'throughput', UPLOAD_BYTES / MB / up.seconds, 'MB/s', 'loopback, client in the same process'),
        row('upload 100 MB (multipart → disk, SHA-256, type check)', 'peak RSS growth', up.peakGrowth / MB, 'MB',
          `baseline ${fmtMb(up.baseline)} MB; includes chunk buffers V8 has not collected yet`),
        row('upload 10 MB (same path, for scale)', 'peak RSS growth', small.peakGrowth / MB, 'MB', 'growth must not scale with the file'),
        row('download 100 MB (SHA-256 re-check, then stream)', 'throughput', UPLOAD_BYTES / MB / down.seconds, 'MB/s', 'reads the file twice'),
        row('download 100 MB (SHA-256 re-check, then stream)', 'peak RSS growth', down.peakGrowth / MB, 'MB', `baseline ${fmtMb(down.baseline)} MB`),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Target {
  port: number;
  token: string;
  trancheId: string;
  criterionId: string;
}

/** A streamed multipart body: a PDF header and `size` bytes cycled from one random 1 MB block. */
function upload(target: Target, size: number): Promise<string> {
  const boundary = `----tramosbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="criterionId"\r\n\r\n${target.criterionId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidencia.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = randomBytes(MB); // fresh bytes each run: a new blob, not a deduplicated one
  block.write('%PDF-1.7\n', 0);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port: target.port, host: '127.0.0.1', method: 'POST', path: `/api/v1/tranches/${target.trancheId}/evidence`,
        headers: {
          Authorization: `Bearer ${target.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': head.length + size + tail.length,
        },
      },
      (res) => collectJson(res, 201).then((body) => resolve(body.id), reject),
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(block.length, size - sent);
        sent += n;
        if (!req.write(n === block.length ? block : block.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    req.write(head);
    pump();
  });
}

function download(port: number, token: string, evidenceId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: `/api/v1/evidence/${evidenceId}/content`, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`download answered ${res.statusCode}`));
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => (bytes === UPLOAD_BYTES ? resolve(bytes) : reject(new Error(`downloaded ${bytes} bytes`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function login(port: number, email: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: DEFAULT_DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function collectJson(res: import('node:http').IncomingMessage, expected: number): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      res.statusCode === expected ? resolve(JSON.parse(text)) : reject(new Error(`upload answered ${res.statusCode}: ${text}`));
    });
    res.on('error', reject);
  });
}

/** Runs `work` while sampling RSS every 5 ms; growth is the peak over the RSS just before. */
async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; baseline: number; peakGrowth: number }> {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds, baseline, peakGrowth: peak - baseline };
  } finally {
    clearInterval(timer);
  }
}

/** A collection before a baseline when node runs with --expose-gc; otherwise the baseline includes garbage (conservative). */
function settle() {
  (globalThis as { gc?: () => void }).gc?.();
}

/** DATABASE_URL's server with a database of its own (dropped after), or a throwaway embedded PostgreSQL. */
async function benchDatabase(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, which must enter it
    const embedded = await startEmbeddedPostgres(join(dataDir, 'postgres'), Number(process.env.BENCH_PG_PORT ?? 54349));
    return { url: embedded.url, stop: () => embedded.stop() };
  }
  const name = `tramos_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

const fmtMb = (bytes: number) => (bytes / MB).toFixed(0);

function row(name: string, metric: string, value: number, unit: string, note: string): BenchRow {
  return { suite: SUITE, case: name, metric, value, unit, note };
}
