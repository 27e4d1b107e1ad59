import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service.js';
import { moveTranche, type TrancheStatus } from '../../src/tranches/tranche-state.js';
import type { TestApp } from './test-app.js';

export interface WorkflowFixture {
  agreementId: string;
  code: string;
  periodId: string;
  fixedTrancheId: string;
  variableTrancheId: string;
  /** 1.1.1 BOOLEAN (required true), in process 1. */
  booleanCriterionId: string;
  /** 2.1.1 AT_LEAST 80, in process 2. */
  atLeastCriterionId: string;
  /** IND-1: INCREASE, baseline 50, target 70, weight 1, PROPORTIONAL; national. */
  indicatorId: string;
}

export interface FixtureOptions {
  rule?: 'ALL_OR_NOTHING' | 'PER_PROCESS';
  /** First day of the only period; far in the future by default so the scheduled opening leaves it alone. */
  periodStartsOn?: string;
  correctionDays?: number;
}

export const userId = async (db: DataSource, email: string): Promise<string> => (await db.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;

/**
 * An IN_FORCE agreement of GORE Ayacucho (verifier SIS, demo analyst assigned) with one period,
 * a FIXED tranche of 1,000,000.00 (two processes, one criterion each) and a VARIABLE tranche of
 * 2,000,000.00 (one indicator), both SCHEDULED. Codes are unique per call.
 */
export async function createWorkflowFixture(db: DataSource, o: FixtureOptions = {}): Promise<WorkflowFixture> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const code = `CAP-WF-${suffix}`;
  const startsOn = o.periodStartsOn ?? '2031-01-01';
  const endsOn = `${startsOn.slice(0, 4)}-12-31`;
  return db.transaction(async (tx) => {
    const [program] = await tx.query(
      `INSERT INTO funding_programs (code, name, donor_id) SELECT $1, 'Programa de prueba ' || $1, id FROM donors WHERE code = 'UE' RETURNING id`,
      [`FP-WF-${suffix}`],
    );
    const [agreement] = await tx.query(
      `INSERT INTO agreements (code, title, funding_program_id, entity_id, verifier_entity_id, status, number, signed_on, starts_on, ends_on,
         max_amount, correction_days, fixed_tranche_rule)
       VALUES ($1, 'Convenio de prueba ' || $1, $2, (SELECT id FROM entities WHERE code = 'GORE-AYA'), (SELECT id FROM entities WHERE code = 'SIS'),
         'IN_FORCE', 'N° 001-' || $1, '2026-01-15', '2026-01-01', '2035-12-31', 5000000, $3, $4)
       RETURNING id`,
      [code, program.id, o.correctionDays ?? 15, o.rule ?? 'ALL_OR_NOTHING'],
    );
    const a = agreement.id;
    await tx.query(
      `INSERT INTO agreement_versions (agreement_id, version, effective_from, reason, snapshot) VALUES ($1, 1, '2026-01-01', 'Firma', '{}')`,
      [a],
    );
    await tx.query(
      `INSERT INTO agreement_analysts (agreement_id, user_id) SELECT $1, id FROM users WHERE email = 'analista@demo.tramos.pe'`,
      [a],
    );
    const [period] = await tx.query(
      `INSERT INTO periods (agreement_id, code, name, ordinal, starts_on, ends_on) VALUES ($1, $2, 'Año ' || $2, 1, $3, $4) RETURNING id`,
      [a, startsOn.slice(0, 4), startsOn, endsOn],
    );
    const [fixed] = await tx.query(
      `INSERT INTO tranches (agreement_id, period_id, kind, amount, planned_date) VALUES ($1, $2, 'FIXED', 1000000, $3) RETURNING id`,
      [a, period.id, endsOn],
    );
    const [variable] = await tx.query(
      `INSERT INTO tranches (agreement_id, period_id, kind, amount, planned_date) VALUES ($1, $2, 'VARIABLE', 2000000, $3) RETURNING id`,
      [a, period.id, endsOn],
    );
    const criterion = async (n: number, kind: string, level: string) => {
      const [p] = await tx.query(`INSERT INTO processes (agreement_id, code, name, ordinal) VALUES ($1, $2, $3, $4) RETURNING id`, [a, `${n}`, `Proceso ${n}`, n]);
      const [s] = await tx.query(`INSERT INTO subprocesses (process_id, code, name, ordinal) VALUES ($1, $2, $3, 1) RETURNING id`, [p.id, `${n}.1`, `Subproceso ${n}.1`]);
      const [c] = await tx.query(
        `INSERT INTO criteria (agreement_id, subprocess_id, code, name, ordinal, kind, unit) VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id`,
        [a, s.id, `${n}.1.1`, `Criterio ${n}.1.1`, kind, kind === 'BOOLEAN' ? null : '%'],
      );
      await tx.query(`INSERT INTO criterion_levels (criterion_id, period_id, required_level) VALUES ($1, $2, $3)`, [c.id, period.id, level]);
      return c.id as string;
    };
    const booleanCriterionId = await criterion(1, 'BOOLEAN', 'true');
    const atLeastCriterionId = await criterion(2, 'AT_LEAST', '80');
    const [indicator] = await tx.query(
      `INSERT INTO indicators (agreement_id, code, name, ordinal, kind, unit, direction, baseline_value, baseline_year, source, weight, scoring)
       VALUES ($1, 'IND-1', 'Cobertura de prueba', 1, 'RESULT', '%', 'INCREASE', 50, 2025, 'SIS', 1, '{"type":"PROPORTIONAL"}') RETURNING id`,
      [a],
    );
    await tx.query(`INSERT INTO indicator_targets (indicator_id, period_id, value) VALUES ($1, $2, 70)`, [indicator.id, period.id]);
    return {
      agreementId: a, code, periodId: period.id, fixedTrancheId: fixed.id, variableTrancheId: variable.id,
      booleanCriterionId, atLeastCriterionId, indicatorId: indicator.id,
    };
  });
}

