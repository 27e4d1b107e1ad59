import type { EntityManager } from 'typeorm';
import type { TrancheRef } from '../measurements/reporting-frame.js';
import { submissionSnapshot } from '../submission/submission-snapshot.js';
import { demoValues } from './demo-values.js';

/**
 * Every demo tranche the entity has already reported on (SUBMITTED and beyond) gets what the
 * entity sent: illustrative values reported by the entity's demo user, and its informe de
 * cumplimiento frozen at the date the demo history says it was submitted. An analyst opening a
 * tranche under review finds something to review.
 */
export async function submitDemoReports(tx: EntityManager): Promise<void> {
  const tranches: (TrancheRef & { status: string; current_version: number; entity_user: string; submitted_at: string })[] = await tx.query(
    `SELECT t.id, t.agreement_id, t.period_id, t.kind, t.status, a.current_version,
       (SELECT u.id FROM users u WHERE u.entity_id = a.entity_id AND u.role = 'ENTITY' AND u.is_demo ORDER BY u.email LIMIT 1) AS entity_user,
       (SELECT min(tt.at) FROM tranche_transitions tt WHERE tt.tranche_id = t.id AND tt.to_status = 'SUBMITTED') AS submitted_at
     FROM tranches t JOIN agreements a ON a.id = t.agreement_id
     WHERE a.illustrative AND t.status IN ('SUBMITTED', 'IN_REVIEW', 'OBSERVED', 'VERIFIED', 'APPROVED', 'TRANSFERRED', 'CANCELLED')
     ORDER BY t.id`,
  );
  for (const t of tranches) {
    if (!t.entity_user) throw new Error(`demo: no ENTITY user for the entity of tranche ${t.id}`);
    const shortfall = t.status === 'OBSERVED' || t.status === 'CANCELLED';
    for (const v of await demoValues(tx, t, shortfall)) {
      await tx.query(
        `INSERT INTO measurements (tranche_id, criterion_id, indicator_id, ubigeo, value, note, reported_by, reported_at)
         VALUES ($1, $2, $3, $4, $5, 'Ilustrativo', $6, $7::timestamptz - interval '1 day')`,
        [t.id, v.criterionId, v.indicatorId, v.ubigeo, v.value, t.entity_user, t.submitted_at],
      );
    }
    const { ordinal, snapshot } = await submissionSnapshot(tx, t);
    await tx.query(
      `INSERT INTO submissions (tranche_id, ordinal, snapshot, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5)`,
      [t.id, ordinal, JSON.stringify(snapshot), t.entity_user, t.submitted_at],
    );
  }
}
