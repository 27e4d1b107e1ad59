export const WORKFLOW_QUEUE = 'workflow';
/** SCHEDULED → OPEN for tranches whose period has started. */
export const OPEN_DUE_JOB = 'open-due-tranches';
/** Art. 17.7: cancels the balance of fixed tranches whose correction deadline passed. */
export const DEADLINE_SWEEP_JOB = 'deadline-sweep';

/** The reports helper's queue; verification enqueues `generate` with `{ reportId }`. */
export const REPORTS_QUEUE = 'reports';
export const GENERATE_REPORT_JOB = 'generate';
