export const WORKFLOW_QUEUE = 'workflow';
/** SCHEDULED → OPEN for tranches whose period has started. */
export const OPEN_DUE_JOB = 'open-due-tranches';
/** Art. 17.7: cancels the balance of fixed tranches whose correction deadline passed. */
export const DEADLINE_SWEEP_JOB = 'deadline-sweep';

