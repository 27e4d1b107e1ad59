import type { EntityManager } from 'typeorm';
import { money } from '../../common/decimal.js';
import { demoValues } from '../../evidence/demo/demo-values.js';
import type { TrancheRef } from '../../evidence/measurements/reporting-frame.js';
import type { TrancheComputation } from '../compliance/tranche-compliance.service.js';

/** What the demo needs of the compliance service: the tranche's figures on the accepted values. */
export interface DemoCompliance {
  compute(tx: EntityManager, trancheId: string, opts: { basis: 'ACCEPTED' }): Promise<TrancheComputation>;
}

/**
 * The demo's VERIFIED, APPROVED and TRANSFERRED tranches carry real verifications: the values
 * the entity reported (see submitDemoReports) accepted by the analyst, then the engine's result
 * frozen on the tranche exactly as `POST /tranches/:id/verify` freezes it, so their figures,
 * compliance and verification reports are the product's own. Answers the tranches verified, in
 * period order (earlier periods first: carry-over reads them).
 */
export async function verifyDemoTranches(tx: EntityManager, compliance: DemoCompliance): Promise<{ trancheId: string; agreementId: string; kind: 'FIXED' | 'VARIABLE' }[]> {
  const tranches: TrancheRef[] = await tx.query(
    `SELECT t.id, t.agreement_id, t.period_id, t.kind
     FROM tranches t JOIN agreements a ON a.id = t.agreement_id JOIN periods p ON p.id = t.period_id
     WHERE a.illustrative AND t.status IN ('VERIFIED', 'APPROVED', 'TRANSFERRED')
     ORDER BY a.code, p.starts_on, t.kind`,
  );
  const [analyst] = await tx.query(`SELECT id FROM users WHERE email = 'analista@demo.tramos.pe'`);
  for (const t of tranches) {
    for (const v of await demoValues(tx, t)) {
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
