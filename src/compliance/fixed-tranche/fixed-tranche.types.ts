import type { CriterionInput, CriterionStatus } from '../criteria/criterion.types.js';
import type { ComputationContext, Dec } from '../shared/dec.types.js';

export type FixedTrancheRule = 'ALL_OR_NOTHING' | 'PER_PROCESS';

export interface SubprocessInput {
  code: string;
  name: string;
  /** Relative weight inside its process; equal when no sibling has one. */
  weight?: Dec;
  criteria: CriterionInput[];
}

export interface ProcessInput {
  code: string;
  name: string;
  /** Relative weight in the overall compliance level; equal when no sibling has one. */
  weight?: Dec;
  /** PER_PROCESS only: this process's share of the tranche amount; equal when none is given. */
  share?: Dec;
  subprocesses: SubprocessInput[];
}

export interface FixedTrancheInput {
  trancheAmount: Dec;
  rule: FixedTrancheRule;
  processes: ProcessInput[];
  context?: ComputationContext;
}

/**
 * PARTIALLY_MET only happens under PER_PROCESS: some processes pay, others do not.
 * `amount` is always what pays now.
 */
export type FixedTrancheStatus = 'PENDING' | 'MET' | 'PARTIALLY_MET' | 'NOT_MET';

export interface CriterionResult {
  id: string;
  code: string;
  name: string;
  kind: CriterionInput['kind'];
  unit?: string;
  /** Weight used inside the subprocess (4 decimals), after equal weights are filled in. */
  weight: Dec;
  status: CriterionStatus;
  score: 0 | 1 | null;
  requiredLevel: Dec | boolean;
  acceptedValue: Dec | boolean | null;
  explanation: string;
}

export interface SubprocessResult {
  code: string;
  name: string;
  weight: Dec;
  /** Null while any of its criteria is pending. */
  compliancePct: Dec | null;
  met: boolean | null;
  criteria: CriterionResult[];
}

export interface ProcessResult {
  code: string;
  name: string;
  weight: Dec;
  compliancePct: Dec | null;
  /** Every criterion of the process met; null while any is pending. */
  met: boolean | null;
  /** PER_PROCESS: share of the tranche (4 decimals); null under ALL_OR_NOTHING. */
  share: Dec | null;
  /** PER_PROCESS: the process's part of the tranche in soles (parts add up to the tranche). */
  allocated: Dec | null;
  /** PER_PROCESS: what this process pays now; null under ALL_OR_NOTHING. */
  amount: Dec | null;
  subprocesses: SubprocessResult[];
}

export interface BlockingCriterion {
  id: string;
  code: string;
  processCode: string;
  subprocessCode: string;
  reason: string;
}

export interface FixedTrancheResult {
  status: FixedTrancheStatus;
  rule: FixedTrancheRule;
  /** Overall compliance level; null while any criterion is pending. */
  compliancePct: Dec | null;
  trancheAmount: Dec;
  /** What pays now; "0.00" while pending. */
  amount: Dec;
  /** trancheAmount − amount once decided: the balance art. 17.7 cancels. Null while pending. */
  unpaid: Dec | null;
  processes: ProcessResult[];
  blockingCriteria: BlockingCriterion[];
  /** Ids of criteria without an accepted value. */
  pendingCriteria: string[];
  explanation: string;
  inputHash: string;
}
