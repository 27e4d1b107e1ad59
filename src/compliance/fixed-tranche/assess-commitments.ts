import { judgeCriterion } from '../criteria/evaluate-criterion.js';
import { type Decimal, ONE, ZERO, toPercent, toRatio } from '../shared/decimal.js';
import { normalisedWeights, weightedMean } from '../shared/weighted-mean.js';
import type { CriterionResult, SubprocessResult } from './fixed-tranche.types.js';
import type { ReadProcess, ReadSubprocess } from './read-fixed-tranche.js';

/** A process judged on its criteria, before any money is attached to it. */
export interface AssessedProcess {
  source: ReadProcess;
  /** Compliance as a fraction in [0, 1]; null while any criterion is pending. */
  level: Decimal | null;
  met: boolean | null;
  weight: Decimal;
  subprocesses: SubprocessResult[];
}

/**
 * Compliance levels (DOMAIN §4): subprocess = weighted share of its criteria met,
 * process = weighted mean of its subprocesses. Levels are kept exact here and rounded
 * only when shown, so a process level is not skewed by its subprocesses' rounding.
 */
export function assessProcesses(processes: readonly ReadProcess[]): AssessedProcess[] {
  const processWeights = normalisedWeights(processes.map((p) => p.weight));
  return processes.map((process, p) => {
    const subprocessWeights = normalisedWeights(process.subprocesses.map((s) => s.weight));
    const assessed = process.subprocesses.map((subprocess, s) =>
      assessSubprocess(subprocess, subprocessWeights[s]!),
    );
    const level = weightedMean(
      assessed.map((a, s) => ({ weight: process.subprocesses[s]!.weight, value: a.level })),
    );
    return {
      source: process,
      level,
      met: allMet(assessed.map((a) => a.result.met)),
      weight: processWeights[p]!,
      subprocesses: assessed.map((a) => a.result),
    };
  });
}

function assessSubprocess(subprocess: ReadSubprocess, shownWeight: Decimal) {
  const criterionWeights = normalisedWeights(subprocess.criteria.map((c) => c.weight));
  const criteria: CriterionResult[] = subprocess.criteria.map(({ input, read }, c) => {
    const judged = judgeCriterion(read);
    return {
      id: input.id,
      code: input.code,
      name: input.name,
      kind: input.kind,
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      weight: toRatio(criterionWeights[c]!),
      status: judged.status,
      score: judged.score,
      requiredLevel: input.requiredLevel,
      acceptedValue: input.acceptedValue,
      explanation: judged.explanation,
    };
  });
  const level = weightedMean(
    subprocess.criteria.map((c, i) => {
      const score = criteria[i]!.score;
      return { weight: c.weight, value: score === null ? null : score === 1 ? ONE : ZERO };
    }),
  );
  const result: SubprocessResult = {
    code: subprocess.input.code,
    name: subprocess.input.name,
    weight: toRatio(shownWeight),
    compliancePct: level === null ? null : toPercent(level),
    met: allMet(criteria.map((c) => (c.status === 'PENDING' ? null : c.status === 'MET'))),
    criteria,
  };
  return { level, result };
}

/** True when all are met, false when any is not, null while any is undecided. */
function allMet(flags: ReadonlyArray<boolean | null>): boolean | null {
  if (flags.some((flag) => flag === null)) return null;
  return flags.every((flag) => flag === true);
}
