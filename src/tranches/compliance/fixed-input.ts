import type { EntityManager } from 'typeorm';
import type { CriterionInput, FixedTrancheInput, ProcessInput, SubprocessInput } from '../../compliance/index.js';
import { type ComplianceBasis, valueKey } from './compliance-values.js';
import { type ComplianceTranche, contextOf, plain } from './compliance-tranche.js';

interface CriterionRow {
  process_id: string; process_code: string; process_name: string; process_weight: string | null; process_share: string | null;
  subprocess_id: string; subprocess_code: string; subprocess_name: string; subprocess_weight: string | null;
  id: string; code: string; name: string; kind: CriterionInput['kind']; unit: string | null; weight: string | null; required_level: string;
}

/** BOOLEAN levels and values are stored as "true"/"false"; the engine reads booleans. */
function booleanOrText(kind: CriterionInput['kind'], v: string): string | boolean {
  if (kind === 'BOOLEAN' && (v === 'true' || v === 'false')) return v === 'true';
  return v;
}

const weightOf = (w: string | null) => (w === null ? {} : { weight: plain(w) });

/**
 * Process → subprocess → criterion of the agreement, each criterion with its required level in
 * the tranche's period. A criterion without a level in that period does not count in it, and a
 * subprocess or process left without criteria drops out with it.
 */
export async function buildFixedInput(
  tx: EntityManager,
  tranche: ComplianceTranche,
  values: Map<string, string>,
  basis: ComplianceBasis,
): Promise<FixedTrancheInput> {
  const rows: CriterionRow[] = await tx.query(
    `SELECT pr.id AS process_id, pr.code AS process_code, pr.name AS process_name, pr.weight AS process_weight, pr.share AS process_share,
       sp.id AS subprocess_id, sp.code AS subprocess_code, sp.name AS subprocess_name, sp.weight AS subprocess_weight,
       c.id, c.code, c.name, c.kind, c.unit, c.weight, cl.required_level
     FROM criteria c
     JOIN criterion_levels cl ON cl.criterion_id = c.id AND cl.period_id = $2
     JOIN subprocesses sp ON sp.id = c.subprocess_id
     JOIN processes pr ON pr.id = sp.process_id
     WHERE c.agreement_id = $1
     ORDER BY pr.ordinal, sp.ordinal, c.ordinal`,
    [tranche.agreementId, tranche.periodId],
  );
  const perProcess = tranche.fixedTrancheRule === 'PER_PROCESS';
  const processes = new Map<string, ProcessInput>();
  const subprocesses = new Map<string, SubprocessInput>();
  for (const r of rows) {
    let process = processes.get(r.process_id);
    if (!process) {
      process = { code: r.process_code, name: r.process_name, ...weightOf(r.process_weight), subprocesses: [] };
      // Shares only mean something under PER_PROCESS; leaving them out keeps them out of the hash.
      if (perProcess && r.process_share !== null) process.share = plain(r.process_share);
      processes.set(r.process_id, process);
    }
    let subprocess = subprocesses.get(r.subprocess_id);
    if (!subprocess) {
      subprocess = { code: r.subprocess_code, name: r.subprocess_name, ...weightOf(r.subprocess_weight), criteria: [] };
      subprocesses.set(r.subprocess_id, subprocess);
      process.subprocesses.push(subprocess);
    }
    const value = values.get(valueKey(r.id));
    subprocess.criteria.push({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      ...(r.unit === null ? {} : { unit: r.unit }),
      ...weightOf(r.weight),
      requiredLevel: booleanOrText(r.kind, r.required_level),
      acceptedValue: value === undefined ? null : booleanOrText(r.kind, value),
    });
  }
  return {
    trancheAmount: tranche.amount,
    rule: tranche.fixedTrancheRule,
    processes: [...processes.values()],
    context: contextOf(tranche, basis),
  };
}
