import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { NotFoundError } from '../common/errors.js';
import { offsetOf, type Page, type PageQuery } from '../common/pagination.js';
import type { CreateWebhookDto } from './webhooks.dto.js';

// The secret is write-only: no query here ever selects it.
const COLUMNS = `id, url, events, active, created_by AS "createdBy", created_at AS "createdAt"`;

@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: PageQuery): Promise<Page<unknown>> {
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM webhooks WHERE active`);
    const items = await this.db.query(
      `SELECT ${COLUMNS} FROM webhooks WHERE active ORDER BY created_at, id LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  create(dto: CreateWebhookDto, by: AuthUser) {
    return this.db.transaction(async (tx) => {
      const [hook] = await tx.query(
        `INSERT INTO webhooks (url, events, secret, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [dto.url, dto.events, dto.secret, by.id],
      );
      await this.audit.record(tx, { subjectType: 'Webhook', subjectId: hook.id, action: 'webhook.created', actor: actorOf(by), after: hook });
      return hook;
    });
  }

  /** Deactivates rather than deletes, so the delivery log stays; pending deliveries are not sent. */
  remove(id: string, by: AuthUser) {
    return this.db.transaction(async (tx) => {
      const [rows] = await tx.query(`UPDATE webhooks SET active = false WHERE id = $1 AND active RETURNING ${COLUMNS}`, [id]);
      if (!rows.length) throw new NotFoundError('Webhook', id);
      await this.audit.record(tx, { subjectType: 'Webhook', subjectId: id, action: 'webhook.deleted', actor: actorOf(by), before: { active: true }, after: rows[0] });
    });
  }

  async deliveries(id: string, q: PageQuery): Promise<Page<unknown>> {
    const [hook] = await this.db.query(`SELECT 1 FROM webhooks WHERE id = $1`, [id]);
    if (!hook) throw new NotFoundError('Webhook', id);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM webhook_deliveries WHERE webhook_id = $1`, [id]);
    const items = await this.db.query(
      `SELECT d.id, d.outbox_id::text AS "eventId", o.event_type AS "eventType", o.subject_id AS "subjectId", d.status, d.attempts,
         d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.delivered_at AS "deliveredAt", d.updated_at AS "updatedAt"
       FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id
       WHERE d.webhook_id = $1 ORDER BY d.outbox_id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      [id],
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
