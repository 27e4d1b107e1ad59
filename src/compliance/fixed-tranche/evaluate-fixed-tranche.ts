import { type Decimal, ZERO, toMoney, toPercent, toRatio } from '../shared/decimal.js';
import { distributeByLargestRemainder } from '../shared/largest-remainder.js';
import { weightedMean } from '../shared/weighted-mean.js';
import { hashFixedTranche } from './fixed-tranche-hash.js';
import { type AssessedProcess, assessProcesses } from './assess-commitments.js';
import { explainFixedTranche } from './fixed-tranche-explanation.js';
import type {
  BlockingCriterion,
  FixedTrancheInput,
  FixedTrancheResult,
  FixedTrancheStatus,
  ProcessResult,
} from './fixed-tranche.types.js';
import { readFixedTranche } from './read-fixed-tranche.js';

/**
 * The fixed tranche (tramo fijo) on its management commitments: compliance levels, the
 * criteria that block payment, and what pays under the agreement's rule.
 * Throws ComplianceInputError when the input cannot be read.
 */
export function evaluateFixedTranche(input: FixedTrancheInput): FixedTrancheResult {
  const tranche = readFixedTranche(input);
  const assessed = assessProcesses(tranche.processes);
  const overall = weightedMean(assessed.map((p) => ({ weight: p.source.weight, value: p.level })));

  const pendingCriteria: string[] = [];
  const blockingCriteria: BlockingCriterion[] = [];
  for (const process of assessed) {
    for (const subprocess of process.subprocesses) {
      for (const criterion of subprocess.criteria) {
        if (criterion.status === 'PENDING') pendingCriteria.push(criterion.id);
        if (criterion.status === 'NOT_MET') {
          blockingCriteria.push({
            id: criterion.id,
            code: criterion.code,
            processCode: process.source.input.code,
            subprocessCode: subprocess.code,
            reason: `${criterion.name}: ${criterion.explanation}`,
          });
        }
      }
    }
  }

  const pending = pendingCriteria.length > 0;
  const payment =
    tranche.rule === 'PER_PROCESS'
      ? payPerProcess(tranche.trancheAmount, assessed, pending)
      : payAllOrNothing(tranche.trancheAmount, assessed, pending);

  const result: Omit<FixedTrancheResult, 'explanation' | 'inputHash'> = {
    status: payment.status,
    rule: tranche.rule,
    compliancePct: overall === null ? null : toPercent(overall),
    trancheAmount: toMoney(tranche.trancheAmount),
    amount: toMoney(payment.amount),
    unpaid: pending ? null : toMoney(tranche.trancheAmount.minus(payment.amount)),
    processes: payment.processes,
    blockingCriteria,
    pendingCriteria,
  };
  return {
    ...result,
    explanation: explainFixedTranche(result),
    inputHash: hashFixedTranche(input, tranche),
  };
}

interface Payment {
  status: FixedTrancheStatus;
  amount: Decimal;
  processes: ProcessResult[];
}

/** Directive 002-2014-EF/50.01 art. 17: the whole amount only when every criterion is met. */
function payAllOrNothing(
  trancheAmount: Decimal,
  assessed: AssessedProcess[],
  pending: boolean,
): Payment {
  const allMet = assessed.every((p) => p.met === true);
  const status: FixedTrancheStatus = pending ? 'PENDING' : allMet ? 'MET' : 'NOT_MET';
  return {
    status,
    amount: status === 'MET' ? trancheAmount : ZERO,
    processes: assessed.map((p) => processResult(p, null, null, null)),
  };
}

/**
 * Each process pays its own share when all its criteria are met. Shares are turned into
 * soles by largest remainder so the processes' parts add up to the tranche exactly.
 */
function payPerProcess(
  trancheAmount: Decimal,
  assessed: AssessedProcess[],
  pending: boolean,
): Payment {
  const allocated = distributeByLargestRemainder(
    trancheAmount,
    assessed.map((p) => p.source.share),
  );
  const shareTotal = assessed.reduce((sum, p) => sum.plus(p.source.share), ZERO);
  let amount = ZERO;
  const processes = assessed.map((process, i) => {
    const pays = !pending && process.met === true ? allocated[i]! : ZERO;
    amount = amount.plus(pays);
    return processResult(process, process.source.share.dividedBy(shareTotal), allocated[i]!, pays);
  });
  const metCount = assessed.filter((p) => p.met === true).length;
  const status: FixedTrancheStatus = pending
    ? 'PENDING'
    : metCount === assessed.length
      ? 'MET'
      : metCount === 0
        ? 'NOT_MET'
        : 'PARTIALLY_MET';
  return { status, amount, processes };
}

function processResult(
  process: AssessedProcess,
  share: Decimal | null,
  allocated: Decimal | null,
  amount: Decimal | null,
): ProcessResult {
  return {
    code: process.source.input.code,
    name: process.source.input.name,
    weight: toRatio(process.weight),
    compliancePct: process.level === null ? null : toPercent(process.level),
    met: process.met,
    share: share === null ? null : toRatio(share),
    allocated: allocated === null ? null : toMoney(allocated),
    amount: amount === null ? null : toMoney(amount),
    subprocesses: process.subprocesses,
  };
}
