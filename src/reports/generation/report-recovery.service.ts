import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { reportJobId } from '../report-request.js';
import { ReportQueue } from './report-queue.js';

/** A report younger than this may still be on its way to the queue. */
const GRACE = `interval '2 minutes'`;

/**
 * Reports are queued after their row commits, so an enqueue that fails (or a worker killed past
 * BullMQ's stall limit) could leave a report waiting for ever. On every scheduler tick: a QUEUED
 * or RUNNING report without a job gets one again (the job id makes it once); one whose job has
 * failed for good is marked FAILED with the job's reason.
 */
@Injectable()
export class ReportRecovery {
  private readonly logger = new Logger('Reports');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportQueue,
  ) {}

  async recover(): Promise<{ requeued: string[]; failed: string[] }> {
    const stale: { id: string }[] = await this.db.query(
      `SELECT id FROM reports WHERE status IN ('QUEUED', 'RUNNING') AND created_at < now() - ${GRACE} ORDER BY created_at LIMIT 200`,
    );
    const result = { requeued: [] as string[], failed: [] as string[] };
    for (const { id } of stale) {
      const job = await this.reports.queue.getJob(reportJobId(id));
      if (!job) {
        await this.reports.enqueue(id);
        result.requeued.push(id);
      } else if ((await job.getState()) === 'failed') {
        await this.db.query(
          `UPDATE reports SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
          [id, (job.failedReason || 'the generation job failed').slice(0, 2000)],
        );
        result.failed.push(id);
      }
    }
    if (result.requeued.length || result.failed.length) this.logger.warn({ msg: 'reports recovered', ...result });
    return result;
  }
}
