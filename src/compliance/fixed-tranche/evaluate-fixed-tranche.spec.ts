import { ComplianceInputError } from '../compliance-input.error.js';
import type { CriterionInput } from '../criteria/criterion.types.js';
import { hashInputs } from '../input-hash.js';
import { evaluateFixedTranche } from './evaluate-fixed-tranche.js';
import type { FixedTrancheInput, ProcessInput } from './fixed-tranche.types.js';

const atLeast = (
  code: string,
  accepted: string | null,
  extra: Partial<CriterionInput> = {},
): CriterionInput => ({
  id: `id-${code}`,
  code,
  name: `Criterio ${code}`,
  kind: 'AT_LEAST',
  unit: '%',
  requiredLevel: '80',
  acceptedValue: accepted,
  ...extra,
});

/** Process 1: subprocess 1.1 (3 criteria), 1.2 (1 criterion). Process 2: subprocess 2.1 (2 criteria). */
function commitments(values: Record<string, string | null>): ProcessInput[] {
  const value = (code: string) => (code in values ? (values[code] ?? null) : '90');
  return [
    {
      code: '1',
      name: 'Programación operativa',
      subprocesses: [
        {
          code: '1.1',
          name: 'Planificación',
          criteria: ['1.1.1', '1.1.2', '1.1.3'].map((c) => atLeast(c, value(c))),
        },
        { code: '1.2', name: 'Presupuesto', criteria: [atLeast('1.2.1', value('1.2.1'))] },
      ],
    },
    {
      code: '2',
      name: 'Soporte logístico',
      subprocesses: [
        {
          code: '2.1',
          name: 'Compras',
          criteria: ['2.1.1', '2.1.2'].map((c) => atLeast(c, value(c))),
        },
      ],
    },
  ];
}

const tranche = (
  rule: FixedTrancheInput['rule'],
  values: Record<string, string | null> = {},
  trancheAmount = '1250000.00',
): FixedTrancheInput => ({
  trancheAmount,
  rule,
  processes: commitments(values),
  context: { agreementVersion: '2', periodCode: '2025' },
});

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ComplianceInputError) return error.problems;
    throw error;
  }
  throw new Error('expected a ComplianceInputError');
}

