import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Two districts of Ayacucho, for indicators with targets per territory. */
export const DISTRICTS = ['050101', '050102'] as const;

export interface ComplianceFixture {
  agreementId: string;
  code: string;
  /** Periods 2031 and 2032, in order. */
  periodIds: [string, string];
  /** FIXED tranche of 500,000.00 in the first period. */
  fixedTrancheId: string;
  /** VARIABLE tranches of 1,000,000.00, one per period. */
  variableTrancheIds: [string, string];
  /**
   * Criteria with a level in the first period: 1.1.1 BOOLEAN, 1.1.2 AT_LEAST 80, 2.1.1 AT_MOST 10.
   * 3.1.1 has a level only in the second period (so it does not count in the first).
   */
  criteria: Record<'1.1.1' | '1.1.2' | '2.1.1' | '3.1.1', string>;
  /**
   * IND-01: weight 0.6, BINARY, baseline 60, targets 80 / 90.
   * IND-02: weight 0.4, PROPORTIONAL, baseline 50, targets 70 / 80 (first period per district
   * 60 and 80 when `districtTargets`).
   */
  indicators: Record<'IND-01' | 'IND-02', string>;
}

export interface ComplianceFixtureOptions {
  allowCarryOver?: boolean;
  /** IND-02 has only district targets in the first period (DISTRICTS: 60 and 80, mean 70). */
  districtTargets?: boolean;
  /** IND-02's weight (default 0.4): another value breaks the sum of weights on purpose. */
  secondWeight?: string;
}

/**
 * An IN_FORCE agreement of GORE Ayacucho (no verifier; demo analyst assigned) with two periods,
 * a fixed tranche with three processes and two indicators; every tranche SCHEDULED and without
 * values. Codes are unique per call.
 */
