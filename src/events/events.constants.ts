import { TRANCHE_STATUSES } from '../tranches/tranche-state.js';

export const EVENTS_QUEUE = 'events';
/** Scheduled every second: turns pending outbox rows into webhook deliveries. */
export const DISPATCH_JOB = 'dispatch';
/** One per delivery (job id `delivery-<id>`), retried with exponential back-off. */
export const DELIVER_JOB = 'deliver';

/**
 * Every event Tramos writes to the outbox. `tranche.<status>` is written by every workflow move
 * (see moveTranche); the others by the use case named. A webhook may also subscribe to `*`.
 */
export const EVENT_TYPES = [
  ...TRANCHE_STATUSES.map((s) => `tranche.${s.toLowerCase()}`),
  'transfer.requested',
  'transfer.executed',
  'report.requested',
] as const;
export const ALL_EVENTS = '*';
