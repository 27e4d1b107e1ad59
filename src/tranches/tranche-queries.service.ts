import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { findVisibleTranche, refuse, visibleAgreement } from '../auth/scope.js';
import type { Page, PageQuery } from '../common/pagination.js';
import { offsetOf } from '../common/pagination.js';
import { money } from '../common/decimal.js';
import type { TrancheListQuery } from './tranches.dto.js';
import { TransfersService } from '../transfers/transfers.service.js';
import { TrancheComplianceService } from './compliance/tranche-compliance.service.js';
import { complianceProblems } from './computation.js';
import { OBSERVATION_COLUMNS, type ObservationView, TRANCHE_SELECT, type TrancheView, toTrancheView } from './tranche-view.js';

export interface TrancheSummary {
  id: string;
  kind: string;
  status: string;
  amount: string;
  plannedDate: string;
  correctionDeadline: string | null;
  period: { id: string; code: string; name: string };
  agreement: { id: string; code: string; title: string; entity: { id: string; code: string; name: string } };
}

/** What a tranche looks like to whoever may see it: state, money, observations, live compliance, history. */
@Injectable()
export class TrancheQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly compliance: TrancheComplianceService,
    private readonly transfers: TransfersService,
  ) {}

  /** The tranches the caller may see, across agreements, by planned date. */
  async list(user: AuthUser, q: TrancheListQuery): Promise<Page<TrancheSummary>> {
    const params: unknown[] = [];
    const where = [visibleAgreement(user, params)];
    if (q.status) where.push(`t.status = $${params.push(q.status)}`);
    if (q.kind) where.push(`t.kind = $${params.push(q.kind)}`);
    if (q.agreementId) where.push(`t.agreement_id = $${params.push(q.agreementId)}`);
    const from = `FROM tranches t JOIN agreements a ON a.id = t.agreement_id JOIN periods p ON p.id = t.period_id
      JOIN entities e ON e.id = a.entity_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const items = await this.db.query(
      `SELECT t.id, t.kind, t.status, t.amount::text AS amount, t.planned_date::text AS "plannedDate",
         t.correction_deadline::text AS "correctionDeadline",
         json_build_object('id', p.id, 'code', p.code, 'name', p.name) AS period,
         json_build_object('id', a.id, 'code', a.code, 'title', a.title, 'entity', json_build_object('id', e.id, 'code', e.code, 'name', e.name)) AS agreement
       ${from} ORDER BY t.planned_date, a.code, t.kind, t.id LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return { items: items.map((t: TrancheSummary) => ({ ...t, amount: money(t.amount) })), total, page: q.page, pageSize: q.pageSize };
  }

  /** One snapshot (REPEATABLE READ), so the figures and the state shown belong together. */
  view(user: AuthUser, id: string): Promise<TrancheView> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const params: unknown[] = [id];
      const [row] = await tx.query(`${TRANCHE_SELECT} WHERE t.id = $1 AND ${visibleAgreement(user, params)}`, params);
      if (!row) throw refuse(user, 'Tranche', id);
      const observations = await this.observationsOf(tx, id);
      const transfer = await this.transfers.ofTranche(tx, id);
      try {
        return toTrancheView(row, { observations, transfer, compliance: await this.compliance.compute(tx, id) });
      } catch (e) {
        const problems = complianceProblems(e);
        if (!problems) throw e;
        return toTrancheView(row, { observations, transfer, compliance: null, complianceProblems: problems });
      }
    });
  }

  async history(user: AuthUser, id: string, q: PageQuery): Promise<Page<unknown>> {
    return this.db.transaction(async (tx) => {
      await findVisibleTranche(tx, user, id);
      const [{ total }] = await tx.query(`SELECT count(*)::int AS total FROM tranche_transitions WHERE tranche_id = $1`, [id]);
      const rows = await tx.query(
        `SELECT id::text, from_status AS "from", to_status AS "to", actor_id, actor_label, reason, at
         FROM tranche_transitions WHERE tranche_id = $1 ORDER BY id LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
        [id],
      );
      const items = rows.map((r: any) => ({ id: r.id, from: r.from, to: r.to, by: { id: r.actor_id, label: r.actor_label }, at: r.at, reason: r.reason }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  async observations(user: AuthUser, id: string, q: PageQuery): Promise<Page<ObservationView>> {
    return this.db.transaction(async (tx) => {
      await findVisibleTranche(tx, user, id);
      const [{ total }] = await tx.query(`SELECT count(*)::int AS total FROM observations WHERE tranche_id = $1`, [id]);
      const items = await this.observationsOf(tx, id, `LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`);
      return { items, total, page: q.page, pageSize: q.pageSize };
    });
  }

  private observationsOf(tx: EntityManager, trancheId: string, limit = ''): Promise<ObservationView[]> {
    return tx.query(`SELECT ${OBSERVATION_COLUMNS} FROM observations o WHERE o.tranche_id = $1 ORDER BY o.created_at, o.id ${limit}`, [trancheId]);
  }
}
