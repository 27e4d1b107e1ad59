import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadInputError, type ProblemDetail } from './errors.js';

/** Flattens class-validator's tree into `{ field: "items[2].value", problem }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    for (const problem of Object.values(e.constraints ?? {})) out.push({ field, problem: problem.replace(/^\S+ /, '') });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** Global pipe: unknown fields refused, types converted, every problem named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new BadInputError(`Invalid request: ${details.map((d) => d.field).join(', ')}`, details);
    },
  });
}
