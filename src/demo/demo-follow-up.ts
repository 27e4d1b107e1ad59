import type { EntityManager } from 'typeorm';

/**
 * Rows of the demo that need a person (transfers, observations): written once the demo users
 * exist, so the TRANSFERRED, APPROVED and OBSERVED demo tranches look as they would in real use.
 */
export async function completeDemoWorkflow(tx: EntityManager): Promise<void> {
  await tx.query(
    `INSERT INTO transfers (tranche_id, requested_amount, requested_by, status, instrument, executed_on, amount, recorded_by, recorded_at)
     SELECT t.id, coalesce(t.approved_amount, t.verified_amount, t.amount), d.id,
            CASE WHEN t.status = 'TRANSFERRED' THEN 'EXECUTED' ELSE 'REQUESTED' END,
            CASE WHEN t.status = 'TRANSFERRED' THEN 'D.S. N° ' || (100 + row_number() OVER (ORDER BY t.planned_date))::text || '-' || extract(year FROM t.planned_date)::text || '-EF (ilustrativo)' END,
            CASE WHEN t.status = 'TRANSFERRED' THEN (SELECT max(tt.at)::date FROM tranche_transitions tt WHERE tt.tranche_id = t.id AND tt.to_status = 'TRANSFERRED') END,
            CASE WHEN t.status = 'TRANSFERRED' THEN coalesce(t.approved_amount, t.verified_amount, t.amount) END,
            CASE WHEN t.status = 'TRANSFERRED' THEN d.id END,
            CASE WHEN t.status = 'TRANSFERRED' THEN now() END
     FROM tranches t JOIN agreements a ON a.id = t.agreement_id, users d
     WHERE a.illustrative AND t.status IN ('APPROVED', 'TRANSFERRED') AND d.email = 'director@demo.tramos.pe'
     ON CONFLICT (tranche_id) DO NOTHING`,
  );
  await tx.query(
    `INSERT INTO observations (tranche_id, text, deadline, created_by)
     SELECT t.id, 'Ilustrativo: el valor reportado no coincide con la fuente oficial; remitir el reporte del sistema de origen.',
            coalesce(t.correction_deadline, t.planned_date + a.correction_days), u.id
     FROM tranches t JOIN agreements a ON a.id = t.agreement_id, users u
     WHERE a.illustrative AND t.status = 'OBSERVED' AND u.email = 'analista@demo.tramos.pe'`,
  );
}
