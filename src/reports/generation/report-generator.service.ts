import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import type { ReportStatus } from '../reports.constants.js';
import { loadPortfolio, type PortfolioFilters } from '../sources/portfolio.source.js';
import { loadFixedReport, loadFrozenTranche, loadVariableReport } from '../sources/verification.source.js';
import { writeFixedVerification } from '../xlsx/fixed-verification.workbook.js';
import type { Lang } from '../xlsx/labels.js';
import { writePortfolio } from '../xlsx/portfolio.workbook.js';
import { writeWorkbook } from '../xlsx/report-book.js';
import type { ReportMeta, ReportType } from '../xlsx/report-data.js';
import { writeVariableVerification } from '../xlsx/variable-verification.workbook.js';
import { ReportFiles } from './report-files.js';

interface ReportRow {
  id: string;
  type: ReportType;
  status: ReportStatus;
  lang: Lang;
  tranche_id: string | null;
  filters: PortfolioFilters | null;
  requested_by: string | null;
}

/** Progress is written at most this often (in percentage points), from outside the snapshot. */
const PROGRESS_STEP = 5;

/**
 * Generates one report: reads everything from one read-only snapshot (REPEATABLE READ), writes
 * the workbook to a temporary file, renames it into place and only then marks the report DONE.
 * A failed attempt leaves nothing behind that could be downloaded.
 */
@Injectable()
export class ReportGenerator {
  private readonly logger = new Logger('Reports');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: ReportFiles,
  ) {}

  async generate(reportId: string): Promise<void> {
    const report = await this.start(reportId);
    if (!report) return;
    const started = Date.now();
    const tmp = await this.files.temporary(reportId);
    let published: string | null = null;
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      const inputHash = await this.db.transaction('REPEATABLE READ', async (tx) => {
        await tx.query('SET TRANSACTION READ ONLY');
        return this.write(tx, report, out);
      });
      const { fileKey, size } = await this.files.publish(tmp, reportId);
      published = this.files.pathOf(fileKey);
      const [, updated] = await this.db.query(
        `UPDATE reports SET status = 'DONE', progress = 100, file_key = $2, file_size = $3, input_hash = $4, error = NULL, finished_at = now()
         WHERE id = $1 AND status = 'RUNNING'`,
        [reportId, fileKey, size, inputHash],
      );
      if (!updated) throw new Error(`report ${reportId} is no longer RUNNING`);
      this.logger.log({ msg: 'report generated', reportId, type: report.type, bytes: size, ms: Date.now() - started });
    } catch (e) {
      out.destroy();
      await this.files.remove(tmp);
      if (published) await this.files.remove(published);
      throw e;
    }
  }

  /**
   * After a failed attempt: QUEUED again while BullMQ retries, FAILED with the error after the
   * last one. Never touches a report already DONE.
   */
  async recordFailure(reportId: string, error: string, last: boolean): Promise<void> {
    await this.db.query(
      `UPDATE reports SET status = $2, error = $3, progress = 0, finished_at = CASE WHEN $2 = 'FAILED' THEN now() END
       WHERE id = $1 AND status <> 'DONE'`,
      [reportId, last ? 'FAILED' : 'QUEUED', error.slice(0, 2000)],
    );
    this.logger.warn({ msg: last ? 'report failed' : 'report attempt failed, retrying', reportId, error });
  }

  /** QUEUED (or RUNNING again after a crash) → RUNNING; null when already DONE or FAILED. */
  private async start(reportId: string): Promise<ReportRow | null> {
    const [rows] = await this.db.query(
      `UPDATE reports SET status = 'RUNNING', attempts = attempts + 1, progress = 0, error = NULL
       WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')
       RETURNING id, type, status, lang, tranche_id, filters, requested_by`,
      [reportId],
    );
    if (rows.length) return rows[0];
    const [existing] = await this.db.query(`SELECT status FROM reports WHERE id = $1`, [reportId]);
    if (!existing) throw new UnrecoverableError(`report ${reportId} does not exist`);
    return null; // DONE or FAILED: a duplicate job has nothing to do
  }

  /** Writes the workbook from the snapshot; answers the hash that goes on the report. */
  private async write(tx: EntityManager, report: ReportRow, out: Writable): Promise<string> {
    const requester = await this.requester(tx, report.requested_by);
    const meta: ReportMeta = {
      reportId: report.id, type: report.type, lang: report.lang, generatedAt: new Date(),
      requester: { name: requester.name, email: requester.email, role: requester.role },
    };
    const progress = this.progressOf(report.id);
    if (report.type === 'PORTFOLIO') {
      const data = await loadPortfolio(tx, meta, requester, report.filters ?? {}, progress);
      const outcome = await writeWorkbook(out, report.lang, meta.generatedAt, (book) => writePortfolio(book, data));
      return outcome.dataHash;
    }
    const frozen = report.tranche_id ? await loadFrozenTranche(tx, report.tranche_id) : null;
    const kind = report.type === 'FIXED_VERIFICATION' ? 'FIXED' : 'VARIABLE';
    if (!frozen || frozen.tranche.kind !== kind) {
      throw new UnrecoverableError(`tranche ${report.tranche_id} has no frozen ${kind} verification to report on`);
    }
    if (kind === 'FIXED') {
      const data = await loadFixedReport(tx, meta, frozen);
      await writeWorkbook(out, report.lang, meta.generatedAt, (book) => writeFixedVerification(book, data));
    } else {
      const data = await loadVariableReport(tx, meta, frozen, progress);
      await writeWorkbook(out, report.lang, meta.generatedAt, (book) => writeVariableVerification(book, data));
    }
    return frozen.tranche.inputHash;
  }

  /** Who asked, as the scoping rules see them (the portfolio shows what they may see). */
  private async requester(tx: EntityManager, userId: string | null): Promise<AuthUser> {
    const [u] = userId
      ? await tx.query(
          `SELECT id, email, name, role, entity_id AS "entityId", funding_program_id AS "fundingProgramId", donor_id AS "donorId"
           FROM users WHERE id = $1`,
          [userId],
        )
      : [];
    if (!u) throw new UnrecoverableError(`the requester of the report (${userId}) does not exist`);
    return u;
  }

  /** Rows written so far of the large part of the report, as 5–95 %; written on another connection. */
  private progressOf(reportId: string): (done: number, total: number) => void {
    let last = 0;
    return (done, total) => {
      const pct = Math.min(95, 5 + Math.floor((90 * done) / Math.max(1, total)));
      if (pct - last < PROGRESS_STEP) return;
      last = pct;
      this.db
        .query(`UPDATE reports SET progress = $2 WHERE id = $1 AND status = 'RUNNING'`, [reportId, pct])
        .catch((e) => this.logger.warn({ msg: 'report progress not saved', reportId, error: (e as Error).message }));
    };
  }
}
