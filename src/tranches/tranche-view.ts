import { money } from '../common/decimal.js';
import type { TransferView } from '../transfers/transfers.service.js';
import type { TrancheComputation } from './compliance/tranche-compliance.service.js';
import type { TrancheStatus } from './tranche-state.js';

/** Columns of a tranche with its period and agreement summary; dates as `YYYY-MM-DD` text. */
export const TRANCHE_SELECT = `
  SELECT t.id, t.kind, t.status, t.amount, t.planned_date::text AS planned_date, t.correction_deadline::text AS correction_deadline,
    t.row_version, t.verified_version, t.verified_result, t.verified_input_hash, t.verified_amount, t.verified_by, t.verified_at,
    t.conclusions, t.recommendations, t.approved_by, t.approved_at, t.approved_amount, t.cancelled_amount, t.cancel_reason, t.updated_at,
    p.id AS period_id, p.code AS period_code, p.name AS period_name, p.ordinal AS period_ordinal,
    p.starts_on::text AS period_starts_on, p.ends_on::text AS period_ends_on,
    a.id AS agreement_id, a.code AS agreement_code, a.title AS agreement_title, a.status AS agreement_status,
    a.entity_id, e.name AS entity_name, a.verifier_entity_id, ve.name AS verifier_entity_name,
    a.current_version, a.fixed_tranche_rule, a.correction_days
  FROM tranches t
  JOIN periods p ON p.id = t.period_id
  JOIN agreements a ON a.id = t.agreement_id
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN entities ve ON ve.id = a.verifier_entity_id`;

export const OBSERVATION_COLUMNS = `o.id, o.tranche_id AS "trancheId", o.criterion_id AS "criterionId", o.indicator_id AS "indicatorId", o.text,
  o.deadline::text AS deadline, o.created_by AS "createdBy", o.created_at AS "createdAt", o.answer, o.answered_by AS "answeredBy",
  o.answered_at AS "answeredAt"`;

export interface ObservationView {
  id: string;
  trancheId: string;
  criterionId: string | null;
  indicatorId: string | null;
  text: string;
  deadline: string;
  createdBy: string;
  createdAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface TrancheView {
  id: string;
  kind: 'FIXED' | 'VARIABLE';
  status: TrancheStatus;
  amount: string;
  plannedDate: string;
  /** Set when observations are issued: the last day to correct (art. 17.7). */
  correctionDeadline: string | null;
  rowVersion: number;
  period: { id: string; code: string; name: string; ordinal: number; startsOn: string; endsOn: string };
  agreement: {
    id: string; code: string; title: string; status: string; entityId: string; entityName: string;
    verifierEntityId: string | null; verifierEntityName: string | null; currentVersion: number;
    fixedTrancheRule: string; correctionDays: number;
  };
  /** The figures frozen at verification; null before. */
  verification: {
    version: number; inputHash: string; amount: string; by: string; at: Date;
    conclusions: string | null; recommendations: string | null; result: unknown;
  } | null;
  approval: { by: string; at: Date; amount: string } | null;
  cancellation: { amount: string | null; reason: string | null } | null;
  transfer: TransferView | null;
  observations: ObservationView[];
  /** Live computation (what the tranche would pay now); null when the agreement's data cannot be computed. */
  compliance: TrancheComputation | null;
  complianceProblems?: { field: string; problem: string }[];
}

const opt = (v: string | null) => (v === null ? null : money(v));

export function toTrancheView(
  r: Record<string, any>,
  extra: Pick<TrancheView, 'transfer' | 'observations' | 'compliance' | 'complianceProblems'>,
): TrancheView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    amount: money(r.amount),
    plannedDate: r.planned_date,
    correctionDeadline: r.correction_deadline,
    rowVersion: r.row_version,
    period: { id: r.period_id, code: r.period_code, name: r.period_name, ordinal: r.period_ordinal, startsOn: r.period_starts_on, endsOn: r.period_ends_on },
    agreement: {
      id: r.agreement_id, code: r.agreement_code, title: r.agreement_title, status: r.agreement_status,
      entityId: r.entity_id, entityName: r.entity_name, verifierEntityId: r.verifier_entity_id, verifierEntityName: r.verifier_entity_name,
      currentVersion: r.current_version, fixedTrancheRule: r.fixed_tranche_rule, correctionDays: r.correction_days,
    },
    verification: r.verified_at
      ? {
          version: r.verified_version, inputHash: r.verified_input_hash, amount: money(r.verified_amount), by: r.verified_by, at: r.verified_at,
          conclusions: r.conclusions, recommendations: r.recommendations, result: r.verified_result,
        }
      : null,
    approval: r.approved_at ? { by: r.approved_by, at: r.approved_at, amount: money(r.approved_amount) } : null,
    cancellation: r.status === 'CANCELLED' ? { amount: opt(r.cancelled_amount), reason: r.cancel_reason } : null,
    ...extra,
  };
}
