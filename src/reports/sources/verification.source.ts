import type { EntityManager } from 'typeorm';
import { money } from '../../common/decimal.js';
import type { FixedTrancheResult, VariableTrancheResult } from '../../compliance/index.js';
import type {
  EvolutionRow, FixedReportData, IndicatorInfo, ReportMeta, VariableReportData, VerificationMeta, VerifiedTranche,
} from '../xlsx/report-data.js';
import { loadBackground } from './agreement-background.source.js';
import { cursorRows } from './cursor.js';

/** Statuses in which a tranche's figures are frozen, so a verification report can be made. */
export const REPORTABLE_STATUSES = ['VERIFIED', 'APPROVED', 'TRANSFERRED', 'CANCELLED'] as const;

export interface FrozenTranche {
  agreementId: string;
  tranche: VerifiedTranche;
  result: unknown;
}

/** The tranche and what verification froze on it; null when it has no frozen figures. */
export async function loadFrozenTranche(tx: EntityManager, trancheId: string): Promise<FrozenTranche | null> {
  const [t] = await tx.query(
    `SELECT t.id, t.kind, t.amount, t.status, t.agreement_id, t.verified_at, t.verified_version, t.verified_input_hash, t.verified_amount,
       t.verified_result, t.conclusions, t.recommendations, u.name AS verified_by, p.code AS period_code, p.name AS period_name
     FROM tranches t JOIN periods p ON p.id = t.period_id LEFT JOIN users u ON u.id = t.verified_by
     WHERE t.id = $1`,
    [trancheId],
  );
  if (!t || t.verified_result === null || t.verified_amount === null || !REPORTABLE_STATUSES.includes(t.status)) return null;
  return {
    agreementId: t.agreement_id,
    result: t.verified_result,
    tranche: {
      id: t.id, kind: t.kind, periodCode: t.period_code, periodName: t.period_name, amount: money(t.amount), status: t.status,
      verifiedAt: t.verified_at, verifiedBy: t.verified_by ?? '', verifiedVersion: t.verified_version, inputHash: t.verified_input_hash,
      verifiedAmount: money(t.verified_amount), conclusions: t.conclusions, recommendations: t.recommendations,
    },
  };
}

/** Everything the fixed tranche report shows, from one snapshot. */
export async function loadFixedReport(tx: EntityManager, meta: ReportMeta, frozen: FrozenTranche): Promise<FixedReportData> {
  const trancheId = frozen.tranche.id;
  const submissions = await tx.query(
    `SELECT s.ordinal, s.submitted_at, u.name FROM submissions s JOIN users u ON u.id = s.submitted_by WHERE s.tranche_id = $1 ORDER BY s.ordinal`,
    [trancheId],
  );
  const evidence = await tx.query(
    `SELECT e.file_name, e.media_type, e.size::text AS size, e.sha256, e.uploaded_at, u.name AS uploaded_by, e.version,
       coalesce(c.code, i.code) AS backs
     FROM evidence e JOIN users u ON u.id = e.uploaded_by
     LEFT JOIN criteria c ON c.id = e.criterion_id LEFT JOIN indicators i ON i.id = e.indicator_id
     WHERE e.tranche_id = $1 ORDER BY e.uploaded_at, e.file_name, e.version`,
    [trancheId],
  );
  const reported: { criterion_id: string; value: string }[] = await tx.query(
    `SELECT criterion_id, value FROM measurements WHERE tranche_id = $1 AND criterion_id IS NOT NULL AND superseded_at IS NULL`,
    [trancheId],
  );
  return {
    meta: { ...meta, tranche: frozen.tranche },
    background: await loadBackground(tx, frozen.agreementId),
    result: frozen.result as FixedTrancheResult,
    submissions: submissions.map((s: any) => ({ ordinal: s.ordinal, submittedAt: s.submitted_at, submittedBy: s.name })),
    evidence: evidence.map((e: any) => ({
      fileName: e.file_name, mediaType: e.media_type, size: Number(e.size), sha256: e.sha256, uploadedAt: e.uploaded_at,
      uploadedBy: e.uploaded_by, version: e.version, backs: e.backs,
    })),
    reported: new Map(reported.map((r) => [r.criterion_id, r.value])),
    observations: await loadObservations(tx, trancheId),
  };
}

