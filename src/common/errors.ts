import { HttpStatus } from '@nestjs/common';

export interface ProblemDetail {
  field: string;
  problem: string;
}

/** Errors of the domain, mapped once to the API's error body by HttpErrorFilter. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(message: string, readonly details: ProblemDetail[] = []) {
    super(message);
  }
}

/** 400: the request itself is wrong (a field named in details). */
export class BadInputError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;
}

/** 404: absent, or not the caller's to see — the two are never told apart. */
export class NotFoundError extends DomainError {
  readonly status = HttpStatus.NOT_FOUND;
  constructor(what: string, id?: string) {
    super(id ? `${what} ${id} not found` : `${what} not found`);
  }
}

/** 403: the caller's role may not do this (on something the caller may see). */
export class ForbiddenActionError extends DomainError {
  readonly status = HttpStatus.FORBIDDEN;
}

/** 409: a transition not allowed from the current state, or a concurrent change won. */
export class StateConflictError extends DomainError {
  readonly status = HttpStatus.CONFLICT;
  static transition(subject: string, current: string, requested: string): StateConflictError {
    return new StateConflictError(
      `${subject} is ${current}; it cannot move to ${requested} from ${current}`,
      [{ field: 'status', problem: `current ${current}, requested ${requested}` }],
    );
  }
}

/** 422: a rule of the domain broken (amounts above the maximum, a required value missing…). */
export class RuleViolationError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

export class PayloadTooLargeError extends DomainError {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
}

export class TooManyRequestsError extends DomainError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;
}
