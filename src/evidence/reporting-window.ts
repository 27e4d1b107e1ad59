import { StateConflictError } from '../common/errors.js';

/** DOMAIN.md §5: the entity enters values and evidence while the tranche is OPEN, or OBSERVED to correct them. */
export const REPORTING_STATUSES = ['OPEN', 'OBSERVED'] as const;

/** 409 naming the state when the tranche's values and evidence are locked (submitted, in review, verified…). */
export function assertReportingOpen(tranche: { status: string }, what: string): void {
  if ((REPORTING_STATUSES as readonly string[]).includes(tranche.status)) return;
  throw new StateConflictError(
    `Tranche is ${tranche.status}; ${what} can change only while it is OPEN or OBSERVED`,
    [{ field: 'status', problem: `current ${tranche.status}, requires OPEN or OBSERVED` }],
  );
}
