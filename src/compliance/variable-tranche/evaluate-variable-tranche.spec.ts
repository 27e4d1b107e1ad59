import { ComplianceInputError } from '../compliance-input.error.js';
import { hashInputs } from '../input-hash.js';
import { evaluateVariableTranche } from './evaluate-variable-tranche.js';
import type {
  IndicatorInput,
  ScoringRule,
  VariableTrancheInput,
} from './variable-tranche.types.js';

const STEPS: ScoringRule = {
  type: 'STEPS',
  steps: [
    { minProgress: '1.00', score: '1' },
    { minProgress: '0.75', score: '0.5' },
  ],
};

const indicator = (
  code: string,
  weight: string,
  extra: Partial<IndicatorInput> = {},
): IndicatorInput => ({
  id: `id-${code}`,
  code,
  name: `Indicador ${code}`,
  unit: '%',
  direction: 'INCREASE',
  baseline: '0',
  target: '10',
  achieved: '10',
  weight,
  scoring: { type: 'PROPORTIONAL' },
  ...extra,
});

const variable = (
  trancheAmount: string,
  indicators: IndicatorInput[],
  extra: Partial<VariableTrancheInput> = {},
): VariableTrancheInput => ({
  trancheAmount,
  indicators,
  allowCarryOver: false,
  isLastPeriod: false,
  ...extra,
});

const money = (result: ReturnType<typeof evaluateVariableTranche>) =>
  result.lines.map((l) => [
    l.code,
    l.effectiveWeight,
    l.allocated,
    l.amount,
    l.unpaid,
    l.carriedOver,
    l.released,
  ]);

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ComplianceInputError) return error.problems;
    throw error;
  }
  throw new Error('expected a ComplianceInputError');
}

