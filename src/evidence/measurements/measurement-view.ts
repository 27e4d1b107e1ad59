import { Dec } from '../../common/decimal.js';

/** A reported value as the API shows it. Ratios travel as plain decimal text. */
export interface MeasurementView {
  id: string;
  criterionId: string | null;
  indicatorId: string | null;
  /** The criterion's or indicator's code. */
  code: string;
  ubigeo: string | null;
  value: string;
  numerator: string | null;
  denominator: string | null;
  note: string | null;
  evidenceIds: string[];
  reportedBy: string;
  reportedAt: Date;
  supersededAt: Date | null;
}

export const MEASUREMENT_SELECT = `
  SELECT m.id, m.criterion_id, m.indicator_id, coalesce(c.code, i.code) AS code, m.ubigeo, m.value, m.numerator::text AS numerator,
    m.denominator::text AS denominator, m.note, m.evidence_ids::text[] AS evidence_ids, m.reported_by, m.reported_at, m.superseded_at
  FROM measurements m
  LEFT JOIN criteria c ON c.id = m.criterion_id
  LEFT JOIN indicators i ON i.id = m.indicator_id`;

/** Agreement order first, then district, then time (history). */
export const MEASUREMENT_ORDER = `ORDER BY coalesce(c.ordinal, i.ordinal), coalesce(c.code, i.code), m.ubigeo NULLS FIRST, m.reported_at, m.id`;

const plain = (v: string | null) => (v === null ? null : new Dec(v).toFixed());

export function toMeasurementView(r: Record<string, any>): MeasurementView {
  return {
    id: r.id,
    criterionId: r.criterion_id,
    indicatorId: r.indicator_id,
    code: r.code,
    ubigeo: r.ubigeo,
    value: r.value,
    numerator: plain(r.numerator),
    denominator: plain(r.denominator),
    note: r.note,
    evidenceIds: r.evidence_ids,
    reportedBy: r.reported_by,
    reportedAt: r.reported_at,
    supersededAt: r.superseded_at,
  };
}
