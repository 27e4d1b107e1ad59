import { DataSource } from 'typeorm';
import type { AgreementDocument } from '../../src/agreements/agreement-document.js';
import type { TestApp } from './test-app.js';

/** The catalogue rows a sample agreement points at. */
export interface SampleRefs {
  fundingProgramId: string;
  entityId: string;
  budgetProgramId: string;
  productIds: string[];
  /** two districts */
  ubigeos: [string, string];
}

/**
 * The demo catalogue's EUROPAN × GORE Ayacucho × PP 0001 (with its products), and two districts of
 * Ayacucho (Vinchos, Socos): what `sampleAgreementDocument` needs on the test database.
 */
export async function sampleRefs(t: TestApp): Promise<SampleRefs> {
  const db = t.app.get(DataSource);
  const query = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const [[program], [entity], [budget]] = await Promise.all([
    query(`SELECT id FROM funding_programs WHERE code = 'EUROPAN'`),
    query(`SELECT id FROM entities WHERE code = 'GORE-AYA'`),
    query(`SELECT id FROM budget_programs WHERE code = '0001'`),
  ]);
  if (!program || !entity || !budget) throw new Error('the demo catalogue (EUROPAN, GORE-AYA, PP 0001) is not loaded');
  const products = await query(`SELECT id FROM budget_products WHERE budget_program_id = $1 ORDER BY code`, [budget.id]);
  return { fundingProgramId: program.id, entityId: entity.id, budgetProgramId: budget.id, productIds: products.map((p: { id: string }) => p.id), ubigeos: ['050114', '050112'] };
}

/**
 * A valid POST /agreements body: two yearly periods (2021, 2022) each with a fixed and a variable
 * tranche, two processes with three criteria (BOOLEAN and AT_LEAST, levels rising), two indicators
 * (one per district, one DECREASE). `suffix` makes the code unique.
 */
export function sampleAgreementDocument(suffix: string, refs: SampleRefs): AgreementDocument {
  const [d1, d2] = refs.ubigeos;
  return {
    code: `CAP-TEST-${suffix}`,
    title: `Convenio de prueba ${suffix}`,
    fundingProgramId: refs.fundingProgramId,
    entityId: refs.entityId,
    startsOn: '2021-01-01',
    endsOn: '2023-06-30',
    maxAmount: '1000000.00',
    budgetProgramIds: [refs.budgetProgramId],
    prioritizedProductIds: refs.productIds.slice(0, 2),
    notes: 'Documento de prueba',
    rules: { fixedTrancheRule: 'ALL_OR_NOTHING', allowCarryOver: false, correctionDays: 20 },
    scope: { ubigeos: [d1, d2], quintiles: [1] },
    periods: [
      {
        code: 'P1', name: 'Año 1', startsOn: '2021-01-01', endsOn: '2021-12-31',
        fixedTranche: { amount: '200000.00', plannedDate: '2021-06-30' },
        variableTranche: { amount: '250000.00', plannedDate: '2022-03-31' },
      },
      {
        code: 'P2', name: 'Año 2', startsOn: '2022-01-01', endsOn: '2022-12-31',
        fixedTranche: { amount: '200000.00', plannedDate: '2022-06-30' },
        variableTranche: { amount: '300000.00', plannedDate: '2023-03-31' },
      },
    ],
    processes: [
      {
        code: '1', name: 'Programación operativa',
        subprocesses: [{
          code: '1.1', name: 'Programación de metas físicas',
          criteria: [
            { code: 'C1', name: 'Plan operativo aprobado', kind: 'BOOLEAN', verificationMeans: 'Resolución de aprobación', levels: [{ period: 'P1', value: 'true' }, { period: 'P2', value: 'true' }] },
            { code: 'C2', name: 'Establecimientos con metas programadas', kind: 'AT_LEAST', unit: '%', levels: [{ period: 'P1', value: '60' }, { period: 'P2', value: '80' }] },
          ],
        }],
      },
      {
        code: '2', name: 'Soporte logístico para la adquisición y distribución de los insumos',
        subprocesses: [{
          code: '2.1', name: 'Abastecimiento de insumos',
          criteria: [
            { code: 'C3', name: 'Establecimientos con desabastecimiento de vacunas', kind: 'AT_MOST', unit: '%', weight: '1', levels: [{ period: 'P1', value: '30' }, { period: 'P2', value: '20' }] },
          ],
        }],
      },
    ],
    indicators: [
      {
        code: 'IND-1', name: 'Niños con vacuna completa según edad', kind: 'OUTPUT', unit: '%', direction: 'INCREASE',
        baseline: { value: '45.0', year: 2020, source: 'HIS' }, source: 'HIS', territorialLevel: 'DISTRICT', weight: '0.6',
        scoring: { type: 'PROPORTIONAL', floor: '0.5' },
        datasheet: { definition: 'Proporción de niños menores de 36 meses con vacunas completas para su edad', numerator: 'Niños vacunados', denominator: 'Niños menores de 36 meses' },
        targets: [
          { period: 'P1', ubigeo: d1, value: '55' }, { period: 'P1', ubigeo: d2, value: '52' },
          { period: 'P2', ubigeo: d1, value: '65' }, { period: 'P2', ubigeo: d2, value: '60' },
        ],
      },
      {
        code: 'IND-2', name: 'Desnutrición crónica infantil', kind: 'RESULT', unit: '%', direction: 'DECREASE',
        baseline: { value: '35.5', year: 2020, source: 'ENDES' }, source: 'ENDES', territorialLevel: 'DEPARTMENT', weight: '0.4',
        scoring: { type: 'STEPS', steps: [{ minProgress: '1', score: '1' }, { minProgress: '0.75', score: '0.5' }] },
        targets: [{ period: 'P1', value: '33' }, { period: 'P2', value: '30' }],
      },
    ],
  };
}

/** Made-up ids for the pure unit specs of the validation rules (no database). */
export const UNIT_REFS: SampleRefs = {
  fundingProgramId: '00000000-0000-4000-8000-000000000001',
  entityId: '00000000-0000-4000-8000-000000000002',
  budgetProgramId: '00000000-0000-4000-8000-000000000003',
  productIds: ['00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000005'],
  ubigeos: ['050114', '050112'],
};
