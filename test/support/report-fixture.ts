import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Dec } from '../../src/common/decimal.js';
import {
  evaluateFixedTranche,
  evaluateVariableTranche,
  type FixedTrancheResult,
  type IndicatorInput,
  type VariableTrancheResult,
} from '../../src/compliance/index.js';

/** Three districts of Ayacucho (two in Huamanga, one in Cangallo): one department subtotal. */
export const REPORT_DISTRICTS = ['050101', '050102', '050201'] as const;

export interface ReportFixture {
  agreementId: string;
  code: string;
  fundingProgramId: string;
  /** Periods 2031, 2032, 2033. */
  periodIds: [string, string, string];
  /** 2031, TRANSFERRED (500,000.00 sent by D.S.), verified MET under version 1. */
  fixedTrancheId: string;
  /** 2032, IN_REVIEW: nothing frozen yet. */
  reviewFixedTrancheId: string;
  /** 2033, CANCELLED (300,000.00). */
  cancelledFixedTrancheId: string;
  /** 2031 VERIFIED (940,000.00 of 1,000,000.00), then 2032 and 2033 SCHEDULED. */
  variableTrancheIds: [string, string, string];
  criteria: Record<'1.1.1' | '1.1.2' | '2.1.1', string>;
  indicators: Record<'IND-01' | 'IND-02', string>;
  frozen: { fixed: FixedTrancheResult; variable: VariableTrancheResult };
  evidenceSha256: string[];
}