describe('evaluateVariableTranche', () => {
  // I1: progress 12.5/15 = 0.8333 → step ≥ 0.75 → 0.5 → 400,000 × 0.5 = 200,000
  // I2: DECREASE (40 − 34)/(40 − 30) = 0.6 ≥ floor 0.5 → 350,000 × 0.6 = 210,000
  // I3: progress 0.2 < floor 0.5 → 0
  const threeGoals = variable('1000000.00', [
    indicator('I1', '0.4', { baseline: '60.0', target: '75.0', achieved: '72.5', scoring: STEPS }),
    indicator('I2', '0.35', {
      direction: 'DECREASE',
      baseline: '40',
      target: '30',
      achieved: '34',
      scoring: { type: 'PROPORTIONAL', floor: '0.5' },
    }),
    indicator('I3', '0.25', {
      baseline: '10',
      target: '20',
      achieved: '12',
      scoring: { type: 'PROPORTIONAL', floor: '0.5' },
    }),
  ]);

  it('pays tranche × weight × score per indicator (hand-computed)', () => {
    const result = evaluateVariableTranche(threeGoals);
    expect(result).toMatchObject({
      status: 'COMPUTED',
      trancheAmount: '1000000.00',
      amount: '410000.00',
      carriedOver: '0.00',
      released: '590000.00',
    });
    expect(result.lines.map((l) => [l.code, l.progress, l.score])).toEqual([
      ['I1', '0.8333', '0.5000'],
      ['I2', '0.6000', '0.6000'],
      ['I3', '0.2000', '0.0000'],
    ]);
    expect(money(result)).toEqual([
      ['I1', '0.4000', '400000.00', '200000.00', '200000.00', '0.00', '200000.00'],
      ['I2', '0.3500', '350000.00', '210000.00', '140000.00', '0.00', '140000.00'],
      ['I3', '0.2500', '250000.00', '0.00', '250000.00', '0.00', '250000.00'],
    ]);
  });

  it('explains each line in Spanish with its inputs', () => {
    const [i1, i2, i3] = evaluateVariableTranche(threeGoals).lines;
    expect(i1!.explanation).toBe(
      'base 60 %, meta 75 %, logrado 72.5 %, avance 0.8333 → puntaje 0.5 (escalón ≥ 0.75); S/ 400,000.00 × 0.5 = S/ 200,000.00; se libera S/ 200,000.00',
    );
    expect(i2!.explanation).toBe(
      'base 40 %, meta 30 % (reducir), logrado 34 %, avance 0.60 → puntaje 0.6 (proporcional al avance); S/ 350,000.00 × 0.6 = S/ 210,000.00; se libera S/ 140,000.00',
    );
    expect(i3!.explanation).toBe(
      'base 10 %, meta 20 %, logrado 12 %, avance 0.20 → puntaje 0 (avance bajo el mínimo 0.5); S/ 250,000.00 × 0 = S/ 0.00; se libera S/ 250,000.00',
    );
    expect(evaluateVariableTranche(threeGoals).explanation).toBe(
      'Se paga S/ 410,000.00 de S/ 1,000,000.00; se libera S/ 590,000.00.',
    );
  });

  it('shares a neutralised weight out pro rata among the others', () => {
    // 0.5 and 0.3 of the remaining 0.8 → 0.625 and 0.375
    const result = evaluateVariableTranche(
      variable('1000.00', [
        indicator('A', '0.5'),
        indicator('B', '0.3', { achieved: '5' }),
        indicator('C', '0.2', {
          achieved: null,
          neutralised: true,
          neutralisationReason: 'ENDES 2024 no publicada',
        }),
      ]),
    );
    expect(money(result)).toEqual([
      ['A', '0.6250', '625.00', '625.00', '0.00', '0.00', '0.00'],
      ['B', '0.3750', '375.00', '187.50', '187.50', '0.00', '187.50'],
      ['C', '0.0000', '0.00', '0.00', '0.00', '0.00', '0.00'],
    ]);
    expect(result.lines[2]).toMatchObject({
      status: 'NEUTRALISED',
      neutralised: true,
      progress: null,
      score: null,
      weight: '0.2',
    });
    expect(result.lines[2]!.explanation).toBe(
      'neutralizado: ENDES 2024 no publicada; peso redistribuido',
    );
    expect(result.status).toBe('COMPUTED'); // a neutralised indicator needs no value
    expect(result.explanation).toBe(
      'Se paga S/ 812.50 de S/ 1,000.00; se libera S/ 187.50; neutralizados: C (peso redistribuido).',
    );
  });

  it('distributes cents by largest remainder: 100.00 over three equal effective weights → 33.34 / 33.33 / 33.33', () => {
    const result = evaluateVariableTranche(
      variable('100.00', [
        indicator('X3', '0.25'),
        indicator('X1', '0.25'),
        indicator('X4', '0.25', { neutralised: true, neutralisationReason: 'fuerza mayor' }),
        indicator('X2', '0.25'),
      ]),
    );
    expect(result.lines.map((l) => [l.code, l.effectiveWeight, l.allocated, l.amount])).toEqual([
      ['X1', '0.3333', '33.34', '33.34'],
      ['X2', '0.3333', '33.33', '33.33'],
      ['X3', '0.3333', '33.33', '33.33'],
      ['X4', '0.0000', '0.00', '0.00'],
    ]);
    expect(result.amount).toBe('100.00');
  });

  it('rounds each line half-up to the cent, computed on the exact score', () => {
    // 100.00 × 1/3 = 33.333… → 33.33 ; 0.05 × 0.5 = 0.025 → 0.03
    const third = evaluateVariableTranche(
      variable('100.00', [indicator('A', '1', { target: '3', achieved: '1' })]),
    );
    expect(third.lines[0]).toMatchObject({ score: '0.3333', amount: '33.33', unpaid: '66.67' });
    expect(third.lines[0]!.explanation).toContain('S/ 100.00 × 0.3333… = S/ 33.33');
    const halfCent = evaluateVariableTranche(
      variable('0.05', [indicator('A', '1', { achieved: '7.5', scoring: STEPS })]),
    );
    expect(halfCent.lines[0]).toMatchObject({ amount: '0.03', unpaid: '0.02' });
  });

  it('scores BINARY on the target and handles target = baseline in both directions', () => {
    const result = evaluateVariableTranche(
      variable('400.00', [
        indicator('B1', '0.25', {
          baseline: '50',
          target: '50',
          achieved: '50',
          scoring: { type: 'BINARY' },
        }),
        indicator('B2', '0.25', {
          baseline: '50',
          target: '50',
          achieved: '49',
          scoring: { type: 'BINARY' },
        }),
        indicator('B3', '0.25', {
          direction: 'DECREASE',
          baseline: '50',
          target: '50',
          achieved: '49',
          scoring: { type: 'PROPORTIONAL' },
        }),
        indicator('B4', '0.25', {
          direction: 'DECREASE',
          baseline: '50',
          target: '50',
          achieved: '51',
          scoring: { type: 'PROPORTIONAL' },
        }),
      ]),
    );
    expect(result.lines.map((l) => [l.code, l.progress, l.score, l.amount])).toEqual([
      ['B1', '1.0000', '1.0000', '100.00'],
      ['B2', '0.0000', '0.0000', '0.00'],
      ['B3', '1.0000', '1.0000', '100.00'],
      ['B4', '0.0000', '0.0000', '0.00'],
    ]);
    expect(result.lines[0]!.explanation).toContain(
      'avance 1.00 (meta igual a la base) → puntaje 1 (meta alcanzada)',
    );
  });

  it('is pending, paying nothing, while a non-neutralised indicator has no achieved value', () => {
    const result = evaluateVariableTranche(
      variable('1000.00', [indicator('A', '0.6'), indicator('B', '0.4', { achieved: null })]),
    );
    expect(result).toMatchObject({
      status: 'PENDING',
      amount: '0.00',
      released: '0.00',
      carriedOver: '0.00',
      pendingIndicators: ['id-B'],
    });
    expect(
      result.lines.map((l) => [l.code, l.status, l.progress, l.allocated, l.amount, l.unpaid]),
    ).toEqual([
      ['A', 'COMPUTED', '1.0000', '600.00', '0.00', '0.00'],
      ['B', 'PENDING', null, '400.00', '0.00', '0.00'],
    ]);
    expect(result.lines[0]!.explanation).toContain('pago en espera de los demás indicadores');
    expect(result.lines[1]!.explanation).toBe('base 0 %, meta 10 %, sin valor logrado → pendiente');
    expect(result.explanation).toBe(
      'Pendiente: sin valor logrado para B. No se paga nada hasta contar con todos los valores.',
    );
  });

  it('releases everything when every indicator is neutralised, and says so', () => {
    const reason = { neutralised: true, neutralisationReason: 'censo suspendido' };
    const result = evaluateVariableTranche(
      variable(
        '100.00',
        [indicator('A', '0.5', reason), indicator('B', '0.5', { ...reason, carriedIn: '10.00' })],
        { allowCarryOver: true },
      ),
    );
    expect(result).toMatchObject({
      status: 'COMPUTED',
      amount: '0.00',
      carriedIn: '10.00',
      carriedOver: '0.00',
      released: '110.00',
    });
    expect(money(result)).toEqual([
      ['A', '0.0000', '50.00', '0.00', '50.00', '0.00', '50.00'],
      ['B', '0.0000', '60.00', '0.00', '60.00', '0.00', '60.00'],
    ]);
    expect(result.explanation).toBe(
      'Todos los indicadores están neutralizados: no se paga nada y se libera S/ 110.00.',
    );
    expect(result.lines[0]!.explanation).toBe(
      'neutralizado: censo suspendido; no queda peso que redistribuir, se libera S/ 50.00',
    );
  });

  it('pays carried-in money under the same score and carries the unpaid part on', () => {
    // allocated = 1000 × 0.5 + 200 = 700; progress 0.5 → 350 paid, 350 carried
    const result = evaluateVariableTranche(
      variable(
        '1000.00',
        [indicator('A', '0.5', { achieved: '5', carriedIn: '200.00' }), indicator('B', '0.5')],
        { allowCarryOver: true },
      ),
    );
    expect(money(result)).toEqual([
      ['A', '0.5000', '700.00', '350.00', '350.00', '350.00', '0.00'],
      ['B', '0.5000', '500.00', '500.00', '0.00', '0.00', '0.00'],
    ]);
    expect(result).toMatchObject({
      carriedIn: '200.00',
      amount: '850.00',
      carriedOver: '350.00',
      released: '0.00',
    });
    expect(result.lines[0]!.explanation).toContain(
      'S/ 500.00 + arrastre S/ 200.00 × 0.5 = S/ 350.00; S/ 350.00 pasa al siguiente periodo',
    );
    // in the last period the unpaid part is released instead
    const last = evaluateVariableTranche(
      variable(
        '1000.00',
        [indicator('A', '0.5', { achieved: '5', carriedIn: '200.00' }), indicator('B', '0.5')],
        { allowCarryOver: true, isLastPeriod: true },
      ),
    );
    expect(last).toMatchObject({ amount: '850.00', carriedOver: '0.00', released: '350.00' });
  });

  it('releases what a neutralised indicator had carried in', () => {
    const result = evaluateVariableTranche(
      variable(
        '100.00',
        [
          indicator('A', '0.5', {
            carriedIn: '30.00',
            neutralised: true,
            neutralisationReason: 'x',
          }),
          indicator('B', '0.5'),
        ],
        { allowCarryOver: true },
      ),
    );
    expect(money(result)[0]).toEqual(['A', '0.0000', '30.00', '0.00', '30.00', '0.00', '30.00']);
    expect(result.lines[0]!.explanation).toBe(
      'neutralizado: x; peso redistribuido; se libera el arrastre S/ 30.00',
    );
  });

  it('gives the same result and hash whatever the order of the indicators', () => {
    const reversed = { ...threeGoals, indicators: [...threeGoals.indicators].reverse() };
    expect(evaluateVariableTranche(reversed)).toEqual(evaluateVariableTranche(threeGoals));
    expect(evaluateVariableTranche(threeGoals).inputHash).toBe(hashInputs(threeGoals));
  });

  it.each([
    [
      { indicators: [indicator('A', '0.5'), indicator('B', '0.4')] },
      'indicators',
      'los pesos de los indicadores suman 0.9, deben sumar exactamente 1',
    ],
    [
      { indicators: [indicator('A', '1.2')] },
      'indicators[0].weight',
      'indicador A: peso: debe estar entre 0 y 1',
    ],
    [
      { trancheAmount: '100.005' },
      'trancheAmount',
      'monto del tramo: debe ser un monto en soles no negativo con hasta 2 decimales (p. ej. "1250000.00")',
    ],
    [
      { trancheAmount: '-1.00' },
      'trancheAmount',
      'monto del tramo: debe ser un monto en soles no negativo con hasta 2 decimales (p. ej. "1250000.00")',
    ],
    [
      { indicators: [indicator('A', '1', { achieved: '7,5' })] },
      'indicators[0].achieved',
      'indicador A: valor logrado (o null): debe ser un decimal en texto (p. ej. "72.5")',
    ],
    [
      { indicators: [indicator('A', '1', { baseline: '20', target: '10' })] },
      'indicators[0].target',
      'indicador A: la meta 10 está por debajo de la línea de base 20 para un indicador que debe aumentar',
    ],
    [
      {
        indicators: [
          indicator('A', '1', {
            scoring: { type: 'LINEAR' } as unknown as IndicatorInput['scoring'],
          }),
        ],
      },
      'indicators[0].scoring.type',
      'indicador A: regla de puntaje desconocida "LINEAR" (BINARY, PROPORTIONAL o STEPS)',
    ],
    [
      {
        indicators: [
          indicator('A', '1', {
            scoring: {
              type: 'STEPS',
              steps: [
                { minProgress: '1', score: '0.5' },
                { minProgress: '0.5', score: '0.8' },
              ],
            },
          }),
        ],
      },
      'indicators[0].scoring.steps',
      'indicador A: el escalón ≥ 1 paga menos que el escalón ≥ 0.5',
    ],
    [
      {
        indicators: [
          indicator('A', '1', {
            scoring: { type: 'STEPS', steps: [{ minProgress: '1.5', score: '1' }] },
          }),
        ],
      },
      'indicators[0].scoring.steps[0].minProgress',
      'indicador A: avance mínimo del escalón: debe estar entre 0 y 1',
    ],
    [
      { indicators: [indicator('A', '1', { scoring: { type: 'STEPS', steps: [] } })] },
      'indicators[0].scoring.steps',
      'indicador A: escalones: la lista está vacía o falta',
    ],
    [
      { indicators: [indicator('A', '1', { neutralised: true })] },
      'indicators[0].neutralisationReason',
      'indicador A: un indicador neutralizado necesita el motivo',
    ],
    [
      { indicators: [indicator('A', '1', { carriedIn: '5.00' })] },
      'indicators[0].carriedIn',
      'indicador A: hay monto arrastrado pero el convenio no permite arrastre',
    ],
    [{ indicators: [] }, 'indicators', 'indicadores: la lista está vacía o falta'],
    [
      { indicators: [null as unknown as IndicatorInput] },
      'indicators[0]',
      'indicadores: cada elemento debe ser un objeto',
    ],
  ] as [Partial<VariableTrancheInput>, string, string][])(
    'refuses unreadable input (%#: %s)',
    (change, field, problem) => {
      const problems = problemsOf(() =>
        evaluateVariableTranche({ ...variable('100.00', [indicator('A', '1')]), ...change }),
      );
      expect(problems).toContainEqual({ field, problem });
    },
  );
});
