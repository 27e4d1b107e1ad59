import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { HOUSEKEEPING_QUEUE, PURGE_EXPIRED_JOB } from './housekeeping.constants.js';

export interface PurgeResult {
  idempotencyKeys: number;
  loginAttempts: number;
}

/** Drops what is no longer needed: expired idempotency keys, login attempts older than a day. */
@Processor(HOUSEKEEPING_QUEUE)
export class HousekeepingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('Housekeeping');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    // A scheduler, not a timer: it survives restarts and runs once even with several workers.
    await this.queue.upsertJobScheduler('housekeeping-daily', { pattern: this.config.housekeepingCron }, { name: PURGE_EXPIRED_JOB });
  }

  async process(job: Job): Promise<PurgeResult> {
    const [, keys] = await this.db.query('DELETE FROM idempotency_keys WHERE expires_at < now()');
    const [, attempts] = await this.db.query(`DELETE FROM login_attempts WHERE at < now() - interval '1 day'`);
    const result = { idempotencyKeys: keys ?? 0, loginAttempts: attempts ?? 0 };
    await this.db.query('INSERT INTO job_runs (job, finished_at, result) VALUES ($1, now(), $2)', [job.name, JSON.stringify(result)]);
    this.logger.log({ msg: 'purged', jobId: job.id, ...result });
    return result;
  }
}
