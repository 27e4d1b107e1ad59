import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { signBody } from './webhook-signature.js';
import { WebhookRetryPolicy } from './webhook-retry-policy.js';

export type DeliveryOutcome = 'DELIVERED' | 'SKIPPED' | 'FAILED';

/** A non-2xx answer or a network error: BullMQ retries the job with back-off. */
export class DeliveryAttemptFailed extends Error {}

/**
 * POSTs one event to one webhook: `{ id, type, occurredAt, data }`, signed with the webhook's
 * secret. The delivery row is locked for the attempt, so a delivery is never sent twice at
 * once, and one that is DELIVERED is never sent again.
 */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger('Webhooks');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policy: WebhookRetryPolicy,
  ) {}

  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const attempt = await this.attempt(deliveryId, lastAttempt);
    // Thrown only after the attempt is committed, so the row counts it and BullMQ retries.
    if (attempt.retry) throw new DeliveryAttemptFailed(attempt.retry);
    return attempt.outcome;
  }

  private attempt(deliveryId: string, lastAttempt: boolean): Promise<{ outcome: DeliveryOutcome; retry?: string }> {
    return this.db.transaction(async (tx) => {
      const [d] = await tx.query(
        `SELECT d.id, d.status, w.url, w.secret, w.active, o.id AS event_id, o.event_type, o.payload, o.created_at
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN outbox o ON o.id = d.outbox_id
         WHERE d.id = $1 FOR UPDATE OF d SKIP LOCKED`,
        [deliveryId],
      );
      // Gone, already delivered or given up, or being attempted by another worker right now.
      if (!d || d.status !== 'PENDING') return { outcome: 'SKIPPED' };
      if (!d.active) {
        await tx.query(`UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'webhook deleted', updated_at = now() WHERE id = $1`, [deliveryId]);
        return { outcome: 'FAILED' };
      }
      const body = JSON.stringify({ id: String(d.event_id), type: d.event_type, occurredAt: new Date(d.created_at).toISOString(), data: d.payload });
      const { status, error } = await this.post(d.url, body, {
        'Content-Type': 'application/json',
        'User-Agent': 'Tramos-Webhooks/1',
        'X-Tramos-Event': d.event_type,
        'X-Tramos-Delivery': deliveryId,
        'X-Tramos-Signature': signBody(body, d.secret),
      });
      const ok = status !== null && status >= 200 && status < 300;
      const next = ok ? 'DELIVERED' : lastAttempt ? 'FAILED' : 'PENDING';
      await tx.query(
        `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_status_code = $3, last_error = $4,
           delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() END, updated_at = now() WHERE id = $1`,
        [deliveryId, next, status, error],
      );
      if (ok) return { outcome: 'DELIVERED' };
      this.logger.warn({ msg: 'webhook delivery failed', deliveryId, url: d.url, status, error, lastAttempt });
      return lastAttempt ? { outcome: 'FAILED' } : { outcome: 'FAILED', retry: error ?? `HTTP ${status}` };
    });
  }

  private async post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number | null; error: string | null }> {
    try {
      const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(this.policy.timeoutMs) });
      await res.arrayBuffer().catch(() => undefined); // drain, so the connection is released
      return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      return { status: null, error: (err.cause?.code ?? err.cause?.message ?? err.message).slice(0, 500) };
    }
  }
}
