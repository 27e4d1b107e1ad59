import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { actorOf, type AuthUser } from '../../auth/auth-user.js';
import { findVisibleTranche } from '../../auth/scope.js';
import { Dec } from '../../common/decimal.js';
import { BadInputError, type ProblemDetail } from '../../common/errors.js';
import { offsetOf, type Page } from '../../common/pagination.js';
import { assertReportingOpen } from '../reporting-window.js';
import { type CheckedMeasurement, checkMeasurements, type Locate, type ReportedItem } from './measurement-rules.js';
import { MEASUREMENT_ORDER, MEASUREMENT_SELECT, type MeasurementView, toMeasurementView } from './measurement-view.js';
import { loadReportingFrame } from './reporting-frame.js';
import type { MeasurementListQuery } from './measurements.dto.js';

export interface ReportResult {
  /** Values stored (new or replacing another). */
  changed: number;
  /** Values sent again exactly as they were: nothing stored for them. */
  unchanged: number;
  /** The tranche's current values after the change. */
  items: MeasurementView[];
}

/** What the entity reports for a tranche: values of criteria or indicators, with their history. */
@Injectable()
export class MeasurementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, trancheId: string, q: MeasurementListQuery): Promise<Page<MeasurementView>> {
    const tranche = await findVisibleTranche(this.db.manager, user, trancheId);
    const where = `WHERE m.tranche_id = $1 ${q.history ? '' : 'AND m.superseded_at IS NULL'}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM measurements m ${where}`, [tranche.id]);
    const rows = await this.db.query(`${MEASUREMENT_SELECT} ${where} ${MEASUREMENT_ORDER} LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`, [tranche.id]);
    return { items: rows.map(toMeasurementView), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * Stores the values all together or not at all. A value sent again replaces the current one,
   * which stays in the history (superseded_at); one sent unchanged stores nothing.
   * `at` names the place of a problem (JSON path or template cell); `earlier` carries problems
   * found before (e.g. unreadable template cells) so that every problem is answered at once.
   */
  async report(
    user: AuthUser,
    trancheId: string,
    items: ReportedItem[],
    opts: { at: Locate; source: 'api' | 'template'; earlier?: ProblemDetail[] },
  ): Promise<ReportResult> {
    return this.db.transaction(async (tx) => {
      const tranche = await findVisibleTranche(tx, user, trancheId, true); // serialises the tranche's writers
      assertReportingOpen(tranche, 'its values');
      const frame = await loadReportingFrame(tx, tranche, items.flatMap((i) => (i.ubigeo ? [i.ubigeo.trim()] : [])));
      const { measurements, problems } = checkMeasurements(items, frame, opts.at);
      const all = [...(opts.earlier ?? []), ...problems];
      if (all.length) throw new BadInputError(`Invalid values: ${all.map((p) => p.field).join(', ')}`, all);

      const current = new Map((await this.current(tx, tranche.id)).map((v) => [keyOf(v), v]));
      const changed = measurements.filter((m) => !sameAs(current.get(keyOf(m)), m));
      const replaced = changed.flatMap((m) => current.get(keyOf(m)) ?? []);
      if (replaced.length) {
        await tx.query('UPDATE measurements SET superseded_at = now() WHERE id = ANY ($1::uuid[])', [replaced.map((r) => r.id)]);
      }
      if (changed.length) await this.insert(tx, tranche.id, user.id, changed);
      const after = await this.current(tx, tranche.id);
      if (changed.length) {
        await this.audit.record(tx, {
          agreementId: tranche.agreement_id, subjectType: 'Tranche', subjectId: tranche.id, action: 'measurements.reported',
          actor: actorOf(user),
          before: { measurements: replaced.map(auditable) },
          after: { source: opts.source, measurements: changed },
        });
      }
      return { changed: changed.length, unchanged: measurements.length - changed.length, items: after };
    });
  }

  /** The tranche's current values (also used for the submission's snapshot and the template). */
  async current(tx: EntityManager, trancheId: string): Promise<MeasurementView[]> {
    const rows = await tx.query(`${MEASUREMENT_SELECT} WHERE m.tranche_id = $1 AND m.superseded_at IS NULL ${MEASUREMENT_ORDER}`, [trancheId]);
    return rows.map(toMeasurementView);
  }

  private async insert(tx: EntityManager, trancheId: string, userId: string, rows: CheckedMeasurement[]) {
    // One statement for the whole batch (a template may carry hundreds of district values).
    await tx.query(
      `INSERT INTO measurements (tranche_id, criterion_id, indicator_id, ubigeo, value, numerator, denominator, note, evidence_ids, reported_by)
       SELECT $1, x."criterionId", x."indicatorId", x.ubigeo, x.value, x.numerator, x.denominator, x.note,
         ARRAY(SELECT jsonb_array_elements_text(x."evidenceIds"))::uuid[], $2
       FROM jsonb_to_recordset($3::jsonb) AS x("criterionId" uuid, "indicatorId" uuid, ubigeo text, value text, numerator numeric,
         denominator numeric, note text, "evidenceIds" jsonb)`,
      [trancheId, userId, JSON.stringify(rows)],
    );
  }
}

const keyOf = (m: { criterionId: string | null; indicatorId: string | null; ubigeo: string | null }) =>
  `${m.criterionId ?? m.indicatorId}|${m.ubigeo ?? ''}`;

const same = (a: string | null, b: string | null) => a === b || (a !== null && b !== null && new Dec(a).eq(b));

function sameAs(current: MeasurementView | undefined, m: CheckedMeasurement): boolean {
  return (
    !!current &&
    current.value === m.value &&
    same(current.numerator, m.numerator) &&
    same(current.denominator, m.denominator) &&
    current.note === m.note &&
    [...current.evidenceIds].sort().join() === [...m.evidenceIds].sort().join()
  );
}

const auditable = (v: MeasurementView) => ({
  id: v.id, criterionId: v.criterionId, indicatorId: v.indicatorId, ubigeo: v.ubigeo, value: v.value,
  numerator: v.numerator, denominator: v.denominator, note: v.note, evidenceIds: v.evidenceIds,
});
