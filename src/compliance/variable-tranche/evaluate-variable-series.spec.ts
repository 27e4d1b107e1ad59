import { ComplianceInputError } from '../compliance-input.error.js';
import { evaluateVariableSeries, type VariablePeriodInput } from './evaluate-variable-series.js';
import type { IndicatorInput } from './variable-tranche.types.js';

const goal = (
  code: string,
  weight: string,
  achieved: string | null,
): Omit<IndicatorInput, 'carriedIn'> => ({
  id: `id-${code}`,
  code,
  name: code,
  direction: 'INCREASE',
  baseline: '0',
  target: '10',
  achieved,
  weight,
  scoring: { type: 'PROPORTIONAL' },
});

const period = (
  trancheAmount: string,
  ...indicators: Omit<IndicatorInput, 'carriedIn'>[]
): VariablePeriodInput => ({ trancheAmount, indicators });

const figures = (results: ReturnType<typeof evaluateVariableSeries>, code: string) =>
  results.map((r) => {
    const line = r.lines.find((l) => l.code === code)!;
    return [line.carriedIn, line.allocated, line.amount, line.carriedOver, line.released];
  });

describe('evaluateVariableSeries', () => {
  // A (weight 0.5), B (0.5); tranche 1000.00 each period.
  // A: P1 500 × 0.5 = 250, carry 250 → P2 (500 + 250) × 0.8 = 600, carry 150 → P3 (500 + 150) × 0.5 = 325, release 325
  // B: P1 500 × 1 = 500 → P2 500 × 0.3 = 150, carry 350 → P3 (500 + 350) × 1 = 850
  const periods = [
    period('1000.00', goal('A', '0.5', '5'), goal('B', '0.5', '10')),
    period('1000.00', goal('B', '0.5', '3'), goal('A', '0.5', '8')), // order within a period does not matter
    period('1000.00', goal('A', '0.5', '5'), goal('B', '0.5', '10')),
  ];

  it('carries unpaid amounts over three periods and releases them after the last', () => {
    const results = evaluateVariableSeries(periods, true);
    expect(figures(results, 'A')).toEqual([
      ['0.00', '500.00', '250.00', '250.00', '0.00'],
      ['250.00', '750.00', '600.00', '150.00', '0.00'],
      ['150.00', '650.00', '325.00', '0.00', '325.00'],
    ]);
    expect(figures(results, 'B')).toEqual([
      ['0.00', '500.00', '500.00', '0.00', '0.00'],
      ['0.00', '500.00', '150.00', '350.00', '0.00'],
      ['350.00', '850.00', '850.00', '0.00', '0.00'],
    ]);
    expect(
      results.map((r) => [r.isLastPeriod, r.amount, r.carriedIn, r.carriedOver, r.released]),
    ).toEqual([
      [false, '750.00', '0.00', '250.00', '0.00'],
      [false, '750.00', '250.00', '500.00', '0.00'],
      [true, '1175.00', '500.00', '0.00', '325.00'],
    ]);
    // every sol of the three tranches is either paid or released
    expect(750 + 750 + 1175 + 325).toBe(3000);
    expect(results[2]!.explanation).toBe(
      'Se paga S/ 1,175.00 de S/ 1,000.00 + S/ 500.00 arrastrado; se libera S/ 325.00.',
    );
  });

  it('releases the unpaid part at once without carry-over', () => {
    const results = evaluateVariableSeries(periods, false);
    expect(figures(results, 'A')).toEqual([
      ['0.00', '500.00', '250.00', '0.00', '250.00'],
      ['0.00', '500.00', '400.00', '0.00', '100.00'],
      ['0.00', '500.00', '250.00', '0.00', '250.00'],
    ]);
  });

  it('releases carry aimed at an indicator the next period no longer has', () => {
    const results = evaluateVariableSeries(
      [
        period('100.00', goal('A', '0.5', '5'), goal('B', '0.5', '5')),
        period('100.00', goal('A', '1', '10')),
      ],
      true,
    );
    expect(figures(results, 'A')).toEqual([
      ['0.00', '50.00', '25.00', '25.00', '0.00'],
      ['25.00', '125.00', '125.00', '0.00', '0.00'],
    ]);
    expect(figures(results.slice(0, 1), 'B')).toEqual([
      ['0.00', '50.00', '25.00', '0.00', '25.00'],
    ]);
  });

  it('keeps later periods pending while an earlier one is, when carry-over applies', () => {
    const results = evaluateVariableSeries(
      [period('100.00', goal('A', '1', null)), period('100.00', goal('A', '1', '10'))],
      true,
    );
    expect(results.map((r) => [r.status, r.amount])).toEqual([
      ['PENDING', '0.00'],
      ['PENDING', '0.00'],
    ]);
    expect(results[1]!.explanation).toBe(
      'Pendiente: el periodo 1 aún no está calculado y de él depende lo arrastrado a este periodo.',
    );
    // without carry-over the periods are independent
    expect(
      evaluateVariableSeries(
        [period('100.00', goal('A', '1', null)), period('100.00', goal('A', '1', '10'))],
        false,
      ).map((r) => r.status),
    ).toEqual(['PENDING', 'COMPUTED']);
  });

  it('refuses a carriedIn given by hand, since the series works it out', () => {
    const withCarry = period('100.00', {
      ...goal('A', '1', '5'),
      carriedIn: '10.00',
    } as IndicatorInput);
    expect(() => evaluateVariableSeries([withCarry], true)).toThrow(ComplianceInputError);
    expect(() => evaluateVariableSeries([], true)).toThrow(ComplianceInputError);
  });

  it('names the period where a problem is', () => {
    let problems: unknown;
    try {
      evaluateVariableSeries(
        [period('100.00', goal('A', '1', '5')), period('100.00', goal('A', '0.9', '5'))],
        true,
      );
    } catch (error) {
      problems = (error as ComplianceInputError).problems;
    }
    expect(problems).toEqual([
      {
        field: 'periods[1].indicators',
        problem: 'los pesos de los indicadores suman 0.9, deben sumar exactamente 1',
      },
    ]);
  });
});