/**
 * The entity's report without the evidence module: current measurements for every criterion
 * and indicator of the tranche, a submission, and the move OPEN|OBSERVED → SUBMITTED.
 */
export async function submitBySql(t: TestApp, f: WorkflowFixture, trancheId: string): Promise<void> {
  const db = t.app.get(DataSource);
  const entityUser = await userId(db, 'gore.ayacucho@demo.tramos.pe');
  await db.transaction(async (tx) => {
    const [row] = await tx.query(`SELECT kind, status FROM tranches WHERE id = $1 FOR UPDATE`, [trancheId]);
    await tx.query(`UPDATE measurements SET superseded_at = now() WHERE tranche_id = $1 AND superseded_at IS NULL`, [trancheId]);
    const values: [string | null, string | null, string][] = row.kind === 'FIXED'
      ? [[f.booleanCriterionId, null, 'true'], [f.atLeastCriterionId, null, '85']]
      : [[null, f.indicatorId, '66']];
    for (const [criterionId, indicatorId, value] of values) {
      await tx.query(
        `INSERT INTO measurements (tranche_id, criterion_id, indicator_id, value, reported_by) VALUES ($1, $2, $3, $4, $5)`,
        [trancheId, criterionId, indicatorId, value, entityUser],
      );
    }
    await tx.query(
      `INSERT INTO submissions (tranche_id, ordinal, snapshot, submitted_by)
       SELECT $1, coalesce(max(ordinal), 0) + 1, '{}', $2 FROM submissions WHERE tranche_id = $1`,
      [trancheId, entityUser],
    );
    await moveTranche(tx, t.app.get(AuditService), {
      trancheId, agreementId: f.agreementId, from: row.status as TrancheStatus, to: 'SUBMITTED',
      actor: { id: entityUser, label: 'ENTITY:gore.ayacucho@demo.tramos.pe' }, reason: 'Informe de cumplimiento (fixture)',
    });
  });
}
