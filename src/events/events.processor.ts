import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DELIVER_JOB, DISPATCH_JOB, EVENTS_QUEUE } from './events.constants.js';
import { EventDispatcher } from './event-dispatcher.service.js';
import { WebhookDeliverer } from './webhook-deliverer.service.js';

/** Dispatches the outbox every second and delivers each webhook call (retried by BullMQ). */
@Processor(EVENTS_QUEUE, { concurrency: 8 })
export class EventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(EVENTS_QUEUE) private readonly queue: Queue,
    private readonly dispatcher: EventDispatcher,
    private readonly deliverer: WebhookDeliverer,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    // A job scheduler: one tick per second across all workers, and it survives restarts.
    await this.queue.upsertJobScheduler('outbox-dispatch', { every: 1000 }, {
      name: DISPATCH_JOB,
      opts: { removeOnComplete: true, removeOnFail: 100 },
    });
  }

  async process(job: Job) {
    if (job.name === DISPATCH_JOB) return this.dispatcher.dispatchPending();
    if (job.name === DELIVER_JOB) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return this.deliverer.deliver(job.data.deliveryId, lastAttempt);
    }
    throw new Error(`unknown job ${job.name} on queue ${EVENTS_QUEUE}`);
  }
}
