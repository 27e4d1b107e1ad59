import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export type AppRole = 'all' | 'api' | 'worker';

/** The one validated configuration of a Tramos process. Built once at start. */
export class AppConfig {
  nodeEnv!: 'development' | 'production' | 'test';
  host!: string;
  port!: number;
  appRole!: AppRole;
  dataDir!: string;
  /** Unset: an embedded PostgreSQL is started under `dataDir/postgres`. */
  databaseUrl?: string;
  embeddedPgPort!: number;
  /** Unset: BullMQ runs on its PostgreSQL backend in the same database. */
  redisUrl?: string;
  queuePrefix!: string;
  jwtSecret!: string;
  jwtTtlSeconds!: number;
  demo!: boolean;
  demoPassword!: string;
  demoPasswordFromEnv!: boolean;
  logLevel!: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  evidenceMaxBytes!: number;
  rateLimitPerMinute!: number;
  loginMaxFailures!: number;
  loginLockMinutes!: number;
  housekeepingCron!: string;
  schedulerCron!: string;
  /** Unset: evidence is kept on local disk under `dataDir/evidence`. */
  s3?: S3Settings;

  get runsApi(): boolean {
    return this.appRole !== 'worker';
  }
  get runsWorkers(): boolean {
    return this.appRole !== 'api';
  }
  get queueBackend(): 'redis' | 'postgres' {
    return this.redisUrl ? 'redis' : 'postgres';
  }
}

/** An S3-compatible bucket for evidence (AWS S3, MinIO, Ceph…). */
export interface S3Settings {
  bucket: string;
  /** Unset: AWS's endpoint for the region. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default credential chain (environment, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which MinIO and most self-hosted servers need. */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket. */
  prefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n'),
    );
  }
}

export const DEFAULT_DEMO_PASSWORD = 'Tramos-Demo-2026';

type Env = Record<string, string | undefined>;

/** Reads and checks every variable; reports all problems at once, naming each variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: { variable: string; problem: string }[] = [];
  const str = (name: string, fallback?: string) => {
    const v = env[name];
    return v === undefined || v === '' ? fallback : v;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push({ variable: name, problem: `must be an integer between ${min} and ${max}, got "${raw}"` });
      return fallback;
    }
    return Number(raw);
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw as T)) {
      problems.push({ variable: name, problem: `must be one of ${allowed.join(', ')}, got "${raw}"` });
      return fallback;
    }
    return raw as T;
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) {
      problems.push({ variable: name, problem: `must be true or false, got "${raw}"` });
      return fallback;
    }
    return raw === 'true' || raw === '1';
  };
  const url = (name: string, protocols: string[]) => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) throw new Error();
    } catch {
      problems.push({ variable: name, problem: `must be a URL starting with ${protocols.join(' or ')}` });
      return undefined;
    }
    return raw;
  };

  const c = new AppConfig();
  c.nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  c.host = str('HOST', '0.0.0.0')!;
  c.port = int('PORT', 3000, 0, 65535);
  c.appRole = oneOf('APP_ROLE', ['all', 'api', 'worker'] as const, 'all');
  c.dataDir = resolve(str('DATA_DIR', 'data')!);
  c.databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  c.embeddedPgPort = int('EMBEDDED_PG_PORT', 54329, 1024, 65535);
  c.redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  c.queuePrefix = str('QUEUE_PREFIX', 'tramos')!;
  c.jwtTtlSeconds = int('JWT_TTL_SECONDS', 900, 60, 86400);
  c.demo = bool('DEMO', true);
  c.demoPasswordFromEnv = str('DEMO_PASSWORD') !== undefined;
  c.demoPassword = str('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD)!;
  if (c.demoPassword.length < 8) problems.push({ variable: 'DEMO_PASSWORD', problem: 'must have at least 8 characters' });
  c.logLevel = oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'] as const, 'log');
  c.evidenceMaxBytes = int('EVIDENCE_MAX_BYTES', 25 * 1024 * 1024, 1, 2 ** 40);
  c.rateLimitPerMinute = int('RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000);
  c.loginMaxFailures = int('LOGIN_MAX_FAILURES', 10, 1, 1000);
  c.loginLockMinutes = int('LOGIN_LOCK_MINUTES', 15, 1, 1440);
  c.housekeepingCron = str('HOUSEKEEPING_CRON', '17 3 * * *')!;
  c.schedulerCron = str('SCHEDULER_CRON', '*/5 * * * *')!;

  const bucket = str('S3_BUCKET');
  if (bucket !== undefined) {
    const accessKeyId = str('S3_ACCESS_KEY_ID');
    const secretAccessKey = str('S3_SECRET_ACCESS_KEY');
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      problems.push({ variable: accessKeyId === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY', problem: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' });
    }
    c.s3 = {
      bucket, endpoint: url('S3_ENDPOINT', ['http:', 'https:']), region: str('S3_REGION', 'us-east-1')!, accessKeyId, secretAccessKey,
      forcePathStyle: bool('S3_FORCE_PATH_STYLE', true), prefix: str('S3_PREFIX', 'evidence/')!,
    };
  } else {
    for (const v of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) {
      if (str(v) !== undefined) problems.push({ variable: v, problem: 'has no effect without S3_BUCKET' });
    }
  }

  const secret = str('JWT_SECRET');
  if (secret !== undefined && secret.length < 32) {
    problems.push({ variable: 'JWT_SECRET', problem: 'must have at least 32 characters' });
  }
  if (secret === undefined && c.nodeEnv === 'production') {
    problems.push({ variable: 'JWT_SECRET', problem: 'is required when NODE_ENV=production' });
  }
  if (problems.length) throw new ConfigError(problems);
  c.jwtSecret = secret ?? localSecret(c.dataDir);
  return c;
}

/** Outside production a secret is made once and kept in the data folder, so tokens survive restarts. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
