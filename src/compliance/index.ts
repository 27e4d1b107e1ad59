/**
 * Tramos compliance engine: pure functions from plain data to plain data (no framework,
 * no database), exact decimal arithmetic, Spanish explanations and an input hash on every
 * result so that a verification report can be reproduced.
 */
export { ComplianceInputError, type ComplianceInputProblem } from './compliance-input.error.js';
export { hashInputs } from './input-hash.js';
export type { ComputationContext, Dec } from './shared/dec.types.js';

export { evaluateCriterion } from './criteria/evaluate-criterion.js';
export type {
  CriterionEvaluation,
  CriterionInput,
  CriterionKind,
  CriterionStatus,
} from './criteria/criterion.types.js';

export { evaluateFixedTranche } from './fixed-tranche/evaluate-fixed-tranche.js';
export type {
  BlockingCriterion,
  CriterionResult,
  FixedTrancheInput,
  FixedTrancheResult,
  FixedTrancheRule,
  FixedTrancheStatus,
  ProcessInput,
  ProcessResult,
  SubprocessInput,
  SubprocessResult,
} from './fixed-tranche/fixed-tranche.types.js';

export { evaluateVariableTranche } from './variable-tranche/evaluate-variable-tranche.js';
export {
  evaluateVariableSeries,
  type VariablePeriodInput,
} from './variable-tranche/evaluate-variable-series.js';
export type {
  IndicatorDirection,
  IndicatorInput,
  IndicatorLine,
  IndicatorLineStatus,
  ScoringRule,
  VariableTrancheInput,
  VariableTrancheResult,
  VariableTrancheStatus,
} from './variable-tranche/variable-tranche.types.js';
