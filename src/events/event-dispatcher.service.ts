import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DELIVER_JOB, EVENTS_QUEUE } from './events.constants.js';
import { WebhookRetryPolicy } from './webhook-retry-policy.js';

const BATCH = 200;

/**
 * Turns committed outbox rows into one delivery per subscribed webhook. Each outbox row is
 * claimed with SKIP LOCKED and the (webhook, event) pair is unique, so with any number of
 * workers every subscriber gets one delivery of each event.
 */
@Injectable()
export class EventDispatcher {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(EVENTS_QUEUE) private readonly queue: Queue,
    private readonly retry: WebhookRetryPolicy,
  ) {}

  async dispatchPending(): Promise<{ events: number; deliveries: number }> {
    let events = 0;
    let deliveries = 0;
    for (;;) {
      const batch = await this.claimBatch();
      events += batch.events;
      deliveries += batch.deliveryIds.length;
      await this.enqueue(batch.deliveryIds);
      if (batch.events < BATCH) break;
    }
    await this.enqueue(await this.orphanedDeliveries());
    return { events, deliveries };
  }

  private claimBatch(): Promise<{ events: number; deliveryIds: string[] }> {
    return this.db.transaction(async (tx) => {
      const rows: { id: string }[] = await tx.query(
        `SELECT id FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (!rows.length) return { events: 0, deliveryIds: [] };
      const ids = rows.map((r) => r.id);
      const created: { id: string }[] = await tx.query(
        `INSERT INTO webhook_deliveries (webhook_id, outbox_id, status)
         SELECT w.id, o.id, 'PENDING' FROM outbox o
         JOIN webhooks w ON w.active AND (o.event_type = ANY (w.events) OR '*' = ANY (w.events))
         WHERE o.id = ANY ($1::bigint[])
         ON CONFLICT (webhook_id, outbox_id) DO NOTHING RETURNING id`,
        [ids],
      );
      await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY ($1::bigint[])`, [ids]);
      return { events: rows.length, deliveryIds: created.map((d) => d.id) };
    });
  }

  /**
   * Deliveries committed but never tried: the process stopped between the commit and the
   * enqueue. Re-adding with the same job id is a no-op when the job does exist.
   */
  private async orphanedDeliveries(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND attempts = 0 AND updated_at < now() - interval '1 minute' LIMIT ${BATCH}`,
    );
    return rows.map((r) => r.id);
  }

  private async enqueue(deliveryIds: string[]) {
    if (!deliveryIds.length) return;
    const opts = this.retry.jobOptions();
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({ name: DELIVER_JOB, data: { deliveryId }, opts: { ...opts, jobId: `delivery-${deliveryId}` } })),
    );
  }
}