async function loadObservations(tx: EntityManager, trancheId: string) {
  const rows = await tx.query(
    `SELECT coalesce(o.criterion_id, o.indicator_id) AS item_id, coalesce(c.code, i.code) AS item_code, o.text, o.deadline::text AS deadline,
       o.created_at, o.answer, o.answered_at
     FROM observations o LEFT JOIN criteria c ON c.id = o.criterion_id LEFT JOIN indicators i ON i.id = o.indicator_id
     WHERE o.tranche_id = $1 ORDER BY o.created_at, o.id`,
    [trancheId],
  );
  return rows.map((o: any) => ({
    itemId: o.item_id, itemCode: o.item_code, text: o.text, deadline: o.deadline, issuedAt: o.created_at, answer: o.answer, answeredAt: o.answered_at,
  }));
}

/**
 * Every target and accepted value of the agreement's indicators: one cell per indicator, period
 * and territory that has either. Ordered as the subtotals need: indicator, the aggregate first,
 * department, territory, period.
 */
const EVOLUTION_CELLS = `
  WITH cells AS (
    SELECT it.indicator_id, it.period_id, it.ubigeo
    FROM indicator_targets it JOIN indicators i ON i.id = it.indicator_id WHERE i.agreement_id = $1
    UNION
    SELECT av.indicator_id, t.period_id, av.ubigeo
    FROM accepted_values av JOIN tranches t ON t.id = av.tranche_id
    WHERE t.agreement_id = $1 AND t.kind = 'VARIABLE' AND av.indicator_id IS NOT NULL AND av.superseded_at IS NULL
  )`;

const EVOLUTION = `${EVOLUTION_CELLS}
  SELECT i.code AS indicator_code, c.ubigeo, ter.level, ter.department_ubigeo, ter.department_name,
    CASE ter.level WHEN 'PROVINCE' THEN ter.name ELSE ter.province_name END AS province,
    CASE ter.level WHEN 'DISTRICT' THEN ter.name END AS district,
    p.code AS period_code, it.value::text AS target, av.value AS achieved
  FROM cells c
  JOIN indicators i ON i.id = c.indicator_id
  JOIN periods p ON p.id = c.period_id
  LEFT JOIN territories ter ON ter.ubigeo = c.ubigeo
  LEFT JOIN indicator_targets it ON it.indicator_id = c.indicator_id AND it.period_id = c.period_id AND it.ubigeo IS NOT DISTINCT FROM c.ubigeo
  LEFT JOIN tranches t ON t.period_id = c.period_id AND t.kind = 'VARIABLE'
  LEFT JOIN accepted_values av ON av.tranche_id = t.id AND av.indicator_id = c.indicator_id
    AND av.ubigeo IS NOT DISTINCT FROM c.ubigeo AND av.superseded_at IS NULL
  ORDER BY i.ordinal, c.ubigeo IS NOT NULL, ter.department_ubigeo, c.ubigeo, p.ordinal`;

/** The variable tranche report; its evolution rows are read through a cursor while the sheet is written. */
export async function loadVariableReport(
  tx: EntityManager,
  meta: ReportMeta,
  frozen: FrozenTranche,
  onEvolutionRow: (done: number, total: number) => void,
): Promise<VariableReportData> {
  const agreementId = frozen.agreementId;
  const indicators = await tx.query(
    `SELECT code, name, kind, unit, direction, baseline_value::text AS baseline, baseline_year, source, territorial_level, weight::text AS weight
     FROM indicators WHERE agreement_id = $1 ORDER BY ordinal`,
    [agreementId],
  );
  const periods = await tx.query(`SELECT code, name FROM periods WHERE agreement_id = $1 ORDER BY ordinal`, [agreementId]);
  const [{ total }] = await tx.query(`${EVOLUTION_CELLS} SELECT count(*)::int AS total FROM cells`, [agreementId]);

  async function* evolution(): AsyncGenerator<EvolutionRow> {
    let done = 0;
    for await (const r of cursorRows<any>(tx, EVOLUTION, [agreementId])) {
      yield {
        indicatorCode: r.indicator_code, ubigeo: r.ubigeo, level: r.level, departmentUbigeo: r.department_ubigeo, department: r.department_name,
        province: r.province, district: r.district, periodCode: r.period_code, target: r.target, achieved: r.achieved,
      };
      if (++done % 1000 === 0) onEvolutionRow(done, total);
    }
  }

  return {
    meta: { ...meta, tranche: frozen.tranche } satisfies VerificationMeta,
    background: await loadBackground(tx, agreementId),
    result: frozen.result as VariableTrancheResult,
    indicators: indicators.map((i: any): IndicatorInfo => ({
      code: i.code, name: i.name, kind: i.kind, unit: i.unit, direction: i.direction, baseline: i.baseline, baselineYear: i.baseline_year,
      source: i.source, territorialLevel: i.territorial_level, weight: i.weight,
    })),
    periods: periods.map((p: any) => ({ code: p.code, name: p.name })),
    evolution: evolution(),
  };
}
