import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { writeOutbox } from '../events/outbox.js';
import { GENERATE_REPORT_JOB } from './reports.constants.js';

export interface ReportRequest {
  type: 'FIXED_VERIFICATION' | 'VARIABLE_VERIFICATION' | 'PORTFOLIO';
  lang: 'es' | 'en';
  trancheId: string | null;
  agreementId: string | null;
  filters: Record<string, unknown> | null;
  requestedBy: string;
}

/**
 * Records a report request inside the caller's transaction: the QUEUED row, its audit entry and
 * `report.requested` in the outbox. POST /reports and tranche verification both go through here,
 * so a report asked for either way is the same thing.
 */
export async function recordReportRequest(tx: EntityManager, audit: AuditService, actor: Actor, r: ReportRequest): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO reports (type, status, lang, tranche_id, agreement_id, filters, requested_by)
     VALUES ($1, 'QUEUED', $2, $3, $4, $5, $6) RETURNING id`,
    [r.type, r.lang, r.trancheId, r.agreementId, r.filters && JSON.stringify(r.filters), r.requestedBy],
  );
  await audit.record(tx, {
    agreementId: r.agreementId, subjectType: 'Report', subjectId: row.id, action: 'report.requested', actor,
    after: { type: r.type, trancheId: r.trancheId, filters: r.filters, lang: r.lang },
  });
  await writeOutbox(tx, {
    type: 'report.requested', subjectId: row.id,
    data: { reportId: row.id, type: r.type, trancheId: r.trancheId, agreementId: r.agreementId },
  });
  return row.id as string;
}

export const reportJobId = (reportId: string) => `report-${reportId}`;

/**
 * Enqueues generation after the request's commit (so the worker finds the row): three attempts
 * with back-off, one job per report (the job id dedupes). If this fails, the report stays QUEUED
 * and the recovery job enqueues it.
 */
export async function enqueueReport(queue: Queue, reportId: string): Promise<void> {
  await queue.add(GENERATE_REPORT_JOB, { reportId }, {
    jobId: reportJobId(reportId),
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}