describe('evaluateFixedTranche — ALL_OR_NOTHING', () => {
  it('pays the whole tranche when every criterion is met', () => {
    const result = evaluateFixedTranche(tranche('ALL_OR_NOTHING'));
    expect(result).toMatchObject({
      status: 'MET',
      compliancePct: '100.00',
      trancheAmount: '1250000.00',
      amount: '1250000.00',
      unpaid: '0.00',
      blockingCriteria: [],
      pendingCriteria: [],
    });
    expect(result.explanation).toBe(
      'Todo o nada: se cumplen los 6 criterios (cumplimiento 100.00 %) → se paga el tramo completo, S/ 1,250,000.00.',
    );
    expect(result.processes.map((p) => [p.code, p.share, p.allocated, p.amount])).toEqual([
      ['1', null, null, null],
      ['2', null, null, null],
    ]);
  });

  it('pays nothing when one criterion is not met, and says which and why', () => {
    const result = evaluateFixedTranche(tranche('ALL_OR_NOTHING', { '1.1.2': '79.5' }));
    // 1.1 = 2/3; process 1 = (2/3 + 1)/2 = 5/6; overall = (5/6 + 1)/2 = 11/12 = 91.666…
    expect(result).toMatchObject({
      status: 'NOT_MET',
      compliancePct: '91.67',
      amount: '0.00',
      unpaid: '1250000.00',
    });
    expect(result.processes[0]).toMatchObject({ compliancePct: '83.33', met: false });
    expect(result.processes[0]!.subprocesses[0]).toMatchObject({
      compliancePct: '66.67',
      met: false,
    });
    expect(result.processes[1]).toMatchObject({ compliancePct: '100.00', met: true });
    expect(result.blockingCriteria).toEqual([
      {
        id: 'id-1.1.2',
        code: '1.1.2',
        processCode: '1',
        subprocessCode: '1.1',
        reason: 'Criterio 1.1.2: nivel requerido ≥ 80 %, aceptado 79.5 % → no cumple',
      },
    ]);
    expect(result.explanation).toBe(
      'Todo o nada: no se cumple 1 de 6 criterios (1.1.2); cumplimiento 91.67 % → no se paga (S/ 0.00 de S/ 1,250,000.00).',
    );
  });

  it('is pending while any criterion has no accepted value, even if another already fails', () => {
    const result = evaluateFixedTranche(
      tranche('ALL_OR_NOTHING', { '1.1.3': null, '2.1.1': '10' }),
    );
    expect(result).toMatchObject({
      status: 'PENDING',
      compliancePct: null,
      amount: '0.00',
      unpaid: null,
    });
    expect(result.pendingCriteria).toEqual(['id-1.1.3']);
    expect(result.blockingCriteria.map((c) => c.code)).toEqual(['2.1.1']);
    const [process1, process2] = result.processes;
    expect(process1).toMatchObject({ compliancePct: null, met: null });
    expect(process1!.subprocesses.map((s) => s.compliancePct)).toEqual([null, '100.00']);
    expect(process2).toMatchObject({ compliancePct: '50.00', met: false });
    const pending = process1!.subprocesses[0]!.criteria[2]!;
    expect(pending).toMatchObject({
      status: 'PENDING',
      score: null,
      explanation: 'nivel requerido ≥ 80 %, sin valor aceptado → pendiente',
    });
    expect(result.explanation).toBe(
      'Pendiente: 1 criterio sin valor aceptado (1.1.3). Ya no se cumple: 2.1.1. No se paga nada del tramo (S/ 1,250,000.00) hasta que todos estén decididos.',
    );
  });

  it('weights criteria, subprocesses and processes when weights are given', () => {
    const processes: ProcessInput[] = [
      {
        code: 'A',
        name: 'A',
        weight: '3',
        subprocesses: [
          {
            code: 'A.1',
            name: 'A.1',
            weight: '1',
            criteria: [
              atLeast('A.1.1', '10', { weight: '2' }),
              atLeast('A.1.2', '90', { weight: '1' }),
              atLeast('A.1.3', '90', { weight: '1' }),
            ],
          },
          { code: 'A.2', name: 'A.2', weight: '3', criteria: [atLeast('A.2.1', '90')] },
        ],
      },
      {
        code: 'B',
        name: 'B',
        weight: '1',
        subprocesses: [{ code: 'B.1', name: 'B.1', criteria: [atLeast('B.1.1', '10')] }],
      },
    ];
    const result = evaluateFixedTranche({
      trancheAmount: '100.00',
      rule: 'ALL_OR_NOTHING',
      processes,
    });
    // A.1 = (0·2 + 1 + 1)/4 = 0.5; A = (0.5·1 + 1·3)/4 = 0.875; B = 0; overall = (0.875·3 + 0)/4 = 0.65625
    expect(result.processes[0]!.subprocesses[0]).toMatchObject({
      compliancePct: '50.00',
      weight: '0.2500',
    });
    expect(result.processes[0]!.subprocesses[0]!.criteria.map((c) => c.weight)).toEqual([
      '0.5000',
      '0.2500',
      '0.2500',
    ]);
    expect(result.processes[0]).toMatchObject({ compliancePct: '87.50', weight: '0.7500' });
    expect(result.processes[1]).toMatchObject({ compliancePct: '0.00', weight: '0.2500' });
    expect(result.compliancePct).toBe('65.63');
  });
});

