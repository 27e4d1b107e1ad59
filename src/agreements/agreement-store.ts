import type { EntityManager } from 'typeorm';
import { StateConflictError } from '../common/errors.js';
import { TRANCHE_KINDS, trancheOf, type AgreementDocument } from './agreement-document.js';

/** The agreement row's columns that come from the document. */
function headerValues(doc: AgreementDocument): unknown[] {
  return [
    doc.code, doc.title, doc.fundingProgramId, doc.entityId, doc.verifierEntityId ?? null, doc.startsOn, doc.endsOn, doc.maxAmount,
    doc.rules.correctionDays, doc.rules.fixedTrancheRule, doc.rules.allowCarryOver, doc.scope.quintiles, doc.budgetProgramIds,
    doc.prioritizedProductIds, doc.notes ?? null,
  ];
}

export async function insertAgreementRow(
  tx: EntityManager, doc: AgreementDocument, createdBy: string | null, illustrative: boolean,
): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO agreements (code, title, funding_program_id, entity_id, verifier_entity_id, starts_on, ends_on, max_amount,
       correction_days, fixed_tranche_rule, allow_carry_over, scope_quintiles, budget_program_ids, prioritized_product_ids, notes,
       created_by, illustrative)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::smallint[],$13::uuid[],$14::uuid[],$15,$16,$17) RETURNING id`,
    [...headerValues(doc), createdBy, illustrative],
  );
  return row.id;
}

export async function updateAgreementRow(tx: EntityManager, id: string, doc: AgreementDocument): Promise<void> {
  await tx.query(
    `UPDATE agreements SET code = $1, title = $2, funding_program_id = $3, entity_id = $4, verifier_entity_id = $5, starts_on = $6,
       ends_on = $7, max_amount = $8, correction_days = $9, fixed_tranche_rule = $10, allow_carry_over = $11,
       scope_quintiles = $12::smallint[], budget_program_ids = $13::uuid[], prioritized_product_ids = $14::uuid[], notes = $15,
       row_version = row_version + 1, updated_at = now()
     WHERE id = $16`,
    [...headerValues(doc), id],
  );
}

/**
 * Writes the document's rows under the agreement: scope, periods and their tranches (SCHEDULED),
 * the process → subprocess → criterion tree with levels, indicators with targets. Ordinals follow
 * the document's order.
 */
export async function insertDefinition(tx: EntityManager, agreementId: string, doc: AgreementDocument): Promise<void> {
  if (doc.scope.ubigeos.length) {
    await tx.query(`INSERT INTO agreement_scope (agreement_id, ubigeo) SELECT $1, unnest($2::text[])`, [agreementId, doc.scope.ubigeos]);
  }
  const periodIds = new Map<string, string>();
  for (const [i, p] of doc.periods.entries()) {
    const [row] = await tx.query(
      `INSERT INTO periods (agreement_id, code, name, ordinal, starts_on, ends_on) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [agreementId, p.code, p.name, i + 1, p.startsOn, p.endsOn],
    );
    periodIds.set(p.code, row.id);
    for (const kind of TRANCHE_KINDS) {
      const t = trancheOf(p, kind);
      if (!t) continue;
      await tx.query(
        `INSERT INTO tranches (agreement_id, period_id, kind, amount, planned_date) VALUES ($1,$2,$3,$4,$5)`,
        [agreementId, row.id, kind, t.amount, t.plannedDate],
      );
    }
  }
  for (const [i, p] of doc.processes.entries()) {
    const [process] = await tx.query(
      `INSERT INTO processes (agreement_id, code, name, ordinal, weight, share) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [agreementId, p.code, p.name, i + 1, p.weight ?? null, p.share ?? null],
    );
    for (const [j, s] of p.subprocesses.entries()) {
      const [subprocess] = await tx.query(
        `INSERT INTO subprocesses (process_id, code, name, ordinal, weight) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
        [process.id, s.code, s.name, j + 1, s.weight ?? null],
      );
      for (const [k, c] of s.criteria.entries()) {
        const [criterion] = await tx.query(
          `INSERT INTO criteria (agreement_id, subprocess_id, code, name, ordinal, kind, unit, weight, verification_means)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
          [agreementId, subprocess.id, c.code, c.name, k + 1, c.kind, c.unit ?? null, c.weight ?? null, c.verificationMeans ?? null],
        );
        for (const l of c.levels) {
          await tx.query(`INSERT INTO criterion_levels (criterion_id, period_id, required_level) VALUES ($1,$2,$3)`, [
            criterion.id, periodIds.get(l.period), l.value,
          ]);
        }
      }
    }
  }
  for (const [i, x] of doc.indicators.entries()) {
    const [indicator] = await tx.query(
      `INSERT INTO indicators (agreement_id, code, name, ordinal, kind, unit, direction, baseline_value, baseline_year, baseline_source,
         source, territorial_level, weight, scoring, datasheet)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`,
      [agreementId, x.code, x.name, i + 1, x.kind, x.unit, x.direction, x.baseline.value, x.baseline.year, x.baseline.source ?? null,
        x.source, x.territorialLevel, x.weight, JSON.stringify(x.scoring), x.datasheet ? JSON.stringify(x.datasheet) : null],
    );
    for (const t of x.targets) {
      await tx.query(`INSERT INTO indicator_targets (indicator_id, period_id, ubigeo, value) VALUES ($1,$2,$3,$4)`, [
        indicator.id, periodIds.get(t.period), t.ubigeo ?? null, t.value,
      ]);
    }
  }
}

/**
 * Removes the rows under a draft so its new definition can be written whole. A draft has no
 * reported values, evidence or transitions; if something already points at its rows, the
 * foreign key refuses and the edit is a conflict rather than a silent loss.
 */
export async function deleteDefinition(tx: EntityManager, agreementId: string): Promise<void> {
  try {
    await tx.query(`DELETE FROM indicators WHERE agreement_id = $1`, [agreementId]);
    await tx.query(`DELETE FROM processes WHERE agreement_id = $1`, [agreementId]);
    await tx.query(`DELETE FROM tranches WHERE agreement_id = $1`, [agreementId]);
    await tx.query(`DELETE FROM periods WHERE agreement_id = $1`, [agreementId]);
    await tx.query(`DELETE FROM agreement_scope WHERE agreement_id = $1`, [agreementId]);
  } catch (e) {
    if ((e as { code?: string }).code !== '23503') throw e;
    throw new StateConflictError('The draft already has activity recorded against its tranches, criteria or indicators; it cannot be replaced', [
      { field: 'status', problem: 'draft in use' },
    ]);
  }
}

/** Sets the agreement's analysts: the ones named plus the ones who must always be there. */
export async function assignAnalysts(tx: EntityManager, agreementId: string, userIds: Iterable<string>): Promise<void> {
  await tx.query(`DELETE FROM agreement_analysts WHERE agreement_id = $1`, [agreementId]);
  const ids = [...new Set(userIds)];
  if (ids.length) {
    await tx.query(`INSERT INTO agreement_analysts (agreement_id, user_id) SELECT $1, unnest($2::uuid[])`, [agreementId, ids]);
  }
}
