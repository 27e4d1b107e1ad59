import type { ComputationContext, Dec } from '../shared/dec.types.js';

export type IndicatorDirection = 'INCREASE' | 'DECREASE';

export type ScoringRule =
  | { type: 'BINARY' }
  /** Score = progress; 0 when progress is below `floor` (e.g. "0.5"). */
  | { type: 'PROPORTIONAL'; floor?: Dec }
  /** Score of the highest step reached, e.g. [{1.00 → 1}, {0.75 → 0.5}]; 0 below every step. */
  | { type: 'STEPS'; steps: { minProgress: Dec; score: Dec }[] };

export interface IndicatorInput {
  id: string;
  code: string;
  name: string;
  unit?: string;
  direction: IndicatorDirection;
  baseline: Dec;
  target: Dec;
  /** The accepted achieved value; null while there is none (the tranche is pending). */
  achieved: Dec | null;
  /** Share of the tranche; the weights of a tranche's indicators add up to exactly 1. */
  weight: Dec;
  scoring: ScoringRule;
  neutralised?: boolean;
  neutralisationReason?: string;
  /** Unpaid amount carried over from the previous period for this indicator. */
  carriedIn?: Dec;
}

export interface VariableTrancheInput {
  trancheAmount: Dec;
  indicators: IndicatorInput[];
  allowCarryOver: boolean;
  isLastPeriod: boolean;
  context?: ComputationContext;
}

export type VariableTrancheStatus = 'PENDING' | 'COMPUTED';

export type IndicatorLineStatus = 'PENDING' | 'COMPUTED' | 'NEUTRALISED';

export interface IndicatorLine {
  indicatorId: string;
  code: string;
  name: string;
  unit?: string;
  direction: IndicatorDirection;
  status: IndicatorLineStatus;
  baseline: Dec;
  target: Dec;
  achieved: Dec | null;
  /** (a − b) / (t − b) clamped to [0, 1], shown with 4 decimals; null when pending or neutralised. */
  progress: Dec | null;
  /** Shown with 4 decimals; amounts use the exact value. */
  score: Dec | null;
  /** The weight as agreed. */
  weight: Dec;
  /** After neutralised indicators' weight is shared out pro rata (4 decimals). */
  effectiveWeight: Dec;
  /** Carried over into this period for this indicator. */
  carriedIn: Dec;
  /** This period's part of the tranche (largest remainder) + carriedIn. */
  allocated: Dec;
  /** Paid now: allocated × score, rounded half-up to the cent. "0.00" while pending. */
  amount: Dec;
  /** allocated − amount once computed; "0.00" while pending. */
  unpaid: Dec;
  /** Part of `unpaid` that moves to the same indicator next period. */
  carriedOver: Dec;
  /** Part of `unpaid` that is released (not paid, not carried). */
  released: Dec;
  neutralised: boolean;
  explanation: string;
}

export interface VariableTrancheResult {
  status: VariableTrancheStatus;
  trancheAmount: Dec;
  /** Σ lines' carriedIn. */
  carriedIn: Dec;
  /** Σ lines' amount: what pays now; "0.00" while pending. */
  amount: Dec;
  carriedOver: Dec;
  released: Dec;
  allowCarryOver: boolean;
  isLastPeriod: boolean;
  lines: IndicatorLine[];
  /** Ids of non-neutralised indicators without an achieved value. */
  pendingIndicators: string[];
  explanation: string;
  inputHash: string;
}