describe('evaluateFixedTranche — PER_PROCESS', () => {
  it('pays each process its equal share when all its criteria are met', () => {
    const result = evaluateFixedTranche(tranche('PER_PROCESS', { '1.2.1': '0' }, '1000.01'));
    expect(result.status).toBe('PARTIALLY_MET');
    // 1000.01 / 2 = 500.005 → 500.01 + 500.00 (the spare cent to the first by code)
    expect(result.processes.map((p) => [p.code, p.share, p.allocated, p.met, p.amount])).toEqual([
      ['1', '0.5000', '500.01', false, '0.00'],
      ['2', '0.5000', '500.00', true, '500.00'],
    ]);
    expect(result).toMatchObject({ amount: '500.00', unpaid: '500.01' });
    expect(result.explanation).toBe(
      'Por proceso: cumplen 1 de 2 procesos (2); no cumplen: 1 (criterios 1.2.1); cumplimiento 75.00 % → se paga S/ 500.00 de S/ 1,000.01.',
    );
  });

  it('splits 100.00 over three equal shares as 33.34 / 33.33 / 33.33', () => {
    const processes: ProcessInput[] = ['P3', 'P1', 'P2'].map((code) => ({
      code,
      name: code,
      subprocesses: [{ code: `${code}.1`, name: 'x', criteria: [atLeast(`${code}.1.1`, '95')] }],
    }));
    const result = evaluateFixedTranche({
      trancheAmount: '100.00',
      rule: 'PER_PROCESS',
      processes,
    });
    expect(result.status).toBe('MET');
    expect(result.processes.map((p) => [p.code, p.share, p.amount])).toEqual([
      ['P1', '0.3333', '33.34'],
      ['P2', '0.3333', '33.33'],
      ['P3', '0.3333', '33.33'],
    ]);
    expect(result.amount).toBe('100.00');
  });

  it('uses the agreed shares, which must add up to 1', () => {
    const processes = commitments({ '2.1.2': '50' });
    const result = evaluateFixedTranche({
      trancheAmount: '1000.00',
      rule: 'PER_PROCESS',
      processes: [
        { ...processes[0]!, share: '0.7' },
        { ...processes[1]!, share: '0.30' },
      ],
    });
    expect(result.processes.map((p) => [p.share, p.allocated, p.amount])).toEqual([
      ['0.7000', '700.00', '700.00'],
      ['0.3000', '300.00', '0.00'],
    ]);
    expect(result).toMatchObject({ status: 'PARTIALLY_MET', amount: '700.00' });

    const problems = problemsOf(() =>
      evaluateFixedTranche({
        trancheAmount: '1000.00',
        rule: 'PER_PROCESS',
        processes: [
          { ...processes[0]!, share: '0.7' },
          { ...processes[1]!, share: '0.2' },
        ],
      }),
    );
    expect(problems).toEqual([
      {
        field: 'processes',
        problem: 'las participaciones de los procesos suman 0.9, deben sumar 1',
      },
    ]);
  });

  it('pays nothing while pending and nothing when no process is met', () => {
    expect(evaluateFixedTranche(tranche('PER_PROCESS', { '2.1.1': null }))).toMatchObject({
      status: 'PENDING',
      amount: '0.00',
    });
    const none = evaluateFixedTranche(tranche('PER_PROCESS', { '1.1.1': '1', '2.1.1': '1' }));
    expect(none).toMatchObject({ status: 'NOT_MET', amount: '0.00', unpaid: '1250000.00' });
    expect(none.processes.map((p) => p.amount)).toEqual(['0.00', '0.00']);
  });
});

describe('evaluateFixedTranche — input', () => {
  it('returns lists in code order whatever the input order, with the same hash', () => {
    const ordered = tranche('PER_PROCESS', { '1.1.2': '1' });
    const shuffled: FixedTrancheInput = {
      ...ordered,
      processes: [...ordered.processes].reverse().map((p) => ({
        ...p,
        subprocesses: [...p.subprocesses]
          .reverse()
          .map((s) => ({ ...s, criteria: [...s.criteria].reverse() })),
      })),
    };
    expect(evaluateFixedTranche(shuffled)).toEqual(evaluateFixedTranche(ordered));
  });

  it('hashes the whole input, context included', () => {
    const input = tranche('ALL_OR_NOTHING');
    const result = evaluateFixedTranche(input);
    expect(result.inputHash).toBe(hashInputs(input));
    expect(
      evaluateFixedTranche({ ...input, context: { agreementVersion: '3', periodCode: '2025' } })
        .inputHash,
    ).not.toBe(result.inputHash);
    expect(evaluateFixedTranche({ ...input, trancheAmount: '1250000' }).inputHash).toBe(
      result.inputHash,
    );
  });

  it('lists every problem at once', () => {
    const processes = commitments({});
    const problems = problemsOf(() =>
      evaluateFixedTranche({
        trancheAmount: '10.001',
        rule: 'HALF' as FixedTrancheInput['rule'],
        processes: [
          { ...processes[0]!, weight: '1' },
          {
            ...processes[0]!,
            subprocesses: [
              {
                code: '9.1',
                name: 'x',
                criteria: [atLeast('9.1.1', 'abc'), atLeast('9.1.2', '1', { id: 'id-1.1.1' })],
              },
              { code: '9.2', name: 'y', criteria: [] },
            ],
          },
        ],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'trancheAmount',
      'rule',
      'processes[1].code',
      'processes[1].weight',
      'processes[1].subprocesses[0].criteria[0].acceptedValue',
      'processes[1].subprocesses[0].criteria[1].id',
      'processes[1].subprocesses[1].criteria',
    ]);
    expect(problems[2]!.problem).toBe('proceso 1: código repetido');
    expect(problems[3]!.problem).toContain('o se dan todos los pesos del grupo o ninguno');
  });
});
