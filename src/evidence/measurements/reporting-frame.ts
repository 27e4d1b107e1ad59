import type { EntityManager } from 'typeorm';

export interface CriterionFrame {
  id: string;
  code: string;
  name: string;
  kind: 'BOOLEAN' | 'AT_LEAST' | 'AT_MOST';
  unit: string | null;
  /** Required level in the tranche's period; null: the criterion does not count in this period. */
  level: string | null;
}

export interface IndicatorFrame {
  id: string;
  code: string;
  name: string;
  unit: string;
  /** Targets of the tranche's period by UBIGEO ('' = the national/agreement-wide target), as decimal text. */
  targets: Map<string, string>;
  /** Neutralised for the period (DOMAIN.md §4): it leaves the calculation, so no value is owed. */
  neutralised: boolean;
}

/** Everything a reported value of one tranche is checked against, read once per request. */
export interface ReportingFrame {
  trancheKind: 'FIXED' | 'VARIABLE';
  /** In the agreement's order (process → subprocess → criterion; indicator ordinal). */
  criteria: Map<string, CriterionFrame>;
  indicators: Map<string, IndicatorFrame>;
  /** Ids of the evidence uploaded for this tranche. */
  evidenceIds: Set<string>;
  /** Of the UBIGEOs a request names, those that are districts, and whether each is in the agreement's scope. */
  districts: Map<string, { name: string; inScope: boolean }>;
}

export interface TrancheRef {
  id: string;
  agreement_id: string;
  period_id: string;
  kind: 'FIXED' | 'VARIABLE';
}

export const hasDistrictTargets = (i: IndicatorFrame) => [...i.targets.keys()].some((u) => u !== '');

export async function loadReportingFrame(tx: EntityManager, t: TrancheRef, ubigeos: Iterable<string> = []): Promise<ReportingFrame> {
  const criteria: Array<Record<string, any>> = await tx.query(
    `SELECT c.id, c.code, c.name, c.kind, c.unit, cl.required_level AS level
     FROM criteria c
     JOIN subprocesses s ON s.id = c.subprocess_id
     JOIN processes p ON p.id = s.process_id
     LEFT JOIN criterion_levels cl ON cl.criterion_id = c.id AND cl.period_id = $2
     WHERE c.agreement_id = $1
     ORDER BY p.ordinal, s.ordinal, c.ordinal, c.code`,
    [t.agreement_id, t.period_id],
  );
  const indicators: Array<Record<string, any>> = await tx.query(
    `SELECT i.id, i.code, i.name, i.unit,
       EXISTS (SELECT 1 FROM neutralisations n WHERE n.indicator_id = i.id AND n.period_id = $2) AS neutralised,
       coalesce(jsonb_agg(jsonb_build_object('ubigeo', coalesce(it.ubigeo::text, ''), 'value', it.value::text) ORDER BY it.ubigeo NULLS FIRST)
         FILTER (WHERE it.id IS NOT NULL), '[]') AS targets
     FROM indicators i
     LEFT JOIN indicator_targets it ON it.indicator_id = i.id AND it.period_id = $2
     WHERE i.agreement_id = $1
     GROUP BY i.id
     ORDER BY i.ordinal, i.code`,
    [t.agreement_id, t.period_id],
  );
  const evidence: Array<{ id: string }> = await tx.query('SELECT id FROM evidence WHERE tranche_id = $1', [t.id]);
  return {
    trancheKind: t.kind,
    criteria: new Map(criteria.map((c) => [c.id, { id: c.id, code: c.code, name: c.name, kind: c.kind, unit: c.unit, level: c.level }])),
    indicators: new Map(
      indicators.map((i) => [
        i.id,
        {
          id: i.id, code: i.code, name: i.name, unit: i.unit, neutralised: i.neutralised,
          targets: new Map((i.targets as Array<{ ubigeo: string; value: string }>).map((x) => [x.ubigeo, x.value])),
        },
      ]),
    ),
    evidenceIds: new Set(evidence.map((e) => e.id)),
    districts: await districtsInScope(tx, t.agreement_id, [...new Set(ubigeos)]),
  };
}

/**
 * The agreement's scope (DOMAIN.md §3: UBIGEO list and quintiles). A district is inside when a
 * scope row names it, its province or its department — and, when the agreement lists poverty
 * quintiles, its quintile is one of them ("distritos del quintil 1 de Ayacucho"). With no
 * scope rows the UBIGEO part is national; with no quintiles, the quintile part is.
 */
async function districtsInScope(tx: EntityManager, agreementId: string, ubigeos: string[]) {
  const out = new Map<string, { name: string; inScope: boolean }>();
  if (!ubigeos.length) return out;
  const rows: Array<{ ubigeo: string; name: string; in_scope: boolean }> = await tx.query(
    `SELECT t.ubigeo, t.name,
       (NOT EXISTS (SELECT 1 FROM agreement_scope s WHERE s.agreement_id = a.id)
         OR EXISTS (SELECT 1 FROM agreement_scope s WHERE s.agreement_id = a.id
                    AND s.ubigeo IN (t.ubigeo, t.province_ubigeo, t.department_ubigeo)))
       AND (cardinality(a.scope_quintiles) = 0 OR t.quintile = ANY (a.scope_quintiles)) AS in_scope
     FROM territories t, agreements a
     WHERE a.id = $1 AND t.level = 'DISTRICT' AND t.ubigeo = ANY ($2::text[])`,
    [agreementId, ubigeos],
  );
  for (const r of rows) out.set(r.ubigeo, { name: r.name, inScope: r.in_scope });
  return out;
}
