import { ProblemList } from '../compliance-input.error.js';
import { compareCodes } from '../shared/code-order.js';
import type { ComputationContext } from '../shared/dec.types.js';
import { type Cents, centsOf } from '../shared/cents.js';
import { type Decimal, ONE, ZERO, isRatio, parseDecimal } from '../shared/decimal.js';
import {
  checkList,
  checkUniqueCodes,
  readContext,
  readDecimal,
  readMoney,
  readRatio,
  TOP,
  type Where,
  fieldAt,
} from '../shared/read-input.js';
import { onCommonScale, type ScaledDecimal, scaledOf } from '../shared/scaled-decimal.js';
import type { ReadScoring, ReadStep } from './indicator-score.js';
import type { IndicatorInput, VariableTrancheInput } from './variable-tranche.types.js';

export interface ReadIndicator {
  input: IndicatorInput;
  baseline: Decimal;
  target: Decimal;
  achieved: Decimal | null;
  weight: Decimal;
  /** The same weight in integer units, for exact sums and the cent split. */
  scaledWeight: ScaledDecimal;
  scoring: ReadScoring;
  neutralised: boolean;
  carriedIn: Cents;
}

export interface ReadVariableTranche {
  trancheAmount: Decimal;
  trancheCents: Cents;
  indicators: ReadIndicator[];
  allowCarryOver: boolean;
  isLastPeriod: boolean;
  context: ComputationContext | undefined;
}

/**
 * Checks the whole variable tranche, lists every problem at once, and returns it parsed
 * with the indicators in code order, so that nothing downstream depends on input order.
 */
export function readVariableTranche(input: VariableTrancheInput): ReadVariableTranche {
  const problems = new ProblemList();
  const trancheAmount = readMoney(
    input?.trancheAmount,
    TOP,
    'trancheAmount',
    'monto del tramo',
    problems,
  );
  for (const flag of ['allowCarryOver', 'isLastPeriod'] as const) {
    if (typeof input?.[flag] !== 'boolean') problems.add(flag, 'debe ser true o false');
  }
  const context = readContext(input?.context, problems);

  let indicators: ReadIndicator[] = [];
  if (checkList(input?.indicators, 'indicators', 'indicadores', problems)) {
    const fieldOf = (i: number) => `indicators[${i}]`;
    checkUniqueCodes(input.indicators, fieldOf, 'indicador', problems);
    const ids = new Set<string>();
    indicators = input.indicators.flatMap((indicator, i) => {
      const where: Where = { field: fieldOf(i), label: `indicador ${String(indicator?.code)}` };
      const read = readIndicator(indicator, where, input.allowCarryOver === true, problems);
      if (typeof indicator.id !== 'string' || indicator.id === '') {
        problems.add(`${fieldOf(i)}.id`, `indicador ${indicator.code}: falta el id`);
      } else if (ids.has(indicator.id)) {
        problems.add(
          `${fieldOf(i)}.id`,
          `indicador ${indicator.code}: id repetido "${indicator.id}"`,
        );
      }
      ids.add(indicator.id);
      return read ? [read] : [];
    });
    if (indicators.length === input.indicators.length && !weightsAddUpToOne(indicators)) {
      const total = indicators.reduce((sum, ind) => sum.plus(ind.weight), ZERO);
      problems.add(
        'indicators',
        `los pesos de los indicadores suman ${total.toFixed()}, deben sumar exactamente 1`,
      );
    }
  }

  problems.throwIfAny();
  if (!inCodeOrder(indicators))
    indicators.sort((x, y) => compareCodes(x.input.code, y.input.code));
  return {
    trancheAmount: trancheAmount!,
    trancheCents: centsOf(input.trancheAmount),
    indicators,
    allowCarryOver: input.allowCarryOver,
    isLastPeriod: input.isLastPeriod,
    context,
  };
}

/**
 * Summed in integer units: ten decimal additions cost more than the rest of the check.
 * Weights with too many decimals for that to match decimal.js are summed as decimals.
 */
function weightsAddUpToOne(indicators: readonly ReadIndicator[]): boolean {
  const scaled = onCommonScale(indicators.map((ind) => ind.scaledWeight));
  if (scaled === null)
    return indicators.reduce((sum, ind) => sum.plus(ind.weight), ZERO).equals(ONE);
  let sum = 0n;
  for (const units of scaled.units) sum += units;
  return sum === scaled.one;
}

/** Indicators usually arrive in code order already: checking is cheaper than sorting. */
function inCodeOrder(indicators: readonly ReadIndicator[]): boolean {
  for (let i = 1; i < indicators.length; i++) {
    if (compareCodes(indicators[i - 1]!.input.code, indicators[i]!.input.code) > 0) return false;
  }
  return true;
}

