import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../audit/audit.types.js';
import { hashPassword } from '../auth/passwords.js';
import { AppConfig } from '../config/app-config.js';
import { enqueueReport, recordReportRequest } from '../reports/report-request.js';
import { REPORTS_QUEUE } from '../reports/reports.constants.js';
import { TrancheComplianceService } from '../tranches/compliance/tranche-compliance.service.js';
import { verifyDemoTranches } from '../tranches/demo/demo-verifications.js';
import { submitDemoReports } from '../evidence/demo/demo-submissions.js';
import { completeDemoWorkflow } from './demo-follow-up.js';
import { DEMO_ENTITY_USERS, DEMO_USERS, insertDemoUsers } from './demo-users.js';

/** A part of the demo, loaded in order inside one transaction. */
export interface DemoPart {
  name: string;
  load(tx: EntityManager): Promise<void>;
}

export const DEMO_PARTS = 'tramos:demo-parts';

/**
 * Loads the demo only on an empty database (no users) with DEMO not false, all or nothing.
 * A database that already has data is never touched.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly compliance: TrancheComplianceService,
    @InjectQueue(REPORTS_QUEUE) private readonly reports: Queue,
  ) {}

  async loadIfEmpty(parts: DemoPart[]): Promise<'loaded' | 'present' | 'skipped'> {
    if (!this.config.demo) return 'skipped';
    const loaded = await this.db.transaction(async (tx) => {
      // Two instances starting together: one loads, the other waits and finds it done.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['tramos:demo']);
      const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM users');
      if (n > 0) {
        const [{ d }] = await tx.query('SELECT count(*)::int AS d FROM users WHERE is_demo');
        return d > 0 ? 'present' : 'skipped';
      }
      for (const part of parts) {
        await part.load(tx);
        this.logger.log({ msg: 'demo part loaded', part: part.name });
      }
      await insertDemoUsers(tx, await hashPassword(this.config.demoPassword));
      await submitDemoReports(tx);
      const verified = await verifyDemoTranches(tx, this.compliance);
      await completeDemoWorkflow(tx);
      const reportIds: string[] = [];
      for (const v of verified) {
        reportIds.push(await recordReportRequest(tx, this.audit, SYSTEM_ACTOR('demo'), {
          type: v.kind === 'FIXED' ? 'FIXED_VERIFICATION' : 'VARIABLE_VERIFICATION', lang: 'es', trancheId: v.trancheId,
          agreementId: v.agreementId, filters: null, requestedBy: await this.analystId(tx),
        }));
      }
      await this.audit.record(tx, { subjectType: 'Demo', action: 'demo.loaded', actor: SYSTEM_ACTOR('demo'), after: { users: [...DEMO_USERS, ...DEMO_ENTITY_USERS].map((u) => u.email), parts: parts.map((p) => p.name) } });
      return reportIds;
    });
    if (typeof loaded === 'string') return loaded;
    // After the commit, so the workers find the rows; one lost here is enqueued by the recovery job.
    for (const id of loaded) {
      await enqueueReport(this.reports, id).catch((e) => this.logger.warn({ msg: 'demo report not enqueued', reportId: id, error: (e as Error).message }));
    }
    return 'loaded';
  }

  private async analystId(tx: EntityManager): Promise<string> {
    return (await tx.query(`SELECT id FROM users WHERE email = 'analista@demo.tramos.pe'`))[0].id;
  }
}
