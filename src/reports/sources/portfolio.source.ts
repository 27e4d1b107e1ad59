import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { visibleAgreement } from '../../auth/scope.js';
import { money } from '../../common/decimal.js';
import type { PortfolioReportData, PortfolioTranche, ReportMeta } from '../xlsx/report-data.js';
import { cursorRows } from './cursor.js';

export interface PortfolioFilters {
  fundingProgramId?: string;
  entityId?: string;
  year?: number;
}

const opt = (v: string | null) => (v === null ? null : money(v));

/**
 * Every tranche of every signed agreement the requester may see (as at generation time), with what its
 * frozen result says about carry and unpaid money, read through a cursor.
 */
export async function loadPortfolio(
  tx: EntityManager,
  meta: ReportMeta,
  requester: AuthUser,
  filters: PortfolioFilters,
  onRow: (done: number, total: number) => void,
): Promise<PortfolioReportData> {
  const params: unknown[] = [];
  // A draft commits no money yet: the portfolio holds signed agreements only.
  const where = [visibleAgreement(requester, params, 'a'), `a.status <> 'DRAFT'`];
  if (filters.fundingProgramId) where.push(`a.funding_program_id = $${params.push(filters.fundingProgramId)}`);
  if (filters.entityId) where.push(`a.entity_id = $${params.push(filters.entityId)}`);
  if (filters.year) where.push(`extract(year FROM t.planned_date) = $${params.push(filters.year)}`);
  const from = `
    FROM agreements a
    JOIN funding_programs fp ON fp.id = a.funding_program_id
    JOIN donors d ON d.id = fp.donor_id
    JOIN entities e ON e.id = a.entity_id
    LEFT JOIN territories et ON et.ubigeo = e.ubigeo
    JOIN tranches t ON t.agreement_id = a.id
    JOIN periods p ON p.id = t.period_id
    LEFT JOIN transfers tr ON tr.tranche_id = t.id AND tr.status = 'EXECUTED'
    WHERE ${where.join(' AND ')}`;
  const [{ total }] = await tx.query(`SELECT count(*)::int AS total ${from}`, params);

  async function* tranches(): AsyncGenerator<PortfolioTranche> {
    let done = 0;
    const rows = cursorRows<any>(tx, `
      SELECT d.name AS donor, fp.code || ' – ' || fp.name AS funding_program, a.id AS agreement_id, a.code, a.title, a.status AS agreement_status,
        e.name AS entity, et.department_name AS region, p.code AS period_code, t.kind, t.status, t.planned_date::text AS planned_date,
        t.amount, t.verified_amount, t.verified_result->>'carriedIn' AS carried_in, t.verified_result->>'carriedOver' AS carried_over,
        CASE t.kind WHEN 'FIXED' THEN t.verified_result->>'unpaid' ELSE t.verified_result->>'released' END AS not_paid,
        tr.amount AS transferred, tr.executed_on::text AS executed_on, tr.instrument, t.cancelled_amount
      ${from}
      ORDER BY d.name, fp.code, a.code, a.id, p.ordinal, t.kind`, params);
    for await (const r of rows) {
      yield {
        donor: r.donor, fundingProgram: r.funding_program, agreementId: r.agreement_id, agreementCode: r.code, agreementTitle: r.title,
        agreementStatus: r.agreement_status, entity: r.entity, region: r.region, periodCode: r.period_code, kind: r.kind, status: r.status,
        plannedDate: r.planned_date, amount: money(r.amount), verifiedAmount: opt(r.verified_amount), frozenCarriedIn: r.carried_in,
        frozenCarriedOver: r.carried_over, frozenNotPaid: r.not_paid, transferred: opt(r.transferred), transferredOn: r.executed_on,
        instrument: r.instrument, cancelled: opt(r.cancelled_amount),
      };
      if (++done % 500 === 0) onRow(done, total);
    }
  }

  const [names] = await tx.query(
    `SELECT (SELECT code || ' – ' || name FROM funding_programs WHERE id = $1) AS program, (SELECT name FROM entities WHERE id = $2) AS entity`,
    [filters.fundingProgramId ?? null, filters.entityId ?? null],
  );
  return {
    meta,
    filters: { fundingProgram: names.program ?? undefined, entity: names.entity ?? undefined, year: filters.year },
    tranches: tranches(),
  };
}
