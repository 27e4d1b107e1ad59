import fc from 'fast-check';
import type { CriterionInput } from './criteria/criterion.types.js';
import { evaluateFixedTranche } from './fixed-tranche/evaluate-fixed-tranche.js';
import type { FixedTrancheInput, ProcessInput } from './fixed-tranche/fixed-tranche.types.js';
import { hashInputs } from './input-hash.js';
import { Decimal } from './shared/decimal.js';
import { evaluateVariableSeries } from './variable-tranche/evaluate-variable-series.js';
import { evaluateVariableTranche } from './variable-tranche/evaluate-variable-tranche.js';
import type {
  IndicatorInput,
  ScoringRule,
  VariableTrancheInput,
  VariableTrancheResult,
} from './variable-tranche/variable-tranche.types.js';

const RUNS = { numRuns: 150 };
const MONEY = /^\d+\.\d{2}$/;

// --- text builders (integers in, decimal text out; the engine does all the arithmetic) ---
const fixedText = (units: number, places: number): string => {
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  return places === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
};
const sum = (values: string[]): Decimal =>
  values.reduce((total, v) => total.plus(v), new Decimal(0));

/** Integer parts → basis points adding up to exactly 10000 → weights "0.xxxx" adding up to 1. */
function weightsFrom(parts: number[]): string[] {
  const total = parts.reduce((a, b) => a + b, 0);
  const bp = parts.map((p) => Math.floor((p * 10000) / total));
  bp[0]! += 10000 - bp.reduce((a, b) => a + b, 0);
  return bp.map((b) => fixedText(b, 4));
}

const cents = fc.integer({ min: 0, max: 50_000_000_000 });
const moneyText = cents.map((c) => fixedText(c, 2));

const scoringRule: fc.Arbitrary<ScoringRule> = fc.oneof(
  fc.constant<ScoringRule>({ type: 'BINARY' }),
  fc
    .option(fc.integer({ min: 0, max: 100 }), { nil: undefined })
    .map((floor): ScoringRule =>
      floor === undefined
        ? { type: 'PROPORTIONAL' }
        : { type: 'PROPORTIONAL', floor: fixedText(floor, 2) },
    ),
  fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 }).chain((mins) =>
    fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: mins.length, maxLength: mins.length })
      .map((scores): ScoringRule => {
        // scores must not fall as the step rises
        const ascending = [...mins].sort((a, b) => a - b);
        const sortedScores = [...scores].sort((a, b) => a - b);
        return {
          type: 'STEPS',
          steps: ascending.map((m, i) => ({
            minProgress: fixedText(m, 2),
            score: fixedText(sortedScores[i]!, 2),
          })),
        };
      }),
  ),
);

interface GoalShape {
  direction: 'INCREASE' | 'DECREASE';
  baseline: number;
  distance: number;
  achieved: number | null;
  scoring: ScoringRule;
  neutralised: boolean;
}

const goalShape = (allowPending: boolean): fc.Arbitrary<GoalShape> =>
  fc.record({
    direction: fc.constantFrom<'INCREASE' | 'DECREASE'>('INCREASE', 'DECREASE'),
    baseline: fc.integer({ min: -2000, max: 2000 }),
    distance: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 })),
    achieved: allowPending
      ? fc.option(fc.integer({ min: -4000, max: 4000 }), { freq: 6 })
      : fc.integer({ min: -4000, max: 4000 }),
    scoring: scoringRule,
    neutralised: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  });

function indicatorFrom(shape: GoalShape, index: number, weight: string): IndicatorInput {
  const target =
    shape.direction === 'INCREASE'
      ? shape.baseline + shape.distance
      : shape.baseline - shape.distance;
  return {
    id: `id-${index}`,
    code: `IND-${index + 1}`,
    name: `Indicador ${index + 1}`,
    unit: '%',
    direction: shape.direction,
    baseline: fixedText(shape.baseline, 1),
    target: fixedText(target, 1),
    achieved: shape.achieved === null ? null : fixedText(shape.achieved, 1),
    weight,
    scoring: shape.scoring,
    ...(shape.neutralised ? { neutralised: true, neutralisationReason: 'fuerza mayor' } : {}),
  };
}

const variableTranche = (options: {
  allowPending: boolean;
  carry: boolean;
}): fc.Arbitrary<VariableTrancheInput> =>
  fc
    .record({
      amount: moneyText,
      goals: fc.array(
        fc.record({
          shape: goalShape(options.allowPending),
          part: fc.integer({ min: 0, max: 100 }),
          carried: cents,
        }),
        { minLength: 1, maxLength: 8 },
      ),
      isLastPeriod: fc.boolean(),
    })
    .filter(({ goals }) => goals.some((g) => g.part > 0))
    .map(({ amount, goals, isLastPeriod }) => {
      const weights = weightsFrom(goals.map((g) => g.part));
      return {
        trancheAmount: amount,
        allowCarryOver: options.carry,
        isLastPeriod,
        context: { periodCode: '2025' },
        indicators: goals.map((g, i) => ({
          ...indicatorFrom(g.shape, i, weights[i]!),
          ...(options.carry ? { carriedIn: fixedText(g.carried % 10_000_000, 2) } : {}),
        })),
      };
    });

