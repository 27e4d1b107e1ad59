import { ProblemList } from '../compliance-input.error.js';
import type { CriterionInput } from '../criteria/criterion.types.js';
import { type ReadCriterion, readCriterion } from '../criteria/read-criterion.js';
import { compareCodes } from '../shared/code-order.js';
import type { ComputationContext } from '../shared/dec.types.js';
import { type Decimal, ONE, ZERO } from '../shared/decimal.js';
import {
  checkList,
  checkUniqueCodes,
  readContext,
  readMoney,
  readRatio,
  readRelativeWeights,
  TOP,
} from '../shared/read-input.js';
import type {
  FixedTrancheInput,
  FixedTrancheRule,
  ProcessInput,
  SubprocessInput,
} from './fixed-tranche.types.js';

export interface ReadCriterionNode {
  input: CriterionInput;
  weight: Decimal;
  read: ReadCriterion;
}
export interface ReadSubprocess {
  input: SubprocessInput;
  weight: Decimal;
  criteria: ReadCriterionNode[];
}
export interface ReadProcess {
  input: ProcessInput;
  weight: Decimal;
  /** Relative share of the tranche (PER_PROCESS); 1 for every process under ALL_OR_NOTHING. */
  share: Decimal;
  subprocesses: ReadSubprocess[];
}
export interface ReadFixedTranche {
  trancheAmount: Decimal;
  rule: FixedTrancheRule;
  processes: ReadProcess[];
  context: ComputationContext | undefined;
}

const RULES: ReadonlySet<string> = new Set(['ALL_OR_NOTHING', 'PER_PROCESS']);

/**
 * Checks the whole fixed tranche, lists every problem at once, and returns it parsed
 * with every list in code order, so that nothing downstream depends on input order.
 */
export function readFixedTranche(input: FixedTrancheInput): ReadFixedTranche {
  const problems = new ProblemList();
  const trancheAmount = readMoney(
    input?.trancheAmount,
    TOP,
    'trancheAmount',
    'monto del tramo',
    problems,
  );
  if (!RULES.has(input?.rule)) {
    problems.add(
      'rule',
      `regla desconocida "${String(input?.rule)}" (ALL_OR_NOTHING o PER_PROCESS)`,
    );
  }
  const context = readContext(input?.context, problems);
  const processes = checkList(input?.processes, 'processes', 'procesos', problems)
    ? readProcesses(input.processes, input.rule === 'PER_PROCESS', problems)
    : [];

  problems.throwIfAny();
  return { trancheAmount: trancheAmount!, rule: input.rule, processes, context };
}

function readProcesses(
  processes: ProcessInput[],
  perProcess: boolean,
  problems: ProblemList,
): ReadProcess[] {
  const fieldOf = (i: number) => `processes[${i}]`;
  checkUniqueCodes(processes, fieldOf, 'proceso', problems);
  const weights = readRelativeWeights(processes, fieldOf, (code) => `proceso ${code}`, problems);
  const shares = perProcess ? readShares(processes, problems) : processes.map(() => ONE);
  const criterionIds = new Set<string>();

  const read = processes.map((process, p) => ({
    input: process,
    weight: weights[p]!,
    share: shares[p]!,
    subprocesses: checkList(
      process.subprocesses,
      `${fieldOf(p)}.subprocesses`,
      `proceso ${process.code}: subprocesos`,
      problems,
    )
      ? readSubprocesses(process.subprocesses, fieldOf(p), criterionIds, problems)
      : [],
  }));
  return read.sort((x, y) => compareCodes(x.input.code, y.input.code));
}

/** PER_PROCESS shares: all absent means equal parts; otherwise all given, adding up to 1. */
function readShares(processes: ProcessInput[], problems: ProblemList): Decimal[] {
  const given = processes.filter((p) => p.share !== undefined && p.share !== null).length;
  if (given === 0) return processes.map(() => ONE);
  const shares = processes.map((process, p) => {
    if (process.share === undefined || process.share === null) {
      problems.add(
        `processes[${p}].share`,
        `proceso ${process.code}: falta la participación (o se dan todas o ninguna)`,
      );
      return ZERO;
    }
    const where = { field: `processes[${p}]`, label: `proceso ${process.code}` };
    return readRatio(process.share, where, 'share', 'participación', problems) ?? ZERO;
  });
  const total = shares.reduce((sum, share) => sum.plus(share), ZERO);
  if (given === processes.length && !total.equals(ONE)) {
    problems.add(
      'processes',
      `las participaciones de los procesos suman ${total.toFixed()}, deben sumar 1`,
    );
  }
  return shares;
}

function readSubprocesses(
  subprocesses: SubprocessInput[],
  processField: string,
  criterionIds: Set<string>,
  problems: ProblemList,
): ReadSubprocess[] {
  const fieldOf = (i: number) => `${processField}.subprocesses[${i}]`;
  checkUniqueCodes(subprocesses, fieldOf, 'subproceso', problems);
  const weights = readRelativeWeights(
    subprocesses,
    fieldOf,
    (code) => `subproceso ${code}`,
    problems,
  );
  const read = subprocesses.map((subprocess, s) => ({
    input: subprocess,
    weight: weights[s]!,
    criteria: checkList(
      subprocess.criteria,
      `${fieldOf(s)}.criteria`,
      `subproceso ${subprocess.code}: criterios`,
      problems,
    )
      ? readCriteria(subprocess.criteria, fieldOf(s), criterionIds, problems)
      : [],
  }));
  return read.sort((x, y) => compareCodes(x.input.code, y.input.code));
}

function readCriteria(
  criteria: CriterionInput[],
  subprocessField: string,
  criterionIds: Set<string>,
  problems: ProblemList,
): ReadCriterionNode[] {
  const fieldOf = (i: number) => `${subprocessField}.criteria[${i}]`;
  checkUniqueCodes(criteria, fieldOf, 'criterio', problems);
  const weights = readRelativeWeights(criteria, fieldOf, (code) => `criterio ${code}`, problems);
  const read: ReadCriterionNode[] = [];
  criteria.forEach((criterion, c) => {
    if (typeof criterion.id !== 'string' || criterion.id === '') {
      problems.add(`${fieldOf(c)}.id`, `criterio ${criterion.code}: falta el id`);
    } else if (criterionIds.has(criterion.id)) {
      problems.add(`${fieldOf(c)}.id`, `criterio ${criterion.code}: id repetido "${criterion.id}"`);
    } else {
      criterionIds.add(criterion.id);
    }
    const parsed = readCriterion(criterion, fieldOf(c), problems);
    if (parsed) read.push({ input: criterion, weight: weights[c]!, read: parsed });
  });
  return read.sort((x, y) => compareCodes(x.input.code, y.input.code));
}
