import { Injectable } from '@nestjs/common';

/**
 * How failed deliveries are retried: BullMQ attempts with exponential back-off
 * (delayMs, 2·delayMs, 4·delayMs…; ten attempts at 10 s span about 2.8 hours).
 * Read when a delivery is enqueued; tests shorten `delayMs`.
 */
@Injectable()
export class WebhookRetryPolicy {
  attempts = 10;
  delayMs = 10_000;
  /** A receiver that does not answer within this is a failed attempt. */
  timeoutMs = 10_000;

  jobOptions() {
    return {
      attempts: this.attempts,
      backoff: { type: 'exponential' as const, delay: this.delayMs },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    };
  }
}
