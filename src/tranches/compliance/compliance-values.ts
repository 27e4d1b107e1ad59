import type { EntityManager } from 'typeorm';

/** Where the figures come from: the verifier's accepted values, or (before any) what the entity reported. */
export type ComplianceBasis = 'ACCEPTED' | 'REPORTED';
export type RequestedBasis = ComplianceBasis | 'AUTO';

/** Current values of one tranche, keyed by `valueKey(criterion or indicator id, ubigeo)`. */
export interface TrancheValues {
  accepted: Map<string, string>;
  reported: Map<string, string>;
}

export const valueKey = (itemId: string, ubigeo: string | null = null): string => `${itemId}|${ubigeo ?? ''}`;

/** The current (not superseded) accepted values and measurements of these tranches. */
export async function loadValues(tx: EntityManager, trancheIds: string[]): Promise<Map<string, TrancheValues>> {
  const rows: { source: 'A' | 'R'; tranche_id: string; item_id: string; ubigeo: string | null; value: string }[] = await tx.query(
    `SELECT 'A' AS source, tranche_id, coalesce(criterion_id, indicator_id) AS item_id, ubigeo, value
       FROM accepted_values WHERE tranche_id = ANY($1) AND superseded_at IS NULL
     UNION ALL
     SELECT 'R', tranche_id, coalesce(criterion_id, indicator_id), ubigeo, value
       FROM measurements WHERE tranche_id = ANY($1) AND superseded_at IS NULL`,
    [trancheIds],
  );
  const byTranche = new Map<string, TrancheValues>(trancheIds.map((id) => [id, { accepted: new Map(), reported: new Map() }]));
  for (const r of rows) {
    const values = byTranche.get(r.tranche_id)!;
    (r.source === 'A' ? values.accepted : values.reported).set(valueKey(r.item_id, r.ubigeo), r.value);
  }
  return byTranche;
}

/** AUTO: the accepted values as soon as the verifier has recorded any; until then, what was reported. */
export function resolveBasis(values: TrancheValues, requested: RequestedBasis): ComplianceBasis {
  if (requested !== 'AUTO') return requested;
  return values.accepted.size > 0 ? 'ACCEPTED' : 'REPORTED';
}

export const valuesOn = (values: TrancheValues, basis: ComplianceBasis): Map<string, string> =>
  basis === 'ACCEPTED' ? values.accepted : values.reported;
