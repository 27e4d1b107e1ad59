import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  userId?: string;
}

/** Carries the request id (and caller) through async code so every log line can name it. */
export const requestContext = new AsyncLocalStorage<RequestContext>();
