import type { EntityManager } from 'typeorm';
import type { ProblemDetail } from '../common/errors.js';

/** What a tranche's items may point at: criteria (fixed tranche) or indicators (variable tranche). */
export interface TrancheTargets {
  kind: 'FIXED' | 'VARIABLE';
  criteria: Map<string, { code: string; kind: 'BOOLEAN' | 'AT_LEAST' | 'AT_MOST'; hasLevel: boolean }>;
  /** Each indicator with the territories it has a target for in the period ('' = national). */
  indicators: Map<string, { code: string; targetUbigeos: Set<string> }>;
}

export interface ItemRef {
  criterionId?: string;
  indicatorId?: string;
}

const DECIMAL = /^-?\d{1,14}(\.\d{1,6})?$/;

export async function loadTargets(tx: EntityManager, t: { agreement_id: string; period_id: string; kind: 'FIXED' | 'VARIABLE' }): Promise<TrancheTargets> {
  const criteria = await tx.query(
    `SELECT c.id, c.code, c.kind, EXISTS (SELECT 1 FROM criterion_levels cl WHERE cl.criterion_id = c.id AND cl.period_id = $2) AS has_level
     FROM criteria c WHERE c.agreement_id = $1`,
    [t.agreement_id, t.period_id],
  );
  const indicators = await tx.query(
    `SELECT i.id, i.code, coalesce(array_agg(coalesce(it.ubigeo::text, '')) FILTER (WHERE it.id IS NOT NULL), '{}'::text[]) AS ubigeos
     FROM indicators i LEFT JOIN indicator_targets it ON it.indicator_id = i.id AND it.period_id = $2
     WHERE i.agreement_id = $1 GROUP BY i.id, i.code`,
    [t.agreement_id, t.period_id],
  );
  return {
    kind: t.kind,
    criteria: new Map(criteria.map((c: any) => [c.id, { code: c.code, kind: c.kind, hasLevel: c.has_level }])),
    indicators: new Map(indicators.map((i: any) => [i.id, { code: i.code, targetUbigeos: new Set<string>(i.ubigeos.map((u: string) => u.trim())) }])),
  };
}

/**
 * Checks that an item points at a criterion (fixed tranche) or an indicator (variable tranche)
 * of this agreement that counts in this period. `required`: one of the two must be given.
 */
export function checkRef(item: ItemRef, at: string, targets: TrancheTargets, problems: ProblemDetail[], required: boolean): void {
  if (item.criterionId && item.indicatorId) {
    problems.push({ field: `${at}.criterionId`, problem: 'give criterionId or indicatorId, not both' });
    return;
  }
  if (!item.criterionId && !item.indicatorId) {
    if (required) problems.push({ field: `${at}.criterionId`, problem: 'criterionId or indicatorId is required' });
    return;
  }
  if (item.criterionId) {
    const c = targets.criteria.get(item.criterionId);
    if (targets.kind !== 'FIXED') problems.push({ field: `${at}.criterionId`, problem: 'a variable tranche takes indicators, not criteria' });
    else if (!c) problems.push({ field: `${at}.criterionId`, problem: 'not a criterion of this agreement' });
    else if (!c.hasLevel) problems.push({ field: `${at}.criterionId`, problem: `criterion ${c.code} has no required level in this period` });
  } else {
    const i = targets.indicators.get(item.indicatorId!);
    if (targets.kind !== 'VARIABLE') problems.push({ field: `${at}.indicatorId`, problem: 'a fixed tranche takes criteria, not indicators' });
    else if (!i) problems.push({ field: `${at}.indicatorId`, problem: 'not an indicator of this agreement' });
    else if (!i.targetUbigeos.size) problems.push({ field: `${at}.indicatorId`, problem: `indicator ${i.code} has no target in this period` });
  }
}

/** A value as the engine reads it: `true`/`false` for BOOLEAN criteria, plain decimal text otherwise. */
export function checkValue(item: ItemRef & { value: string }, at: string, targets: TrancheTargets, problems: ProblemDetail[]): void {
  const c = item.criterionId ? targets.criteria.get(item.criterionId) : undefined;
  if (c?.kind === 'BOOLEAN') {
    if (item.value !== 'true' && item.value !== 'false') problems.push({ field: `${at}.value`, problem: `criterion ${c.code} takes "true" or "false"` });
  } else if (!DECIMAL.test(item.value)) {
    problems.push({ field: `${at}.value`, problem: 'must be a decimal number in plain notation, e.g. "72.5"' });
  }
}

/**
 * Territories: criteria take none; an indicator takes a value for each territory it has a
 * target for in this period (none for a national target).
 */
export function checkTerritory(item: ItemRef & { ubigeo?: string }, at: string, targets: TrancheTargets, problems: ProblemDetail[]): void {
  if (item.criterionId) {
    if (item.ubigeo) problems.push({ field: `${at}.ubigeo`, problem: 'criteria take no territory' });
    return;
  }
  const indicator = item.indicatorId ? targets.indicators.get(item.indicatorId) : undefined;
  if (!indicator || !indicator.targetUbigeos.size) return;
  if (indicator.targetUbigeos.has(item.ubigeo ?? '')) return;
  problems.push({
    field: `${at}.ubigeo`,
    problem: item.ubigeo
      ? `indicator ${indicator.code} has no target for territory ${item.ubigeo} in this period`
      : `indicator ${indicator.code} has targets per territory in this period: give the UBIGEO`,
  });
}

/** The same target twice in one request is ambiguous. */
export function checkDuplicates(items: (ItemRef & { ubigeo?: string })[], problems: ProblemDetail[]): void {
  const seen = new Set<string>();
  items.forEach((item, n) => {
    const key = `${item.criterionId ?? item.indicatorId}|${item.ubigeo ?? ''}`;
    if (seen.has(key)) problems.push({ field: `items[${n}]`, problem: 'the same criterion or indicator (and territory) appears twice' });
    seen.add(key);
  });
}
