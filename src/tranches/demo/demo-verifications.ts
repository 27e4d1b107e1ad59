import type { EntityManager } from 'typeorm';
import { Dec, money } from '../../common/decimal.js';
import { loadReportingFrame, type ReportingFrame, type TrancheRef } from '../../evidence/measurements/reporting-frame.js';
import type { TrancheComputation } from '../compliance/tranche-compliance.service.js';

/** What the demo needs of the compliance service: the tranche's figures on the accepted values. */
export interface DemoCompliance {
  compute(tx: EntityManager, trancheId: string, opts: { basis: 'ACCEPTED' }): Promise<TrancheComputation>;
}

/** The demo's variable goals end at 90 % of the way from the baseline to the target: a partial payment. */
const DEMO_PROGRESS = '0.9';

/**
 * The demo's VERIFIED, APPROVED and TRANSFERRED tranches carry real verifications: illustrative
 * values reported by the entity (where it has a demo user) and accepted by the analyst, then the
 * engine's result frozen on the tranche exactly as `POST /tranches/:id/verify` freezes it, so their
 * figures, compliance and verification reports are the product's own. Answers the tranches
 * verified, in period order (earlier periods first: carry-over reads them).
 */
export async function verifyDemoTranches(tx: EntityManager, compliance: DemoCompliance): Promise<{ trancheId: string; agreementId: string; kind: 'FIXED' | 'VARIABLE' }[]> {
  const tranches: (TrancheRef & { status: string; entity_user: string | null })[] = await tx.query(
    `SELECT t.id, t.agreement_id, t.period_id, t.kind, t.status,
       (SELECT u.id FROM users u WHERE u.entity_id = a.entity_id AND u.role = 'ENTITY' AND u.is_demo ORDER BY u.email LIMIT 1) AS entity_user
     FROM tranches t JOIN agreements a ON a.id = t.agreement_id JOIN periods p ON p.id = t.period_id
     WHERE a.illustrative AND t.status IN ('VERIFIED', 'APPROVED', 'TRANSFERRED')
     ORDER BY a.code, p.starts_on, t.kind`,
  );
  const [analyst] = await tx.query(`SELECT id FROM users WHERE email = 'analista@demo.tramos.pe'`);
  for (const t of tranches) {
    const values = await demoValues(tx, t);
    for (const v of values) {
      if (t.entity_user) {
        await tx.query(
          `INSERT INTO measurements (tranche_id, criterion_id, indicator_id, ubigeo, value, note, reported_by) VALUES ($1, $2, $3, $4, $5, 'Ilustrativo', $6)`,
          [t.id, v.criterionId, v.indicatorId, v.ubigeo, v.value, t.entity_user],
        );
      }
      await tx.query(
        `INSERT INTO accepted_values (tranche_id, criterion_id, indicator_id, ubigeo, value, source, recorded_by) VALUES ($1, $2, $3, $4, $5, 'Ilustrativo', $6)`,
        [t.id, v.criterionId, v.indicatorId, v.ubigeo, v.value, analyst.id],
      );
    }
    const c = await compliance.compute(tx, t.id, { basis: 'ACCEPTED' });
    const amount = money(c.amount);
    await tx.query(
      `UPDATE tranches SET verified_result = $2, verified_input_hash = $3, verified_version = $4, verified_amount = $5, verified_by = $6,
         approved_amount = CASE WHEN status IN ('APPROVED', 'TRANSFERRED') THEN $5::numeric END
       WHERE id = $1`,
      [t.id, c.result, c.inputHash, c.agreementVersion, amount, analyst.id],
    );
  }
  return tranches.map((t) => ({ trancheId: t.id, agreementId: t.agreement_id, kind: t.kind }));
}

interface DemoValue {
  criterionId: string | null;
  indicatorId: string | null;
  ubigeo: string | null;
  value: string;
}

/** Every criterion at its required level; every indicator target 90 % of the way from its baseline. */
async function demoValues(tx: EntityManager, t: TrancheRef): Promise<DemoValue[]> {
  const frame: ReportingFrame = await loadReportingFrame(tx, t);
  if (t.kind === 'FIXED') {
    return [...frame.criteria.values()]
      .filter((c) => c.level !== null)
      .map((c) => ({ criterionId: c.id, indicatorId: null, ubigeo: null, value: c.kind === 'BOOLEAN' ? 'true' : c.level! }));
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
