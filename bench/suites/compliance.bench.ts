import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Decimal as BaseDecimal } from 'decimal.js';
import {
  type CriterionInput,
  type FixedTrancheInput,
  type IndicatorInput,
  type VariableTrancheInput,
  evaluateCriterion,
  evaluateFixedTranche,
  evaluateVariableTranche,
} from '../../src/compliance/index.js';

export interface BenchRow {
  suite: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

const SUITE = 'compliance';
const Decimal = BaseDecimal.clone({ precision: 40, rounding: BaseDecimal.ROUND_HALF_UP });

const WORKERS = 2;

type Measured = 'criterion' | 'criterion-bare' | 'variable' | 'variable-bare' | 'fixed';

/**
 * Throughput of the compliance engine beside a bare decimal.js loop doing the same
 * comparisons and multiplications, so the engine's own overhead (validation, explanations,
 * cent distribution, input hash) can be read off directly. Each case is measured on one
 * thread, and the two target cases also on two worker threads at once, since the targets
 * (≥ 1,000,000 criterion evaluations/s, ≥ 20,000 ten-indicator tranches/s) are for 2 cores.
 */
export async function complianceBench(): Promise<BenchRow[]> {
  const one = (what: Measured) => measureCase(what);
  const criterion = one('criterion');
  const criterionBare = one('criterion-bare');
  const variable = one('variable');
  const variableBare = one('variable-bare');
  const fixed = one('fixed');
  const criterionOnCores = await measureOnWorkers('criterion');
  const variableOnCores = await measureOnWorkers('variable');

  const ratio = (engine: number, bare: number) => `engine/bare = ${(engine / bare).toFixed(2)}`;
  return [
    row(
      'evaluateCriterion',
      criterion,
      'evaluations/s',
      `1 thread; ${ratio(criterion, criterionBare)}`,
    ),
    row(
      'bare-decimal-criterion (baseline)',
      criterionBare,
      'evaluations/s',
      '1 thread; parse + compare only',
    ),
    row(
      `evaluateCriterion ×${WORKERS} workers`,
      criterionOnCores,
      'evaluations/s',
      `target ≥ 1000000 on 2 cores`,
    ),
    row(
      'evaluateVariableTranche (10 indicators)',
      variable,
      'tranches/s',
      `1 thread; with input hash; ${ratio(variable, variableBare)}`,
    ),
    row(
      'bare-decimal-tranche (baseline, 10 indicators)',
      variableBare,
      'tranches/s',
      '1 thread; parse, progress, amount, round only',
    ),
    row(
      `evaluateVariableTranche (10 indicators) ×${WORKERS} workers`,
      variableOnCores,
      'tranches/s',
      'target ≥ 20000 on 2 cores',
    ),
    row('evaluateFixedTranche (4×3×3 criteria)', fixed, 'tranches/s', '1 thread; with input hash'),
  ];
}

function measureCase(what: Measured): number {
  let sink = 0;
  let rate: number;
  switch (what) {
    case 'criterion': {
      const criteria = buildCriteria(1000);
      rate = measure(criteria.length, () => {
        for (const criterion of criteria) sink += evaluateCriterion(criterion).score ?? 2;
      });
      break;
    }
    case 'criterion-bare': {
      const criteria = buildCriteria(1000);
      rate = measure(criteria.length, () => {
        for (const criterion of criteria) sink += bareCriterion(criterion);
      });
      break;
    }
    case 'variable': {
      const tranches = buildVariableTranches(200, 10);
      rate = measure(tranches.length, () => {
        for (const tranche of tranches) sink += evaluateVariableTranche(tranche).lines.length;
      });
      break;
    }
    case 'variable-bare': {
      const tranches = buildVariableTranches(200, 10);
      rate = measure(tranches.length, () => {
        for (const tranche of tranches) sink += bareTranche(tranche);
      });
      break;
    }
    case 'fixed': {
      const tranches = buildFixedTranches(50);
      rate = measure(tranches.length, () => {
        for (const tranche of tranches) sink += evaluateFixedTranche(tranche).processes.length;
      });
      break;
    }
  }
  // Keeps the optimiser from discarding the loops' results.
  if (sink === -1) console.log(sink);
  return rate;
}

/** Runs one case on WORKERS threads at the same time and adds up their rates. */
async function measureOnWorkers(what: Measured): Promise<number> {
  const rates = await Promise.all(
    Array.from(
      { length: WORKERS },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { complianceBench: what },
          });
          worker.once('message', (rate: number) => resolve(rate));
          worker.once('error', reject);
          worker.once(
            'exit',
            (code) => code !== 0 && reject(new Error(`bench worker exited with ${code}`)),
          );
        }),
    ),
  );
  return rates.reduce((sum, rate) => sum + rate, 0);
}

// Inside a bench worker: measure the case asked for and report the rate.
const asked = (workerData as { complianceBench?: Measured } | null)?.complianceBench;
if (!isMainThread && asked) parentPort?.postMessage(measureCase(asked));

function row(name: string, value: number, unit: string, note: string): BenchRow {
  return { suite: SUITE, case: name, metric: 'throughput', value: Math.round(value), unit, note };
}

