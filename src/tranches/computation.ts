import { type ProblemDetail, RuleViolationError } from '../common/errors.js';
import { ComplianceInputError, type FixedTrancheResult, type VariableTrancheResult } from '../compliance/index.js';
import type { TrancheComputation } from './compliance/tranche-compliance.service.js';

/** Problems of an input the engine could not read (or its 422), else null. */
export function complianceProblems(e: unknown): ProblemDetail[] | null {
  if (e instanceof ComplianceInputError) return e.problems;
  if (e instanceof RuleViolationError) return e.details.length ? e.details : [{ field: 'compliance', problem: e.message }];
  return null;
}

export const isFixed = (c: TrancheComputation): c is TrancheComputation & { result: FixedTrancheResult } => c.kind === 'FIXED';

/** Codes of what still lacks an accepted value: criteria of a fixed tranche, indicators of a variable one. */
export function pendingItems(c: TrancheComputation): ProblemDetail[] {
  if (isFixed(c)) {
    const pending = new Set(c.result.pendingCriteria);
    return c.result.processes
      .flatMap((p) => p.subprocesses.flatMap((s) => s.criteria))
      .filter((cr) => pending.has(cr.id))
      .map((cr) => ({ field: `criteria.${cr.code}`, problem: `criterion ${cr.code} has no accepted value` }));
  }
  const r = c.result as VariableTrancheResult;
  const pending = new Set(r.pendingIndicators);
  return r.lines
    .filter((l) => pending.has(l.indicatorId))
    .map((l) => ({ field: `indicators.${l.code}`, problem: `indicator ${l.code} has no accepted value` }));
}
