import type { EntityManager } from 'typeorm';
import { Dec } from '../../common/decimal.js';
import { RuleViolationError } from '../../common/errors.js';
import type { IndicatorInput, ScoringRule } from '../../compliance/index.js';
import { valueKey } from './compliance-values.js';
import { plain } from './compliance-tranche.js';

export type PeriodIndicator = Omit<IndicatorInput, 'carriedIn'>;

interface IndicatorRow {
  id: string; code: string; name: string; unit: string; direction: IndicatorInput['direction'];
  baseline_value: string; weight: string; scoring: ScoringRule;
}

/** An agreement's indicators with every period's targets and neutralisations, read once for a series. */
export interface IndicatorBook {
  indicators: IndicatorRow[];
  /** `indicatorId|periodId` → targets (ubigeo null = the national/aggregate target). */
  targets: Map<string, { ubigeo: string | null; value: string }[]>;
  /** `indicatorId|periodId` → reason. */
  neutralisations: Map<string, string>;
}

/** What a simulation changes in its period: achieved values and neutralisations, by indicator id. */
export interface PeriodOverrides {
  achieved: Map<string, string>;
  neutralise: Set<string>;
}

const SIMULATED_NEUTRALISATION = 'Neutralización simulada (no decidida)';

const pairKey = (indicatorId: string, periodId: string) => `${indicatorId}|${periodId}`;

/** Whether the indicator counts in the period (it has a target there). */
export const hasTarget = (book: IndicatorBook, indicatorId: string, periodId: string): boolean =>
  (book.targets.get(pairKey(indicatorId, periodId))?.length ?? 0) > 0;

export async function loadIndicatorBook(tx: EntityManager, agreementId: string): Promise<IndicatorBook> {
  const indicators: IndicatorRow[] = await tx.query(
    `SELECT id, code, name, unit, direction, baseline_value, weight, scoring FROM indicators WHERE agreement_id = $1 ORDER BY ordinal`,
    [agreementId],
  );
  const targetRows: { indicator_id: string; period_id: string; ubigeo: string | null; value: string }[] = await tx.query(
    `SELECT it.indicator_id, it.period_id, it.ubigeo, it.value
     FROM indicator_targets it JOIN indicators i ON i.id = it.indicator_id
     WHERE i.agreement_id = $1 ORDER BY it.ubigeo NULLS FIRST`,
    [agreementId],
  );
  const neutralRows: { indicator_id: string; period_id: string; reason: string }[] = await tx.query(
    `SELECT n.indicator_id, n.period_id, n.reason FROM neutralisations n JOIN indicators i ON i.id = n.indicator_id WHERE i.agreement_id = $1`,
    [agreementId],
  );
  const targets = new Map<string, { ubigeo: string | null; value: string }[]>();
  for (const r of targetRows) {
    const key = pairKey(r.indicator_id, r.period_id);
    targets.set(key, [...(targets.get(key) ?? []), { ubigeo: r.ubigeo, value: r.value }]);
  }
  return {
    indicators,
    targets,
    neutralisations: new Map(neutralRows.map((r) => [pairKey(r.indicator_id, r.period_id), r.reason])),
  };
}

/**
 * The period's indicators as the engine reads them. An indicator with no target in the period
 * does not count in it. Target and achieved value are the national (ubigeo-less) ones; when an
 * indicator only has district targets, both are the plain mean over those districts (achieved:
 * pending until every district has a value), so one line per indicator still explains itself.
 */
export function periodIndicators(
  book: IndicatorBook,
  periodId: string,
  values: Map<string, string>,
  overrides?: PeriodOverrides,
): PeriodIndicator[] {
  return book.indicators.flatMap((ind) => {
    const targets = book.targets.get(pairKey(ind.id, periodId));
    if (!targets?.length) return [];
    const national = targets.find((t) => t.ubigeo === null);
    let target: string;
    let achieved: string | null;
    if (national) {
      target = plain(national.value);
      achieved = values.get(valueKey(ind.id)) ?? null;
    } else {
      target = mean(targets.map((t) => t.value), ind.code);
      const reached = targets.map((t) => values.get(valueKey(ind.id, t.ubigeo)));
      achieved = reached.every((v) => v !== undefined) ? mean(reached as string[], ind.code) : null;
    }
    if (overrides?.achieved.has(ind.id)) achieved = overrides.achieved.get(ind.id)!;
    const reason = overrides?.neutralise.has(ind.id)
      ? SIMULATED_NEUTRALISATION
      : book.neutralisations.get(pairKey(ind.id, periodId));
    return [{
      id: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      direction: ind.direction,
      baseline: plain(ind.baseline_value),
      target,
      achieved,
      weight: plain(ind.weight),
      scoring: ind.scoring,
      ...(reason === undefined ? {} : { neutralised: true, neutralisationReason: reason }),
    }];
  });
}

/** Plain decimal notation, as the engine reads it: no exponent, no thousands separator. */
export const isPlainDecimal = (v: unknown): v is string => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);

/** Mean to 6 decimals (half-up), the scale targets and values are stored at. */
function mean(values: string[], indicatorCode: string): string {
  const bad = values.find((v) => !isPlainDecimal(v));
  if (bad !== undefined) {
    throw new RuleViolationError(`Indicator ${indicatorCode} has a district value that is not a number`, [
      { field: `indicators.${indicatorCode}.achieved`, problem: `"${bad}" is not a decimal number in plain notation` },
    ]);
  }
  return new Dec(values.reduce((sum, v) => sum.plus(v), new Dec(0)).div(values.length).toFixed(6)).toFixed();
}