/** A permutation of `items`, drawn by fast-check so that failures shrink and replay. */
const permutationOf = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe('variable tranche properties', () => {
  it('parts add up exactly and never exceed the tranche plus what was carried in', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((carry) => variableTranche({ allowPending: true, carry })),
        (input) => {
          const result = evaluateVariableTranche(input);
          const carriedIn = sum(input.indicators.map((i) => i.carriedIn ?? '0'));
          const money = result.lines.flatMap((l) => [
            l.allocated,
            l.amount,
            l.unpaid,
            l.carriedOver,
            l.released,
            l.carriedIn,
          ]);
          expect(money.every((m) => MONEY.test(m))).toBe(true);
          expect(
            sum(result.lines.map((l) => l.allocated)).equals(carriedIn.plus(input.trancheAmount)),
          ).toBe(true);
          expect(sum(result.lines.map((l) => l.amount)).equals(result.amount)).toBe(true);
          expect(sum(result.lines.map((l) => l.carriedOver)).equals(result.carriedOver)).toBe(true);
          expect(sum(result.lines.map((l) => l.released)).equals(result.released)).toBe(true);
          expect(
            new Decimal(result.amount).lessThanOrEqualTo(carriedIn.plus(input.trancheAmount)),
          ).toBe(true);
          if (result.status === 'COMPUTED') {
            for (const line of result.lines) {
              expect(
                sum([line.amount, line.carriedOver, line.released]).equals(line.allocated),
              ).toBe(true);
              expect(sum([line.carriedOver, line.released]).equals(line.unpaid)).toBe(true);
            }
            // every sol is paid, carried or released
            expect(
              sum([result.amount, result.carriedOver, result.released]).equals(
                carriedIn.plus(input.trancheAmount),
              ),
            ).toBe(true);
          } else {
            expect(result.amount).toBe('0.00');
          }
          if (!input.allowCarryOver || input.isLastPeriod) expect(result.carriedOver).toBe('0.00');
        },
      ),
      RUNS,
    );
  });

  it('for an INCREASE indicator, a higher achieved value never pays less', () => {
    fc.assert(
      fc.property(
        variableTranche({ allowPending: false, carry: false }),
        fc.nat(),
        fc.integer({ min: 0, max: 3000 }),
        (input, pick, rise) => {
          const index = pick % input.indicators.length;
          const chosen = input.indicators[index]!;
          const risen: IndicatorInput = {
            ...chosen,
            direction: 'INCREASE',
            target: new Decimal(chosen.baseline)
              .plus(new Decimal(chosen.target).minus(chosen.baseline).abs())
              .toFixed(1),
          };
          const lower = evaluateVariableTranche({
            ...input,
            indicators: input.indicators.map((i, k) => (k === index ? risen : i)),
          });
          const higher = evaluateVariableTranche({
            ...input,
            indicators: input.indicators.map((i, k) =>
              k === index
                ? {
                    ...risen,
                    achieved: new Decimal(risen.achieved!).plus(fixedText(rise, 1)).toFixed(1),
                  }
                : i,
            ),
          });
          const lineOf = (r: VariableTrancheResult) => r.lines.find((l) => l.code === chosen.code)!;
          expect(
            new Decimal(lineOf(higher).amount).greaterThanOrEqualTo(lineOf(lower).amount),
          ).toBe(true);
          expect(new Decimal(higher.amount).greaterThanOrEqualTo(lower.amount)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('does not depend on the order of the indicators, and hashes the input', () => {
    fc.assert(
      fc.property(
        variableTranche({ allowPending: true, carry: true }).chain((input) =>
          permutationOf(input.indicators).map(
            (shuffled) => [input, { ...input, indicators: shuffled }] as const,
          ),
        ),
        ([input, shuffled]) => {
          const result = evaluateVariableTranche(input);
          expect(evaluateVariableTranche(shuffled)).toEqual(result);
          expect(result.inputHash).toBe(hashInputs(input));
          expect(result.inputHash).toBe(hashInputs(shuffled));
        },
      ),
      RUNS,
    );
  });

  it('gives the same figures and hash for the same values written differently', () => {
    const respell = (value: string) => (value.includes('.') ? `${value}00` : `${value}.0`);
    fc.assert(
      fc.property(variableTranche({ allowPending: true, carry: true }), (input) => {
        const respelled: VariableTrancheInput = {
          ...input,
          trancheAmount: input.trancheAmount.replace(/\.(\d)0$/, '.$1'),
          indicators: input.indicators.map((i) => ({
            ...i,
            baseline: respell(i.baseline),
            target: respell(i.target),
            achieved: i.achieved === null ? null : respell(i.achieved),
            weight: respell(i.weight),
          })),
        };
        const figures = (r: VariableTrancheResult) => ({
          ...r,
          lines: r.lines.map(
            ({ baseline: _b, target: _t, achieved: _a, weight: _w, ...rest }) => rest,
          ),
        });
        expect(figures(evaluateVariableTranche(respelled))).toEqual(
          figures(evaluateVariableTranche(input)),
        );
      }),
      RUNS,
    );
  });
});

describe('variable series properties', () => {
  it('over a whole agreement, every sol is either paid or released', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((count) =>
          fc.array(
            fc.record({
              amount: moneyText,
              goals: fc.array(
                fc.record({ shape: goalShape(false), part: fc.integer({ min: 1, max: 100 }) }),
                { minLength: count, maxLength: count },
              ),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        ),
        fc.boolean(),
        (periods, carry) => {
          const inputs = periods.map(({ amount, goals }) => {
            const weights = weightsFrom(goals.map((g) => g.part));
            return {
              trancheAmount: amount,
              indicators: goals.map((g, i) => indicatorFrom(g.shape, i, weights[i]!)),
            };
          });
          const results = evaluateVariableSeries(inputs, carry);
          const total = sum(inputs.map((p) => p.trancheAmount));
          expect(sum(results.flatMap((r) => [r.amount, r.released])).equals(total)).toBe(true);
          expect(results.at(-1)!.carriedOver).toBe('0.00');
          results.forEach((r, k) => {
            if (k > 0) expect(r.carriedIn).toBe(results[k - 1]!.carriedOver);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

// --- fixed tranche ---

const criterionValue = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100 }).map((v) => String(v)), weight: 8 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const fixedTranche: fc.Arbitrary<FixedTrancheInput> = fc
  .record({
    amount: moneyText,
    rule: fc.constantFrom<FixedTrancheInput['rule']>('ALL_OR_NOTHING', 'PER_PROCESS'),
    shares: fc.boolean(),
    processes: fc.array(
      fc.record({
        part: fc.integer({ min: 1, max: 50 }),
        subprocesses: fc.array(fc.array(criterionValue, { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ amount, rule, shares, processes }) => {
    const weights = weightsFrom(processes.map((p) => p.part));
    return {
      trancheAmount: amount,
      rule,
      processes: processes.map((process, p): ProcessInput => ({
        code: `${p + 1}`,
        name: `Proceso ${p + 1}`,
        ...(shares ? { share: weights[p]! } : {}),
        subprocesses: process.subprocesses.map((values, s) => ({
          code: `${p + 1}.${s + 1}`,
          name: `Subproceso ${p + 1}.${s + 1}`,
          criteria: values.map((value, c): CriterionInput => ({
            id: `${p}-${s}-${c}`,
            code: `${p + 1}.${s + 1}.${c + 1}`,
            name: 'criterio',
            kind: c % 2 === 0 ? 'AT_LEAST' : 'AT_MOST',
            requiredLevel: '50',
            acceptedValue: value,
          })),
        })),
      })),
    };
  });

describe('fixed tranche properties', () => {
  it('process parts add up exactly to the tranche and the payment never exceeds it', () => {
    fc.assert(
      fc.property(fixedTranche, (input) => {
        const result = evaluateFixedTranche(input);
        expect(MONEY.test(result.amount)).toBe(true);
        expect(new Decimal(result.amount).lessThanOrEqualTo(input.trancheAmount)).toBe(true);
        if (result.status === 'PENDING') expect(result.amount).toBe('0.00');
        if (input.rule === 'PER_PROCESS') {
          expect(sum(result.processes.map((p) => p.allocated!)).equals(input.trancheAmount)).toBe(
            true,
          );
          expect(sum(result.processes.map((p) => p.amount!)).equals(result.amount)).toBe(true);
        } else {
          expect([
            new Decimal(0).toFixed(2),
            new Decimal(input.trancheAmount).toFixed(2),
          ]).toContain(result.amount);
        }
        const met = result.processes.every((p) => p.met === true);
        expect(result.status === 'MET').toBe(met);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of processes, subprocesses or criteria', () => {
    const shuffledTranche = fixedTranche.chain((input) =>
      permutationOf(input.processes)
        .chain((processes) =>
          fc.tuple(
            ...processes.map((process) =>
              permutationOf(process.subprocesses)
                .chain((subprocesses) =>
                  fc.tuple(
                    ...subprocesses.map((s) =>
                      permutationOf(s.criteria).map((criteria) => ({ ...s, criteria })),
                    ),
                  ),
                )
                .map((subprocesses) => ({ ...process, subprocesses })),
            ),
          ),
        )
        .map((processes) => [input, { ...input, processes }] as const),
    );
    fc.assert(
      fc.property(shuffledTranche, ([input, shuffled]) => {
        const result = evaluateFixedTranche(input);
        expect(evaluateFixedTranche(shuffled)).toEqual(result);
        expect(result.inputHash).toBe(hashInputs(shuffled));
      }),
      RUNS,
    );
  });
});
