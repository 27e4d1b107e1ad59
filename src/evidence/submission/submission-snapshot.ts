import type { EntityManager } from 'typeorm';
import { EVIDENCE_SELECT, type EvidenceView, toEvidenceView } from '../files/evidence-view.js';
import { MEASUREMENT_ORDER, MEASUREMENT_SELECT, type MeasurementView, toMeasurementView } from '../measurements/measurement-view.js';

export interface SubmittedTranche {
  id: string;
  kind: string;
  period_id: string;
  current_version: number;
}

/** What an informe de cumplimiento freezes: the tranche's current values and every evidence file with its SHA-256. */
export async function submissionSnapshot(tx: EntityManager, tranche: SubmittedTranche, measurements?: MeasurementView[]) {
  const values: MeasurementView[] =
    measurements ?? (await tx.query(`${MEASUREMENT_SELECT} WHERE m.tranche_id = $1 AND m.superseded_at IS NULL ${MEASUREMENT_ORDER}`, [tranche.id])).map(toMeasurementView);
  const evidence: EvidenceView[] = (await tx.query(`${EVIDENCE_SELECT} WHERE ev.tranche_id = $1 ORDER BY ev.uploaded_at, ev.id`, [tranche.id])).map(toEvidenceView);
  const [{ ordinal }] = await tx.query('SELECT coalesce(max(ordinal), 0) + 1 AS ordinal FROM submissions WHERE tranche_id = $1', [tranche.id]);
  return {
    ordinal: ordinal as number,
    snapshot: {
      trancheId: tranche.id, kind: tranche.kind, periodId: tranche.period_id, agreementVersion: tranche.current_version,
      measurements: values.map(({ supersededAt: _, ...m }) => m),
      evidence,
    },
  };
}
