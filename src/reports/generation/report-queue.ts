import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { enqueueReport } from '../report-request.js';
import { REPORTS_QUEUE } from '../reports.constants.js';

/** The reports queue, for what enqueues generation or looks for a report's job. */
@Injectable()
export class ReportQueue {
  constructor(@InjectQueue(REPORTS_QUEUE) readonly queue: Queue) {}

  enqueue(reportId: string): Promise<void> {
    return enqueueReport(this.queue, reportId);
  }
}