function readIndicator(
  indicator: IndicatorInput,
  where: Where,
  allowCarryOver: boolean,
  problems: ProblemList,
): ReadIndicator | null {
  const before = problems.count;
  const { direction } = indicator;
  if (direction !== 'INCREASE' && direction !== 'DECREASE') {
    problems.add(
      fieldAt(where, 'direction'),
      `${where.label}: sentido desconocido "${String(direction)}" (INCREASE o DECREASE)`,
    );
  }
  const baseline = readDecimal(indicator.baseline, where, 'baseline', 'línea de base', problems);
  const target = readDecimal(indicator.target, where, 'target', 'meta', problems);
  const achieved =
    indicator.achieved === null
      ? null
      : readDecimal(indicator.achieved, where, 'achieved', 'valor logrado (o null)', problems);
  const weight = readRatio(indicator.weight, where, 'weight', 'peso', problems);
  const scoring = readScoring(indicator.scoring, where, problems);

  const increase = direction === 'INCREASE';
  if (
    baseline &&
    target &&
    (increase
      ? target.lessThan(baseline)
      : direction === 'DECREASE' && target.greaterThan(baseline))
  ) {
    problems.add(
      fieldAt(where, 'target'),
      `${where.label}: la meta ${target.toFixed()} está ${increase ? 'por debajo' : 'por encima'} de la línea de base ` +
        `${baseline.toFixed()} para un indicador ${increase ? 'que debe aumentar' : 'que debe disminuir'}`,
    );
  }

  const neutralised = indicator.neutralised ?? false;
  if (typeof neutralised !== 'boolean') {
    problems.add(
      fieldAt(where, 'neutralised'),
      `${where.label}: neutralised debe ser true o false`,
    );
  } else if (
    neutralised &&
    !(
      typeof indicator.neutralisationReason === 'string' &&
      indicator.neutralisationReason.trim() !== ''
    )
  ) {
    problems.add(
      fieldAt(where, 'neutralisationReason'),
      `${where.label}: un indicador neutralizado necesita el motivo`,
    );
  }

  let carriedIn: Cents = 0n;
  if (indicator.carriedIn !== undefined && indicator.carriedIn !== null) {
    const given = readMoney(indicator.carriedIn, where, 'carriedIn', 'monto arrastrado', problems);
    if (given) carriedIn = centsOf(indicator.carriedIn);
    if (carriedIn !== 0n && !allowCarryOver) {
      problems.add(
        fieldAt(where, 'carriedIn'),
        `${where.label}: hay monto arrastrado pero el convenio no permite arrastre`,
      );
    }
  }

  if (problems.count > before) return null;
  return {
    input: indicator,
    baseline: baseline!,
    target: target!,
    achieved,
    weight: weight!,
    scaledWeight: scaledOf(indicator.weight),
    scoring: scoring!,
    neutralised,
    carriedIn,
  };
}

function readScoring(
  scoring: unknown,
  indicator: Where,
  problems: ProblemList,
): ReadScoring | null {
  const rule = scoring as { type?: unknown; floor?: unknown; steps?: unknown } | null | undefined;
  const where: Where = { field: fieldAt(indicator, 'scoring'), label: indicator.label };
  switch (rule?.type) {
    case 'BINARY':
      return { type: 'BINARY' };
    case 'PROPORTIONAL': {
      if (rule.floor === undefined || rule.floor === null)
        return { type: 'PROPORTIONAL', floor: null };
      const floor = readRatio(rule.floor, where, 'floor', 'mínimo de avance', problems);
      return floor ? { type: 'PROPORTIONAL', floor } : null;
    }
    case 'STEPS':
      return readSteps(rule.steps, where, problems);
    default:
      problems.add(
        fieldAt(where, 'type'),
        `${where.label}: regla de puntaje desconocida "${String(rule?.type)}" (BINARY, PROPORTIONAL o STEPS)`,
      );
      return null;
  }
}

function validRatio(value: unknown): Decimal | null {
  const ratio = parseDecimal(value);
  return ratio !== null && isRatio(ratio) ? ratio : null;
}

/**
 * Steps must be distinct and their scores must not fall as progress rises: otherwise a
 * better result could pay less, which no agreement intends.
 */
function readSteps(value: unknown, where: Where, problems: ProblemList): ReadScoring | null {
  const field = fieldAt(where, 'steps');
  if (!checkList(value, field, `${where.label}: escalones`, problems)) return null;
  const before = problems.count;
  const given = value as Array<{ minProgress: string; score: string }>;
  const steps = given.map((step, s) => {
    const minProgress = validRatio(step.minProgress);
    const score = validRatio(step.score);
    if (minProgress && score) return { minProgress, score, source: step };
    // The step's field path is only built when there is a problem to name it in.
    const at: Where = { field: `${field}[${s}]`, label: where.label };
    return {
      minProgress: readRatio(
        step.minProgress,
        at,
        'minProgress',
        'avance mínimo del escalón',
        problems,
      ),
      score: readRatio(step.score, at, 'score', 'puntaje del escalón', problems),
      source: step,
    };
  });
  if (problems.count > before) return null;

  const sorted = (steps as ReadStep[]).sort((x, y) => y.minProgress.comparedTo(x.minProgress));
  for (let i = 1; i < sorted.length; i++) {
    const higher = sorted[i - 1]!;
    const lower = sorted[i]!;
    if (higher.minProgress.equals(lower.minProgress)) {
      problems.add(field, `${where.label}: escalón repetido ≥ ${lower.minProgress.toFixed()}`);
    } else if (higher.score.lessThan(lower.score)) {
      problems.add(
        field,
        `${where.label}: el escalón ≥ ${higher.minProgress.toFixed()} paga menos que el escalón ≥ ${lower.minProgress.toFixed()}`,
      );
    }
  }
  return problems.count > before ? null : { type: 'STEPS', steps: sorted };
}
