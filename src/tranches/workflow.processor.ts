import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { DeadlineSweepService } from './deadline-sweep.service.js';
import { TrancheWorkflowService } from './tranche-workflow.service.js';
import { DEADLINE_SWEEP_JOB, OPEN_DUE_JOB, WORKFLOW_QUEUE } from './workflow.constants.js';

/** The workflow's scheduled jobs (SCHEDULER_CRON): opening due tranches and the art. 17.7 sweep. */
@Processor(WORKFLOW_QUEUE)
export class WorkflowProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(WORKFLOW_QUEUE) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly workflow: TrancheWorkflowService,
    private readonly sweep: DeadlineSweepService,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    // Job schedulers: they survive restarts and each tick runs once whatever the number of workers.
    const opts = { removeOnComplete: 100, removeOnFail: 100 };
    await this.queue.upsertJobScheduler(OPEN_DUE_JOB, { pattern: this.config.schedulerCron }, { name: OPEN_DUE_JOB, opts });
    await this.queue.upsertJobScheduler(DEADLINE_SWEEP_JOB, { pattern: this.config.schedulerCron }, { name: DEADLINE_SWEEP_JOB, opts });
  }

  async process(job: Job) {
    let result: unknown;
    if (job.name === OPEN_DUE_JOB) result = await this.workflow.openDueTranches();
    else if (job.name === DEADLINE_SWEEP_JOB) result = await this.sweep.runDeadlineSweep();
    else throw new Error(`unknown job ${job.name} on queue ${WORKFLOW_QUEUE}`);
    await this.db.query('INSERT INTO job_runs (job, finished_at, result) VALUES ($1, now(), $2)', [job.name, JSON.stringify(result)]);
    return result;
  }
}
