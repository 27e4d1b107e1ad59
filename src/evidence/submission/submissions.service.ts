import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { actorOf, type AuthUser } from '../../auth/auth-user.js';
import { findVisibleTranche } from '../../auth/scope.js';
import { RuleViolationError, StateConflictError } from '../../common/errors.js';
import { offsetOf, type Page, type PageQuery } from '../../common/pagination.js';
import { moveTranche } from '../../tranches/tranche-state.js';
import { MeasurementsService } from '../measurements/measurements.service.js';
import { loadReportingFrame } from '../measurements/reporting-frame.js';
import { REPORTING_STATUSES } from '../reporting-window.js';
import { missingValues } from './required-values.js';
import { submissionSnapshot } from './submission-snapshot.js';

export interface SubmissionView {
  id: string;
  trancheId: string;
  /** 1 for the first informe, 2 for the one answering the first observations… */
  ordinal: number;
  submittedBy: string;
  submittedAt: Date;
  /** What was sent, frozen: the current values and every evidence file with its SHA-256. */
  snapshot: unknown;
}

const SUBMISSION_SELECT = `SELECT s.id, s.tranche_id AS "trancheId", s.ordinal, s.submitted_by AS "submittedBy", s.submitted_at AS "submittedAt",
  s.snapshot FROM submissions s`;

/** The entity's informe de cumplimiento: frozen values and evidence, and the tranche moved to SUBMITTED. */
@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly measurements: MeasurementsService,
  ) {}

  async submit(user: AuthUser, trancheId: string): Promise<SubmissionView> {
    return this.db.transaction(async (tx) => {
      const tranche = await findVisibleTranche(tx, user, trancheId, true);
      if (!(REPORTING_STATUSES as readonly string[]).includes(tranche.status)) {
        throw StateConflictError.transition('Tranche', tranche.status, 'SUBMITTED');
      }
      const measurements = await this.measurements.current(tx, tranche.id);
      const frame = await loadReportingFrame(tx, tranche, measurements.flatMap((m) => (m.ubigeo ? [m.ubigeo] : [])));
      const targetDistricts = [...frame.indicators.values()].flatMap((i) => [...i.targets.keys()].filter(Boolean));
      const names = new Map<string, string>(
        (await tx.query('SELECT ubigeo, name FROM territories WHERE ubigeo = ANY ($1::text[])', [targetDistricts])).map((t: any) => [t.ubigeo, t.name]),
      );
      const missing = missingValues(frame, new Set(measurements.map((m) => `${m.criterionId ?? m.indicatorId}|${m.ubigeo ?? ''}`)), names);
      if (missing.length) {
        throw new RuleViolationError(`The informe de cumplimiento lacks ${missing.length} required value(s)`, missing);
      }
      const { ordinal, snapshot } = await submissionSnapshot(tx, tranche, measurements);
      const [row] = await tx.query(
        `INSERT INTO submissions (tranche_id, ordinal, snapshot, submitted_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [tranche.id, ordinal, JSON.stringify(snapshot), user.id],
      );
      await moveTranche(tx, this.audit, {
        trancheId: tranche.id, agreementId: tranche.agreement_id, from: tranche.status, to: 'SUBMITTED', actor: actorOf(user),
        reason: `Informe de cumplimiento n.º ${ordinal}`, event: { submissionId: row.id, ordinal },
      });
      await this.audit.record(tx, {
        agreementId: tranche.agreement_id, subjectType: 'Submission', subjectId: row.id, action: 'submission.created', actor: actorOf(user),
        after: { trancheId: tranche.id, ordinal, measurements: measurements.length, evidence: snapshot.evidence.map((e) => ({ id: e.id, sha256: e.sha256 })) },
      });
      const [view] = await tx.query(`${SUBMISSION_SELECT} WHERE s.id = $1`, [row.id]);
      return view;
    });
  }

  async list(user: AuthUser, trancheId: string, q: PageQuery): Promise<Page<SubmissionView>> {
    const tranche = await findVisibleTranche(this.db.manager, user, trancheId);
    const [{ total }] = await this.db.query('SELECT count(*)::int AS total FROM submissions WHERE tranche_id = $1', [tranche.id]);
    const items = await this.db.query(
      `${SUBMISSION_SELECT} WHERE s.tranche_id = $1 ORDER BY s.ordinal LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      [tranche.id],
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