const userId = async (tx: EntityManager, email: string): Promise<string> =>
  (await tx.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;

/** Mean to 6 decimals, as the tranche compliance service averages district values. */
const mean = (values: string[]) =>
  new Dec(values.reduce((s, v) => s.plus(v), new Dec(0)).div(values.length).toFixed(6)).toFixed();

/**
 * An IN_FORCE agreement of GORE Ayacucho (demo analyst assigned, no verifier) with three periods,
 * fixed and variable tranches, commitments with levels, indicators with national and district
 * targets, reported and accepted values, evidence, submissions and an answered observation. The
 * 2031 tranches are verified: their frozen results are the pure engine's, computed here on the
 * same inputs the tranche compliance service would build. Codes are unique per call.
 */
export async function createReportFixture(db: DataSource): Promise<ReportFixture> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const code = `CAP-RPT-${suffix}`;
  return db.transaction(async (tx) => {
    const analyst = await userId(tx, 'analista@demo.tramos.pe');
    const director = await userId(tx, 'director@demo.tramos.pe');
    const entityUser = await userId(tx, 'gore.ayacucho@demo.tramos.pe');

    const [program] = await tx.query(
      `INSERT INTO funding_programs (code, name, donor_id, currency) SELECT $1, 'Programa de apoyo ' || $1, id, 'EUR' FROM donors WHERE code = 'UE' RETURNING id`,
      [`FP-RPT-${suffix}`],
    );
    const [agreement] = await tx.query(
      `INSERT INTO agreements (code, title, funding_program_id, entity_id, status, number, signed_on, starts_on, ends_on, max_amount,
         fixed_tranche_rule, allow_carry_over, correction_days, current_version)
       VALUES ($1, 'Convenio de apoyo presupuestario al Programa Articulado Nutricional – ' || $1, $2,
         (SELECT id FROM entities WHERE code = 'GORE-AYA'), 'IN_FORCE', 'N° 007-2030-EF/50.01', '2030-12-01', '2031-01-01', '2033-12-31',
         5000000, 'ALL_OR_NOTHING', false, 20, 2)
       RETURNING id`,
      [code, program.id],
    );
    const a: string = agreement.id;
    await tx.query(
      `INSERT INTO agreement_versions (agreement_id, version, effective_from, reason, snapshot, created_by)
       VALUES ($1, 1, '2031-01-01', 'Suscripción del convenio', '{}', $2), ($1, 2, '2032-06-01', 'Adenda N° 1: se precisan las metas 2032 y 2033', '{}', $2)`,
      [a, analyst],
    );
    await tx.query(`INSERT INTO agreement_analysts (agreement_id, user_id) VALUES ($1, $2)`, [a, analyst]);
    await tx.query(`INSERT INTO agreement_scope (agreement_id, ubigeo) SELECT $1, unnest($2::char(6)[])`, [a, [...REPORT_DISTRICTS]]);

    const periodIds: string[] = [];
    for (const [n, year] of [[1, '2031'], [2, '2032'], [3, '2033']] as const) {
      const [p] = await tx.query(
        `INSERT INTO periods (agreement_id, code, name, ordinal, starts_on, ends_on) VALUES ($1, $2, 'Año ' || $2, $3, $4, $5) RETURNING id`,
        [a, year, n, `${year}-01-01`, `${year}-12-31`],
      );
      periodIds.push(p.id);
    }
    const [p1, p2, p3] = periodIds as [string, string, string];
    const tranche = async (periodId: string, kind: string, amount: string, plannedDate: string, status = 'SCHEDULED') =>
      (await tx.query(
        `INSERT INTO tranches (agreement_id, period_id, kind, amount, planned_date, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [a, periodId, kind, amount, plannedDate, status],
      ))[0].id as string;
    const fixedTrancheId = await tranche(p1, 'FIXED', '500000.00', '2031-12-15');
    const reviewFixedTrancheId = await tranche(p2, 'FIXED', '500000.00', '2032-12-15', 'IN_REVIEW');
    const cancelledFixedTrancheId = await tranche(p3, 'FIXED', '300000.00', '2033-12-15');
    const variableTrancheIds = [
      await tranche(p1, 'VARIABLE', '1000000.00', '2031-12-15'),
      await tranche(p2, 'VARIABLE', '1000000.00', '2032-12-15'),
      await tranche(p3, 'VARIABLE', '1000000.00', '2033-12-15'),
    ] as [string, string, string];

    // ---- commitments: process → subprocess → criterion, levels rising year by year
    const subprocess = async (n: number, processName: string, subName: string) => {
      const [p] = await tx.query(`INSERT INTO processes (agreement_id, code, name, ordinal) VALUES ($1, $2, $3, $4) RETURNING id`, [a, `${n}`, processName, n]);
      const [s] = await tx.query(`INSERT INTO subprocesses (process_id, code, name, ordinal) VALUES ($1, $2, $3, 1) RETURNING id`, [p.id, `${n}.1`, subName]);
      return s.id as string;
    };
    const s1 = await subprocess(1, 'Programación operativa', 'Programación de metas físicas y financieras');
    const s2 = await subprocess(2, 'Soporte logístico para la adquisición y distribución de los insumos', 'Distribución oportuna de insumos');
    const criterion = async (sub: string, c: string, ordinal: number, kind: string, unit: string | null, name: string, levels: string[]) => {
      const [row] = await tx.query(
        `INSERT INTO criteria (agreement_id, subprocess_id, code, name, ordinal, kind, unit, verification_means)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'Informe de la OPP') RETURNING id`,
        [a, sub, c, name, ordinal, kind, unit],
      );
      for (const [i, level] of levels.entries()) {
        await tx.query(`INSERT INTO criterion_levels (criterion_id, period_id, required_level) VALUES ($1, $2, $3)`, [row.id, periodIds[i], level]);
      }
      return row.id as string;
    };
    const criteria = {
      '1.1.1': await criterion(s1, '1.1.1', 1, 'BOOLEAN', null, 'Plan operativo institucional aprobado con metas del PP 0001', ['true', 'true', 'true']),
      '1.1.2': await criterion(s1, '1.1.2', 2, 'AT_LEAST', '%', 'Establecimientos con metas físicas programadas', ['80', '85', '90']),
      '2.1.1': await criterion(s2, '2.1.1', 1, 'AT_MOST', 'días', 'Días de desabastecimiento de vacunas', ['10', '8', '6']),
    };

    // ---- indicators: IND-01 national, IND-02 per district
    const indicator = async (c: string, ordinal: number, name: string, baseline: string, weight: string, scoring: object, level: string) =>
      (await tx.query(
        `INSERT INTO indicators (agreement_id, code, name, ordinal, kind, unit, direction, baseline_value, baseline_year, baseline_source, source,
           territorial_level, weight, scoring)
         VALUES ($1, $2, $3, $4, 'RESULT', '%', 'INCREASE', $5, 2030, 'ENDES 2030', 'HIS-MINSA', $6, $7, $8) RETURNING id`,
        [a, c, name, ordinal, baseline, level, weight, JSON.stringify(scoring)],
      ))[0].id as string;
    const ind1 = await indicator('IND-01', 1, 'Niños menores de 12 meses con vacunas completas', '60', '0.6', { type: 'BINARY' }, 'NATIONAL');
    const ind2 = await indicator('IND-02', 2, 'Niños menores de 36 meses con CRED completo', '50', '0.4', { type: 'PROPORTIONAL' }, 'DISTRICT');
    const target = (indicatorId: string, periodId: string, value: string, ubigeo: string | null = null) =>
      tx.query(`INSERT INTO indicator_targets (indicator_id, period_id, ubigeo, value) VALUES ($1, $2, $3, $4)`, [indicatorId, periodId, ubigeo, value]);
    for (const [periodId, value] of [[p1, '80'], [p2, '85'], [p3, '90']] as const) await target(ind1, periodId, value);
    const districtTargets: Record<string, [string, string, string]> = { '050101': ['60', '65', '70'], '050102': ['80', '82', '85'], '050201': ['70', '75', '80'] };
    for (const [ubigeo, values] of Object.entries(districtTargets)) {
      for (const [i, value] of values.entries()) await target(ind2, periodIds[i]!, value, ubigeo);
    }

    // ---- what the entity reported and the verifier accepted
    const value = (table: 'measurements' | 'accepted_values', trancheId: string, column: string, itemId: string, v: string, ubigeo: string | null = null) =>
      table === 'measurements'
        ? tx.query(`INSERT INTO measurements (tranche_id, ${column}, ubigeo, value, reported_by) VALUES ($1, $2, $3, $4, $5)`, [trancheId, itemId, ubigeo, v, entityUser])
        : tx.query(`INSERT INTO accepted_values (tranche_id, ${column}, ubigeo, value, source, recorded_by) VALUES ($1, $2, $3, $4, 'SIGA', $5)`, [trancheId, itemId, ubigeo, v, analyst]);
    const fixedValues: [string, string, string][] = [[criteria['1.1.1'], 'true', 'true'], [criteria['1.1.2'], '86', '85.5'], [criteria['2.1.1'], '7', '8']];
    for (const [id, reported, accepted] of fixedValues) {
      await value('measurements', fixedTrancheId, 'criterion_id', id, reported);
      await value('accepted_values', fixedTrancheId, 'criterion_id', id, accepted);
    }
    const v1 = variableTrancheIds[0];
    await value('measurements', v1, 'indicator_id', ind1, '82');
    await value('accepted_values', v1, 'indicator_id', ind1, '82');
    const achieved: Record<string, string> = { '050101': '65', '050102': '75', '050201': '61' };
    for (const [ubigeo, v] of Object.entries(achieved)) {
      await value('measurements', v1, 'indicator_id', ind2, v, ubigeo);
      await value('accepted_values', v1, 'indicator_id', ind2, v, ubigeo);
    }

    // ---- evidence (fake content hashes), submissions, an observation answered
    const evidenceSha256: string[] = [];
    const evidence = async (trancheId: string, column: string, itemId: string, fileName: string, mediaType: string, size: number) => {
      const sha = createHash('sha256').update(`${suffix}/${fileName}`).digest('hex');
      evidenceSha256.push(sha);
      await tx.query(`INSERT INTO evidence_blobs (sha256, size, media_type, storage_key) VALUES ($1, $2, $3, $4)`, [sha, size, mediaType, `evidence/${sha}`]);
      await tx.query(
        `INSERT INTO evidence (agreement_id, tranche_id, ${column}, version, file_name, media_type, size, sha256, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, '2031-11-20T15:30:00Z')`,
        [a, trancheId, itemId, fileName, mediaType, size, sha, entityUser],
      );
    };
    await evidence(fixedTrancheId, 'criterion_id', criteria['1.1.1'], 'Resolución aprobación POI 2031.pdf', 'application/pdf', 248731);
    await evidence(fixedTrancheId, 'criterion_id', criteria['1.1.2'], 'metas-fisicas-establecimientos.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 51200);
    await evidence(v1, 'indicator_id', ind2, 'padron-nominal-CRED.csv', 'text/csv', 9876);
    for (const [trancheId, ordinal, at] of [[fixedTrancheId, 1, '2031-11-21T14:00:00Z'], [fixedTrancheId, 2, '2031-12-02T16:00:00Z'], [v1, 1, '2031-11-21T14:05:00Z']] as const) {
      await tx.query(`INSERT INTO submissions (tranche_id, ordinal, snapshot, submitted_by, submitted_at) VALUES ($1, $2, '{}', $3, $4)`, [trancheId, ordinal, entityUser, at]);
    }
    await tx.query(
      `INSERT INTO observations (tranche_id, criterion_id, text, deadline, created_by, created_at, answer, answered_by, answered_at)
       VALUES ($1, $2, 'El reporte de metas físicas no incluye los establecimientos de la Red Huanta.', '2031-12-01', $3, '2031-11-25T15:00:00Z',
         'Se adjunta el reporte completo con las 4 redes de salud.', $4, '2031-11-30T17:00:00Z')`,
      [fixedTrancheId, criteria['1.1.2'], analyst, entityUser],
    );

    // ---- the frozen figures: the engine on the inputs the compliance service would build
    const context = (trancheId: string, periodCode: string) => ({ agreementId: a, agreementVersion: '1', periodCode, trancheId, basis: 'ACCEPTED' });
    const fixed = evaluateFixedTranche({
      trancheAmount: '500000.00',
      rule: 'ALL_OR_NOTHING',
      processes: [
        { code: '1', name: 'Programación operativa', subprocesses: [{ code: '1.1', name: 'Programación de metas físicas y financieras', criteria: [
          { id: criteria['1.1.1'], code: '1.1.1', name: 'Plan operativo institucional aprobado con metas del PP 0001', kind: 'BOOLEAN', requiredLevel: true, acceptedValue: true },
          { id: criteria['1.1.2'], code: '1.1.2', name: 'Establecimientos con metas físicas programadas', kind: 'AT_LEAST', unit: '%', requiredLevel: '80', acceptedValue: '85.5' },
        ] }] },
        { code: '2', name: 'Soporte logístico para la adquisición y distribución de los insumos', subprocesses: [{ code: '2.1', name: 'Distribución oportuna de insumos', criteria: [
          { id: criteria['2.1.1'], code: '2.1.1', name: 'Días de desabastecimiento de vacunas', kind: 'AT_MOST', unit: 'días', requiredLevel: '10', acceptedValue: '8' },
        ] }] },
      ],
      context: context(fixedTrancheId, '2031'),
    });
    const indicatorInput = (id: string, c: string, name: string, baseline: string, t: string, achievedValue: string, weight: string, scoring: IndicatorInput['scoring']): IndicatorInput =>
      ({ id, code: c, name, unit: '%', direction: 'INCREASE', baseline, target: t, achieved: achievedValue, weight, scoring });
    const variable = evaluateVariableTranche({
      trancheAmount: '1000000.00',
      allowCarryOver: false,
      isLastPeriod: false,
      indicators: [
        indicatorInput(ind1, 'IND-01', 'Niños menores de 12 meses con vacunas completas', '60', '80', '82', '0.6', { type: 'BINARY' }),
        indicatorInput(ind2, 'IND-02', 'Niños menores de 36 meses con CRED completo', '50',
          mean(REPORT_DISTRICTS.map((d) => districtTargets[d]![0])), mean(REPORT_DISTRICTS.map((d) => achieved[d]!)), '0.4', { type: 'PROPORTIONAL' }),
      ],
      context: context(v1, '2031'),
    });

    const freeze = (trancheId: string, status: string, result: FixedTrancheResult | VariableTrancheResult, conclusions: string) =>
      tx.query(
        `UPDATE tranches SET status = $2, verified_result = $3, verified_input_hash = $4, verified_amount = $5, verified_version = 1,
           verified_by = $6, verified_at = '2031-12-05T21:15:00Z', conclusions = $7, recommendations = $8
         WHERE id = $1`,
        [trancheId, status, JSON.stringify(result), result.inputHash, result.amount, analyst, conclusions,
          'Mantener actualizado el padrón nominal y registrar oportunamente en el SIGA.'],
      );
    await freeze(fixedTrancheId, 'TRANSFERRED', fixed, 'La entidad cumplió todos los compromisos de gestión del periodo 2031.');
    await tx.query(`UPDATE tranches SET approved_by = $2, approved_at = '2031-12-10T15:00:00Z', approved_amount = verified_amount WHERE id = $1`, [fixedTrancheId, director]);
    await tx.query(
      `INSERT INTO transfers (tranche_id, requested_amount, requested_by, requested_at, status, instrument, executed_on, amount, recorded_by, recorded_at)
       VALUES ($1, 500000, $2, '2031-12-10T15:00:00Z', 'EXECUTED', 'D.S. N° 301-2031-EF', '2031-12-28', 500000, $2, '2031-12-28T20:00:00Z')`,
      [fixedTrancheId, director],
    );
    await freeze(v1, 'VERIFIED', variable, 'Se alcanzó la meta de IND-01 y el 85 % del avance esperado en IND-02.');
    await tx.query(
      `UPDATE tranches SET status = 'CANCELLED', cancelled_amount = amount, cancel_reason = 'Renuncia de la entidad (oficio N° 045-2033)' WHERE id = $1`,
      [cancelledFixedTrancheId],
    );

    return {
      agreementId: a, code, fundingProgramId: program.id, periodIds: [p1, p2, p3], fixedTrancheId, reviewFixedTrancheId, cancelledFixedTrancheId,
      variableTrancheIds, criteria, indicators: { 'IND-01': ind1, 'IND-02': ind2 }, frozen: { fixed, variable }, evidenceSha256,
    };
  });
}

/** An ENTITY user of another regional government (GORE Piura), with the demo password. */
export async function createOtherEntityUser(db: DataSource): Promise<string> {
  const email = `piura.${randomBytes(3).toString('hex')}@test.tramos.pe`;
  await db.query(
    `INSERT INTO users (email, name, role, entity_id, password_hash)
     SELECT $1, 'GORE Piura (prueba)', 'ENTITY', (SELECT id FROM entities WHERE code = 'GORE-PIU'), password_hash
     FROM users WHERE email = 'gore.ayacucho@demo.tramos.pe'`,
    [email],
  );
  return email;
}
