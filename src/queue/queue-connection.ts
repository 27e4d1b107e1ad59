import { createPostgresBackend, type QueueOptions, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';

/**
 * With REDIS_URL, BullMQ runs on Redis; without it, on its PostgreSQL backend in the app's
 * own database (schema `bullmq`, migrated on connect), so the embedded default needs nothing else.
 * The choice is process-wide: one process runs one backend.
 */
export function queueOptions(config: AppConfig, databaseUrl: string): QueueOptions {
  if (config.redisUrl) {
    const u = new URL(config.redisUrl);
    return {
      prefix: config.queuePrefix,
      connection: {
        host: u.hostname,
        port: Number(u.port || 6379),
        username: u.username || undefined,
        password: u.password ? decodeURIComponent(u.password) : undefined,
        db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
        tls: u.protocol === 'rediss:' ? {} : undefined,
        maxRetriesPerRequest: null,
      },
    };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return { connection: { connectionString: databaseUrl, schema: 'bullmq', migrate: true, max: 10 } as never };
}
