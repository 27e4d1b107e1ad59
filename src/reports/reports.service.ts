import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stat } from 'node:fs/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { findVisibleTranche, refuse } from '../auth/scope.js';
import { BadInputError, type ProblemDetail, StateConflictError } from '../common/errors.js';
import { offsetOf, type Page } from '../common/pagination.js';
import { ReportFiles } from './generation/report-files.js';
import { ReportQueue } from './generation/report-queue.js';
import { visibleReport } from './report-access.js';
import { recordReportRequest } from './report-request.js';
import { REPORT_COLUMNS, reportFileName, toReportView } from './report-view.js';
import type { CreateReportDto, ListReportsQuery, ReportQueuedDto, ReportViewDto } from './reports.dto.js';
import { REPORTABLE_STATUSES } from './sources/verification.source.js';

export interface ReportFile {
  path: string;
  fileName: string;
  size: number;
}

/** Asking for reports, following them and downloading them, each within what the caller may see. */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger('Reports');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly queue: ReportQueue,
    private readonly files: ReportFiles,
  ) {}

  /**
   * Records the request (QUEUED, audited, `report.requested`) and enqueues its generation after
   * the commit, so the worker finds the row. If the enqueue fails, the recovery job enqueues it.
   */
  async request(user: AuthUser, dto: CreateReportDto): Promise<ReportQueuedDto> {
    checkShape(dto);
    const id = await this.db.transaction(async (tx) => {
      const target = dto.type === 'PORTFOLIO' ? await this.portfolioTarget(tx, dto) : await this.verificationTarget(tx, user, dto);
      return recordReportRequest(tx, this.audit, actorOf(user), {
        type: dto.type, lang: dto.lang ?? 'es', trancheId: target.trancheId, agreementId: target.agreementId,
        filters: target.filters, requestedBy: user.id,
      });
    });
    await this.queue
      .enqueue(id)
      .catch((e) => this.logger.error({ msg: 'report not enqueued; the recovery job will', reportId: id, error: (e as Error).message }));
    return { id, status: 'QUEUED' };
  }

  async get(user: AuthUser, id: string): Promise<ReportViewDto> {
    return toReportView(await this.findVisible(user, id));
  }

  async list(user: AuthUser, q: ListReportsQuery): Promise<Page<ReportViewDto>> {
    if (q.trancheId) await this.db.transaction((tx) => findVisibleTranche(tx, user, q.trancheId!));
    const params: unknown[] = [];
    const where = [visibleReport(user, params)];
    if (q.trancheId) where.push(`r.tranche_id = $${params.push(q.trancheId)}`);
    if (q.type) where.push(`r.type = $${params.push(q.type)}`);
    if (q.status) where.push(`r.status = $${params.push(q.status)}`);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM reports r WHERE ${where.join(' AND ')}`, params);
    const rows = await this.db.query(
      `SELECT ${REPORT_COLUMNS} FROM reports r WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id
       LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return { items: rows.map(toReportView), total, page: q.page, pageSize: q.pageSize };
  }

  /** The finished file; 404 while not DONE, as for a report the caller may not see. */
  async file(user: AuthUser, id: string): Promise<ReportFile> {
    const r = await this.findVisible(user, id);
    if (r.status !== 'DONE' || !r.file_key) throw refuse(user, 'Report file', id);
    const path = this.files.pathOf(r.file_key);
    const size = await stat(path).then((s) => s.size, () => null);
    if (size === null) {
      this.logger.error({ msg: 'report file missing', reportId: id, fileKey: r.file_key });
      throw refuse(user, 'Report file', id);
    }
    return {
      path,
      size,
      fileName: reportFileName({ type: r.type, lang: r.lang, agreementCode: r.agreement_code, periodCode: r.period_code, createdAt: r.created_at }),
    };
  }

  private async findVisible(user: AuthUser, id: string): Promise<Record<string, any>> {
    const params: unknown[] = [id];
    const [row] = await this.db.query(
      `SELECT ${REPORT_COLUMNS}, r.file_key, a.code AS agreement_code, p.code AS period_code
       FROM reports r LEFT JOIN agreements a ON a.id = r.agreement_id
       LEFT JOIN tranches t ON t.id = r.tranche_id LEFT JOIN periods p ON p.id = t.period_id
       WHERE r.id = $1 AND ${visibleReport(user, params)}`,
      params,
    );
    if (!row) throw refuse(user, 'Report', id);
    return row;
  }

  /** The tranche must be one the caller sees (404), of the report's kind (400), with frozen figures (409). */
  private async verificationTarget(tx: EntityManager, user: AuthUser, dto: CreateReportDto) {
    const t = await findVisibleTranche(tx, user, dto.trancheId!);
    const kind = dto.type === 'FIXED_VERIFICATION' ? 'FIXED' : 'VARIABLE';
    if (t.kind !== kind) {
      throw new BadInputError(`Tranche ${t.id} is ${t.kind}; a ${dto.type} report needs a ${kind} tranche`, [
        { field: 'type', problem: `the tranche is ${t.kind}: ask for ${t.kind === 'FIXED' ? 'FIXED_VERIFICATION' : 'VARIABLE_VERIFICATION'}` },
      ]);
    }
    if (!(REPORTABLE_STATUSES as readonly string[]).includes(t.status) || t.verified_result === null) {
      throw new StateConflictError(`Tranche is ${t.status}; a verification report needs it VERIFIED or later (figures frozen)`, [
        { field: 'trancheId', problem: `current ${t.status}, required VERIFIED, APPROVED or TRANSFERRED` },
      ]);
    }
    return { trancheId: t.id as string, agreementId: t.agreement_id as string, filters: null };
  }

  /** Filters must name a funding programme and an entity that exist (the catalogue is public). */
  private async portfolioTarget(tx: EntityManager, dto: CreateReportDto) {
    const f = dto.filters ?? {};
    const problems: ProblemDetail[] = [];
    if (f.fundingProgramId && !(await tx.query(`SELECT 1 FROM funding_programs WHERE id = $1`, [f.fundingProgramId])).length) {
      problems.push({ field: 'filters.fundingProgramId', problem: 'no funding programme has this id' });
    }
    if (f.entityId && !(await tx.query(`SELECT 1 FROM entities WHERE id = $1`, [f.entityId])).length) {
      problems.push({ field: 'filters.entityId', problem: 'no entity has this id' });
    }
    if (problems.length) throw new BadInputError('Invalid portfolio filters', problems);
    const filters = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
    return { trancheId: null, agreementId: null, filters: Object.keys(filters).length ? filters : null };
  }
}

/** Which fields go with which type. */
function checkShape(dto: CreateReportDto): void {
  const problems: ProblemDetail[] = [];
  if (dto.type === 'PORTFOLIO') {
    if (dto.trancheId) problems.push({ field: 'trancheId', problem: 'not used by a PORTFOLIO report' });
  } else {
    if (!dto.trancheId) problems.push({ field: 'trancheId', problem: `required for ${dto.type}` });
    if (dto.filters) problems.push({ field: 'filters', problem: 'only for PORTFOLIO reports' });
  }
  if (problems.length) throw new BadInputError(`Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
}