export async function createComplianceFixture(db: DataSource, o: ComplianceFixtureOptions = {}): Promise<ComplianceFixture> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const code = `CAP-CMP-${suffix}`;
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO territories (ubigeo, level, name, department_ubigeo, province_ubigeo, parent_ubigeo, department_name, province_name)
       VALUES ('050000', 'DEPARTMENT', 'AYACUCHO', '050000', NULL, NULL, 'AYACUCHO', NULL),
              ('050100', 'PROVINCE', 'HUAMANGA', '050000', '050100', '050000', 'AYACUCHO', 'HUAMANGA'),
              ('050101', 'DISTRICT', 'AYACUCHO', '050000', '050100', '050100', 'AYACUCHO', 'HUAMANGA'),
              ('050102', 'DISTRICT', 'ACOCRO', '050000', '050100', '050100', 'AYACUCHO', 'HUAMANGA')
       ON CONFLICT DO NOTHING`,
    );
    const [program] = await tx.query(
      `INSERT INTO funding_programs (code, name, donor_id) SELECT $1, 'Programa ' || $1, id FROM donors WHERE code = 'UE' RETURNING id`,
      [`FP-CMP-${suffix}`],
    );
    const [agreement] = await tx.query(
      `INSERT INTO agreements (code, title, funding_program_id, entity_id, status, number, signed_on, starts_on, ends_on,
         max_amount, fixed_tranche_rule, allow_carry_over)
       VALUES ($1, 'Convenio ' || $1, $2, (SELECT id FROM entities WHERE code = 'GORE-AYA'), 'IN_FORCE', 'N° 001-' || $1,
         '2030-12-01', '2031-01-01', '2032-12-31', 3000000, 'ALL_OR_NOTHING', $3)
       RETURNING id`,
      [code, program.id, o.allowCarryOver ?? false],
    );
    const a: string = agreement.id;
    await tx.query(`INSERT INTO agreement_versions (agreement_id, version, effective_from, reason, snapshot) VALUES ($1, 1, '2031-01-01', 'Firma', '{}')`, [a]);
    await tx.query(`INSERT INTO agreement_analysts (agreement_id, user_id) SELECT $1, id FROM users WHERE email = 'analista@demo.tramos.pe'`, [a]);

    const periodIds: string[] = [];
    for (const [n, year] of [[1, '2031'], [2, '2032']] as const) {
      const [p] = await tx.query(
        `INSERT INTO periods (agreement_id, code, name, ordinal, starts_on, ends_on) VALUES ($1, $2, 'Año ' || $2, $3, $4, $5) RETURNING id`,
        [a, year, n, `${year}-01-01`, `${year}-12-31`],
      );
      periodIds.push(p.id);
    }
    const tranche = async (periodId: string, kind: string, amount: string) =>
      (await tx.query(
        `INSERT INTO tranches (agreement_id, period_id, kind, amount, planned_date) VALUES ($1, $2, $3, $4, '2031-12-31') RETURNING id`,
        [a, periodId, kind, amount],
      ))[0].id as string;
    const fixedTrancheId = await tranche(periodIds[0]!, 'FIXED', '500000.00');
    const variableTrancheIds = [await tranche(periodIds[0]!, 'VARIABLE', '1000000.00'), await tranche(periodIds[1]!, 'VARIABLE', '1000000.00')];

    const subprocess = async (n: number) => {
      const [p] = await tx.query(`INSERT INTO processes (agreement_id, code, name, ordinal) VALUES ($1, $2, $3, $4) RETURNING id`, [a, `${n}`, `Proceso ${n}`, n]);
      const [s] = await tx.query(`INSERT INTO subprocesses (process_id, code, name, ordinal) VALUES ($1, $2, $3, 1) RETURNING id`, [p.id, `${n}.1`, `Subproceso ${n}.1`]);
      return s.id as string;
    };
    const criterion = async (subprocessId: string, code: string, ordinal: number, kind: string, levels: [string, string][]) => {
      const [c] = await tx.query(
        `INSERT INTO criteria (agreement_id, subprocess_id, code, name, ordinal, kind, unit) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [a, subprocessId, code, `Criterio ${code}`, ordinal, kind, kind === 'BOOLEAN' ? null : '%'],
      );
      for (const [periodId, level] of levels) {
        await tx.query(`INSERT INTO criterion_levels (criterion_id, period_id, required_level) VALUES ($1, $2, $3)`, [c.id, periodId, level]);
      }
      return c.id as string;
    };
    const [p1, p2] = periodIds as [string, string];
    const s1 = await subprocess(1);
    const s2 = await subprocess(2);
    const s3 = await subprocess(3);
    const criteria = {
      '1.1.1': await criterion(s1, '1.1.1', 1, 'BOOLEAN', [[p1, 'true'], [p2, 'true']]),
      '1.1.2': await criterion(s1, '1.1.2', 2, 'AT_LEAST', [[p1, '80'], [p2, '90']]),
      '2.1.1': await criterion(s2, '2.1.1', 1, 'AT_MOST', [[p1, '10'], [p2, '8']]),
      '3.1.1': await criterion(s3, '3.1.1', 1, 'AT_LEAST', [[p2, '50']]),
    };

    const indicator = async (code: string, ordinal: number, baseline: string, weight: string, scoring: object) =>
      (await tx.query(
        `INSERT INTO indicators (agreement_id, code, name, ordinal, kind, unit, direction, baseline_value, baseline_year, source, weight, scoring)
         VALUES ($1, $2, $3, $4, 'RESULT', '%', 'INCREASE', $5, 2030, 'HIS', $6, $7) RETURNING id`,
        [a, code, `Indicador ${code}`, ordinal, baseline, weight, JSON.stringify(scoring)],
      ))[0].id as string;
    const target = (indicatorId: string, periodId: string, value: string, ubigeo: string | null = null) =>
      tx.query(`INSERT INTO indicator_targets (indicator_id, period_id, ubigeo, value) VALUES ($1, $2, $3, $4)`, [indicatorId, periodId, ubigeo, value]);
    const ind1 = await indicator('IND-01', 1, '60', '0.6', { type: 'BINARY' });
    const ind2 = await indicator('IND-02', 2, '50', o.secondWeight ?? '0.4', { type: 'PROPORTIONAL' });
    await target(ind1, p1, '80');
    await target(ind1, p2, '90');
    if (o.districtTargets) {
      await target(ind2, p1, '60', DISTRICTS[0]);
      await target(ind2, p1, '80', DISTRICTS[1]);
    } else {
      await target(ind2, p1, '70');
    }
    await target(ind2, p2, '80');

    return {
      agreementId: a, code, periodIds: periodIds as [string, string], fixedTrancheId,
      variableTrancheIds: variableTrancheIds as [string, string], criteria, indicators: { 'IND-01': ind1, 'IND-02': ind2 },
    };
  });
}

