import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '../../config/app-config.js';
import { GENERATE_REPORT_JOB, RECOVER_REPORTS_JOB, REPORTS_QUEUE } from '../reports.constants.js';
import { ReportGenerator } from './report-generator.service.js';
import { ReportQueue } from './report-queue.js';
import { ReportRecovery } from './report-recovery.service.js';

/**
 * Generates reports: the `generate` jobs of POST /reports and of tranche verification alike.
 * A failed attempt is retried by BullMQ (attempts and back-off set when enqueued); the report
 * shows FAILED with the error only after the last one.
 */
@Processor(REPORTS_QUEUE)
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly generator: ReportGenerator,
    private readonly recovery: ReportRecovery,
    private readonly reports: ReportQueue,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    // A job scheduler: it survives restarts and each tick runs once whatever the number of workers.
    await this.reports.queue.upsertJobScheduler(RECOVER_REPORTS_JOB, { pattern: this.config.schedulerCron }, {
      name: RECOVER_REPORTS_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 },
    });
  }

  async process(job: Job<{ reportId?: string }>) {
    if (job.name === RECOVER_REPORTS_JOB) return this.recovery.recover();
    if (job.name !== GENERATE_REPORT_JOB || !job.data.reportId) throw new UnrecoverableError(`unknown job ${job.name} on queue ${REPORTS_QUEUE}`);
    try {
      await this.generator.generate(job.data.reportId);
    } catch (e) {
      const last = e instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.generator.recordFailure(job.data.reportId, (e as Error).message, last);
      throw e;
    }
    return { reportId: job.data.reportId };
  }
}
