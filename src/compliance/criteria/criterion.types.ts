import type { Dec } from '../shared/dec.types.js';

export type CriterionKind = 'BOOLEAN' | 'AT_LEAST' | 'AT_MOST';

export type CriterionStatus = 'MET' | 'NOT_MET' | 'PENDING';

export interface CriterionInput {
  id: string;
  code: string;
  name: string;
  kind: CriterionKind;
  unit?: string;
  /** Relative weight inside its subprocess; equal when no sibling has one. */
  weight?: Dec;
  /** `true` for BOOLEAN (the condition must hold); the level to reach otherwise. */
  requiredLevel: Dec | boolean;
  /** The value the verifier accepted; `null` while there is none (the criterion is pending). */
  acceptedValue: Dec | boolean | null;
}

export interface CriterionEvaluation {
  status: CriterionStatus;
  /** 1 met, 0 not met, null pending: a missing value is never a 0. */
  score: 0 | 1 | null;
  explanation: string;
}
