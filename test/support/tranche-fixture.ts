import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface TrancheFixture {
  code: string;
  entityId: string;
  agreementId: string;
  periodId: string;
  /** OPEN; criteria 1.1.1 (BOOLEAN, level true) and 1.1.2 (AT_LEAST 80 %). */
  fixedTrancheId: string;
  /** OPEN; IND-1 (%, national target 70) and IND-2 (niños, a target in each of `districts`). */
  variableTrancheId: string;
  processId: string;
  subprocessId: string;
  booleanCriterionId: string;
  atLeastCriterionId: string;
  nationalIndicatorId: string;
  districtIndicatorId: string;
  /** The two districts of the scope (scope rows), each with an IND-2 target. */
  districts: [string, string];
}

const ENTITY_NAMES: Record<string, string> = {
  'GORE-AYA': 'Gobierno Regional de Ayacucho',
  'GORE-AMA': 'Gobierno Regional de Amazonas',
};

/**
 * A small IN_FORCE agreement of the entity `entityCode` (inserted when the catalogue lacks it)
 * with one period whose fixed and variable tranches are OPEN, inserted with SQL: one process,
 * one subprocess, two criteria, two indicators, and a scope of two districts
 * (Ayacucho 050101 and Acocro 050102 unless told). Codes are unique per call.
 */
export async function insertTrancheFixture(
  db: DataSource,
  entityCode: string,
  districts: [string, string] = ['050101', '050102'],
): Promise<TrancheFixture> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const code = `CAP-EV-${suffix}`;
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO entities (code, name, kind) VALUES ($1, $2, 'REGIONAL_GOVERNMENT') ON CONFLICT (code) DO NOTHING`,
      [entityCode, ENTITY_NAMES[entityCode] ?? entityCode],
    );
    await tx.query(`INSERT INTO donors (code, name) VALUES ('UE', 'Unión Europea') ON CONFLICT (code) DO NOTHING`);
    const [program] = await tx.query(
      `INSERT INTO funding_programs (code, name, donor_id) SELECT $1, 'Programa de prueba ' || $1, id FROM donors WHERE code = 'UE' RETURNING id`,
      [`FP-EV-${suffix}`],
    );
    const [agreement] = await tx.query(
      `INSERT INTO agreements (code, title, funding_program_id, entity_id, verifier_entity_id, status, number, signed_on, starts_on, ends_on, max_amount)
       VALUES ($1, 'Convenio de prueba ' || $1, $2, (SELECT id FROM entities WHERE code = $3), (SELECT id FROM entities WHERE code = 'SIS'),
         'IN_FORCE', 'N° 001-' || $1, '2026-01-15', '2026-01-01', '2028-12-31', 1000000)
       RETURNING id, entity_id`,
      [code, program.id, entityCode],
    );
    const a: string = agreement.id;
    await tx.query(`INSERT INTO agreement_versions (agreement_id, version, effective_from, reason, snapshot) VALUES ($1, 1, '2026-01-01', 'Firma', '{}')`, [a]);
    await tx.query(`INSERT INTO agreement_analysts (agreement_id, user_id) SELECT $1, id FROM users WHERE email = 'analista@demo.tramos.pe'`, [a]);
    for (const ubigeo of districts) await tx.query(`INSERT INTO agreement_scope (agreement_id, ubigeo) VALUES ($1, $2)`, [a, ubigeo]);
    const [period] = await tx.query(
      `INSERT INTO periods (agreement_id, code, name, ordinal, starts_on, ends_on) VALUES ($1, '2026', 'Año 2026', 1, '2026-01-01', '2026-12-31') RETURNING id`,
      [a],
    );
    const tranche = async (kind: string, amount: number) =>
      (await tx.query(
        `INSERT INTO tranches (agreement_id, period_id, kind, amount, planned_date, status) VALUES ($1, $2, $3, $4, '2026-12-31', 'OPEN') RETURNING id`,
        [a, period.id, kind, amount],
      ))[0].id as string;
    const fixedTrancheId = await tranche('FIXED', 300000);
    const variableTrancheId = await tranche('VARIABLE', 700000);
    const [process] = await tx.query(`INSERT INTO processes (agreement_id, code, name, ordinal) VALUES ($1, '1', 'Programación operativa', 1) RETURNING id`, [a]);
    const [subprocess] = await tx.query(
      `INSERT INTO subprocesses (process_id, code, name, ordinal) VALUES ($1, '1.1', 'Programación de metas físicas', 1) RETURNING id`,
      [process.id],
    );
    const criterion = async (n: number, kind: string, unit: string | null, level: string) => {
      const [c] = await tx.query(
        `INSERT INTO criteria (agreement_id, subprocess_id, code, name, ordinal, kind, unit) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [a, subprocess.id, `1.1.${n}`, `Criterio 1.1.${n}`, n, kind, unit],
      );
      await tx.query(`INSERT INTO criterion_levels (criterion_id, period_id, required_level) VALUES ($1, $2, $3)`, [c.id, period.id, level]);
      return c.id as string;
    };
    const booleanCriterionId = await criterion(1, 'BOOLEAN', null, 'true');
    const atLeastCriterionId = await criterion(2, 'AT_LEAST', '%', '80');
    const indicator = async (n: number, name: string, unit: string, weight: string) =>
      (await tx.query(
        `INSERT INTO indicators (agreement_id, code, name, ordinal, kind, unit, direction, baseline_value, baseline_year, source, territorial_level, weight, scoring)
         VALUES ($1, $2, $3, $4, 'RESULT', $5, 'INCREASE', 50, 2025, 'SIS', $6, $7, '{"type":"PROPORTIONAL"}') RETURNING id`,
        [a, `IND-${n}`, name, n, unit, n === 1 ? 'NATIONAL' : 'DISTRICT', weight],
      ))[0].id as string;
    const nationalIndicatorId = await indicator(1, 'Parto institucional', '%', '0.6');
    const districtIndicatorId = await indicator(2, 'Niños con DNI', 'niños', '0.4');
    await tx.query(`INSERT INTO indicator_targets (indicator_id, period_id, value) VALUES ($1, $2, 70)`, [nationalIndicatorId, period.id]);
    for (const [n, ubigeo] of districts.entries()) {
      await tx.query(`INSERT INTO indicator_targets (indicator_id, period_id, ubigeo, value) VALUES ($1, $2, $3, $4)`, [districtIndicatorId, period.id, ubigeo, 100 + n]);
    }
    return {
      code, entityId: agreement.entity_id, agreementId: a, periodId: period.id, fixedTrancheId, variableTrancheId,
      processId: process.id, subprocessId: subprocess.id, booleanCriterionId, atLeastCriterionId, nationalIndicatorId, districtIndicatorId, districts,
    };
  });
}