/**
 * Runs `batch` for a warm-up, then until at least `minMs` have passed; returns items per
 * second. The warm-up is long because a fresh worker thread needs about a second before
 * the optimiser settles, and the steady rate is what a running service sees.
 */
function measure(itemsPerBatch: number, batch: () => void, minMs = 1000, warmMs = 1000): number {
  const warmUntil = performance.now() + warmMs;
  while (performance.now() < warmUntil) batch();
  let items = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    batch();
    items += itemsPerBatch;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (items * 1000) / elapsed;
}

function bareCriterion(criterion: CriterionInput): number {
  if (criterion.acceptedValue === null) return 2;
  if (typeof criterion.acceptedValue === 'boolean') return criterion.acceptedValue ? 1 : 0;
  const comparison = new Decimal(criterion.acceptedValue).comparedTo(
    new Decimal(criterion.requiredLevel as string),
  );
  return (criterion.kind === 'AT_LEAST' ? comparison >= 0 : comparison <= 0) ? 1 : 0;
}

function bareTranche(tranche: VariableTrancheInput): number {
  const total = new Decimal(tranche.trancheAmount);
  let paid = new Decimal(0);
  for (const indicator of tranche.indicators) {
    const b = new Decimal(indicator.baseline);
    const t = new Decimal(indicator.target);
    const a = new Decimal(indicator.achieved!);
    const progress = Decimal.min(1, Decimal.max(0, a.minus(b).dividedBy(t.minus(b))));
    paid = paid.plus(total.times(indicator.weight).times(progress).toDecimalPlaces(2));
  }
  return paid.toFixed(2).length;
}

function buildCriteria(count: number): CriterionInput[] {
  return Array.from({ length: count }, (_, i): CriterionInput => {
    const base = { id: `c${i}`, code: `${i}`, name: `Criterio ${i}`, unit: '%' };
    switch (i % 4) {
      case 0:
        return { ...base, kind: 'BOOLEAN', requiredLevel: true, acceptedValue: i % 8 === 0 };
      case 1:
        return {
          ...base,
          kind: 'AT_LEAST',
          requiredLevel: '80.00',
          acceptedValue: `${70 + (i % 20)}.5`,
        };
      case 2:
        return { ...base, kind: 'AT_MOST', requiredLevel: '10', acceptedValue: `${i % 15}.25` };
      default:
        return {
          ...base,
          kind: 'AT_LEAST',
          requiredLevel: '95.5',
          acceptedValue: i % 12 === 3 ? null : '96',
        };
    }
  });
}

function buildVariableTranches(count: number, indicators: number): VariableTrancheInput[] {
  const weights = [
    '0.1000',
    '0.1000',
    '0.1000',
    '0.1000',
    '0.1000',
    '0.1000',
    '0.1000',
    '0.1000',
    '0.1000',
    '0.1000',
  ];
  return Array.from({ length: count }, (_, k) => ({
    trancheAmount: `${1_000_000 + k * 137}.45`,
    allowCarryOver: true,
    isLastPeriod: false,
    context: { agreementVersion: '3', periodCode: '2025' },
    indicators: Array.from({ length: indicators }, (_, i): IndicatorInput => ({
      id: `i${i}`,
      code: `IND-${i + 1}`,
      name: `Indicador ${i + 1}`,
      unit: '%',
      direction: i % 3 === 0 ? 'DECREASE' : 'INCREASE',
      baseline: i % 3 === 0 ? '40.0' : '60.0',
      target: i % 3 === 0 ? '30.0' : '75.0',
      achieved: i % 3 === 0 ? `${30 + ((k + i) % 12)}.5` : `${62 + ((k + i) % 15)}.5`,
      weight: weights[i % weights.length]!,
      scoring:
        i % 3 === 0
          ? { type: 'BINARY' }
          : i % 3 === 1
            ? { type: 'PROPORTIONAL', floor: '0.5' }
            : {
                type: 'STEPS',
                steps: [
                  { minProgress: '1', score: '1' },
                  { minProgress: '0.75', score: '0.5' },
                ],
              },
    })),
  }));
}

function buildFixedTranches(count: number): FixedTrancheInput[] {
  return Array.from({ length: count }, (_, k) => ({
    trancheAmount: '1250000.00',
    rule: k % 2 === 0 ? 'ALL_OR_NOTHING' : 'PER_PROCESS',
    processes: Array.from({ length: 4 }, (_, p) => ({
      code: `${p + 1}`,
      name: `Proceso ${p + 1}`,
      subprocesses: Array.from({ length: 3 }, (_, s) => ({
        code: `${p + 1}.${s + 1}`,
        name: `Subproceso ${p + 1}.${s + 1}`,
        criteria: Array.from({ length: 3 }, (_, c): CriterionInput => ({
          id: `${k}-${p}-${s}-${c}`,
          code: `${p + 1}.${s + 1}.${c + 1}`,
          name: `Criterio ${c + 1}`,
          kind: 'AT_LEAST',
          requiredLevel: '80',
          acceptedValue: `${78 + ((k + p + s + c) % 6)}`,
        })),
      })),
    })),
  }));
}