const userId = async (db: DataSource, email: string): Promise<string> => (await db.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;

/** Values by criterion or indicator id: `[itemId, value, ubigeo?]`. */
export type ValueItem = [string, string, string?];

/** Which column an item id belongs in. */
async function itemColumn(db: DataSource, itemId: string): Promise<'criterion_id' | 'indicator_id'> {
  const [c] = await db.query(`SELECT 1 FROM criteria WHERE id = $1`, [itemId]);
  return c ? 'criterion_id' : 'indicator_id';
}

/** Records (or replaces) the verifier's accepted values, superseding the current ones as the workflow does. */
export async function accept(db: DataSource, trancheId: string, items: ValueItem[]): Promise<void> {
  const by = await userId(db, 'analista@demo.tramos.pe');
  for (const [itemId, value, ubigeo] of items) {
    const column = await itemColumn(db, itemId);
    await db.query(
      `UPDATE accepted_values SET superseded_at = now() WHERE tranche_id = $1 AND ${column} = $2 AND ubigeo IS NOT DISTINCT FROM $3 AND superseded_at IS NULL`,
      [trancheId, itemId, ubigeo ?? null],
    );
    await db.query(
      `INSERT INTO accepted_values (tranche_id, ${column}, ubigeo, value, source, recorded_by) VALUES ($1, $2, $3, $4, 'fixture', $5)`,
      [trancheId, itemId, ubigeo ?? null, value, by],
    );
  }
}

/** Records (or replaces) the entity's measurements. */
export async function report(db: DataSource, trancheId: string, items: ValueItem[]): Promise<void> {
  const by = await userId(db, 'gore.ayacucho@demo.tramos.pe');
  for (const [itemId, value, ubigeo] of items) {
    const column = await itemColumn(db, itemId);
    await db.query(
      `UPDATE measurements SET superseded_at = now() WHERE tranche_id = $1 AND ${column} = $2 AND ubigeo IS NOT DISTINCT FROM $3 AND superseded_at IS NULL`,
      [trancheId, itemId, ubigeo ?? null],
    );
    await db.query(
      `INSERT INTO measurements (tranche_id, ${column}, ubigeo, value, reported_by) VALUES ($1, $2, $3, $4, $5)`,
      [trancheId, itemId, ubigeo ?? null, value, by],
    );
  }
}

export async function neutralise(db: DataSource, indicatorId: string, periodId: string, reason: string): Promise<void> {
  await db.query(`INSERT INTO neutralisations (indicator_id, period_id, reason, decided_by) VALUES ($1, $2, $3, $4)`, [
    indicatorId, periodId, reason, await userId(db, 'director@demo.tramos.pe'),
  ]);
}

/** Freezes figures on a tranche as verification would (test data only: no transition is recorded). */
export async function markVerified(db: DataSource, trancheId: string, frozen: { result: unknown; inputHash: string; amount: string; version: number }) {
  await db.query(
    `UPDATE tranches SET status = 'VERIFIED', verified_result = $2, verified_input_hash = $3, verified_amount = $4, verified_version = $5,
       verified_by = (SELECT id FROM users WHERE email = 'analista@demo.tramos.pe'), verified_at = now()
     WHERE id = $1`,
    [trancheId, JSON.stringify(frozen.result), frozen.inputHash, frozen.amount, frozen.version],
  );
}

/** Rows hanging from the agreement that a computation must never write. */
export async function rowCounts(db: DataSource, agreementId: string): Promise<Record<string, number>> {
  const [row] = await db.query(
    `SELECT
       (SELECT count(*)::int FROM accepted_values v JOIN tranches t ON t.id = v.tranche_id WHERE t.agreement_id = $1) AS accepted_values,
       (SELECT count(*)::int FROM measurements m JOIN tranches t ON t.id = m.tranche_id WHERE t.agreement_id = $1) AS measurements,
       (SELECT count(*)::int FROM neutralisations n JOIN indicators i ON i.id = n.indicator_id WHERE i.agreement_id = $1) AS neutralisations,
       (SELECT count(*)::int FROM tranche_transitions x JOIN tranches t ON t.id = x.tranche_id WHERE t.agreement_id = $1) AS transitions,
       (SELECT count(*)::int FROM audit_log WHERE agreement_id = $1) AS audit_entries,
       (SELECT count(*)::int FROM tranches WHERE agreement_id = $1 AND row_version > 1) AS changed_tranches`,
    [agreementId],
  );
  return row;
}
