import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { StateConflictError } from '../common/errors.js';
import { applyChanges, valuesBefore, type AgreementChanges } from './apply-changes.js';
import { readAgreementView } from './agreement-reader.js';
import { snapshotOf, type AgreementView } from './agreement-view.js';
import { checkAgreementRules } from './draft-agreement.js';

export interface Addendum {
  effectiveFrom: string;
  reason: string;
  changes: AgreementChanges;
}

/**
 * Signs an addendum to an agreement in force the caller has locked: the changes are checked
 * (their own rules, then the resulting agreement whole, by the same rules as a draft), applied to
 * the rows in place (structure ids stay), and kept as version n+1 with its snapshot; audited.
 */
export async function amendAgreement(
  tx: EntityManager, audit: AuditService, row: { id: string; status: string }, addendum: Addendum, actor: Actor,
): Promise<AgreementView> {
  if (row.status !== 'IN_FORCE') {
    throw new StateConflictError(`Agreement is ${row.status}; addenda apply only to an agreement IN_FORCE`, [
      { field: 'status', problem: `current ${row.status}, an addendum needs IN_FORCE` },
    ]);
  }
  const view = await readAgreementView(tx, row.id);
  const [current] = await tx.query(
    `SELECT to_char(effective_from, 'YYYY-MM-DD') AS since FROM agreement_versions WHERE agreement_id = $1 AND version = $2`,
    [row.id, view.currentVersion],
  );
  const { document, problems } = applyChanges(view, addendum.changes, addendum.effectiveFrom, current.since);
  await checkAgreementRules(tx, document, row.id, problems);

  await writeChanges(tx, view, addendum.changes);
  const version = view.currentVersion + 1;
  await tx.query(
    `UPDATE agreements SET max_amount = $2, current_version = $3, row_version = row_version + 1, updated_at = now() WHERE id = $1`,
    [row.id, document.maxAmount, version],
  );
  const after = await readAgreementView(tx, row.id);
  await tx.query(
    `INSERT INTO agreement_versions (agreement_id, version, effective_from, reason, snapshot, created_by) VALUES ($1,$2,$3,$4,$5,$6)`,
    [row.id, version, addendum.effectiveFrom, addendum.reason, JSON.stringify(snapshotOf(after)), actor.id],
  );
  await audit.record(tx, {
    agreementId: row.id, subjectType: 'Agreement', subjectId: row.id, action: 'agreement.amended', actor,
    before: { version: view.currentVersion, ...valuesBefore(view, addendum.changes) },
    after: { version, effectiveFrom: addendum.effectiveFrom, reason: addendum.reason, ...addendum.changes },
  });
  return after;
}

/** Applies checked changes to the rows, in place: structure ids stay the same across versions. */
async function writeChanges(tx: EntityManager, view: AgreementView, changes: AgreementChanges): Promise<void> {
  const period = (code: string) => view.periods.find((p) => p.code === code)!;
  const criteria = view.processes.flatMap((p) => p.subprocesses.flatMap((s) => s.criteria));
  for (const c of changes.tranches ?? []) {
    const tranche = period(c.period).tranches.find((t) => t.kind === c.kind)!;
    await tx.query(
      `UPDATE tranches SET amount = coalesce($2, amount), planned_date = coalesce($3::date, planned_date), row_version = row_version + 1,
         updated_at = now() WHERE id = $1`,
      [tranche.id, c.amount ?? null, c.plannedDate ?? null],
    );
  }
  for (const c of changes.levels ?? []) {
    await tx.query(
      `INSERT INTO criterion_levels (criterion_id, period_id, required_level) VALUES ($1,$2,$3)
       ON CONFLICT (criterion_id, period_id) DO UPDATE SET required_level = EXCLUDED.required_level`,
      [criteria.find((x) => x.code === c.criterion)!.id, period(c.period).id, c.value],
    );
  }
  for (const c of changes.targets ?? []) {
    const indicator = view.indicators.find((x) => x.code === c.indicator)!;
    const target = indicator.targets.find((t) => t.period === c.period && t.ubigeo === (c.ubigeo ?? null));
    if (target) await tx.query(`UPDATE indicator_targets SET value = $2 WHERE id = $1`, [target.id, c.value]);
    else {
      await tx.query(`INSERT INTO indicator_targets (indicator_id, period_id, ubigeo, value) VALUES ($1,$2,$3,$4)`, [
        indicator.id, period(c.period).id, c.ubigeo ?? null, c.value,
      ]);
    }
  }
  if (changes.scope?.addUbigeos?.length) {
    await tx.query(`INSERT INTO agreement_scope (agreement_id, ubigeo) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
      view.id, changes.scope.addUbigeos,
    ]);
  }
}
