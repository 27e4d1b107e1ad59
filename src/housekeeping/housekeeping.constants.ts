export const HOUSEKEEPING_QUEUE = 'housekeeping';
export const PURGE_EXPIRED_JOB = 'purge-expired';
