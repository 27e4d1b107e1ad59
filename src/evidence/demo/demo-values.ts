import type { EntityManager } from 'typeorm';
import { Dec } from '../../common/decimal.js';
import { loadReportingFrame, type TrancheRef } from '../measurements/reporting-frame.js';

export interface DemoValue {
  criterionId: string | null;
  indicatorId: string | null;
  ubigeo: string | null;
  value: string;
}

/** The demo's variable goals end at 90 % of the way from the baseline to the target: a partial payment. */
const DEMO_PROGRESS = '0.9';

/**
 * Illustrative values of a demo tranche: every criterion at its required level (with
 * `shortfall`, the first one misses it, as an observed or cancelled tranche's does) and every
 * indicator target 90 % of the way from its baseline.
 */
export async function demoValues(tx: EntityManager, t: TrancheRef, shortfall = false): Promise<DemoValue[]> {
  const frame = await loadReportingFrame(tx, t);
  if (t.kind === 'FIXED') {
    return [...frame.criteria.values()]
      .filter((c) => c.level !== null)
      .map((c, i) => {
        const miss = shortfall && i === 0;
        const value = c.kind === 'BOOLEAN' ? String(!miss) : miss ? new Dec(c.level!).times(c.kind === 'AT_LEAST' ? '0.8' : '1.2').toFixed(2) : c.level!;
        return { criterionId: c.id, indicatorId: null, ubigeo: null, value };
      });
  }
  const baselines = new Map<string, string>(
    (await tx.query(`SELECT id, baseline_value::text AS baseline FROM indicators WHERE agreement_id = $1`, [t.agreement_id])).map(
      (i: { id: string; baseline: string }) => [i.id, i.baseline],
    ),
  );
  return [...frame.indicators.values()]
    .filter((i) => !i.neutralised)
    .flatMap((i) =>
      [...i.targets].map(([ubigeo, target]) => {
        const baseline = new Dec(baselines.get(i.id)!);
        const value = baseline.plus(new Dec(target).minus(baseline).times(DEMO_PROGRESS)).toFixed(2);
        return { criterionId: null, indicatorId: i.id, ubigeo: ubigeo || null, value };
      }),
    );
}
