import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadInputError, type ProblemDetail } from './errors.js';

/** Flattens class-validator's tree into `{ field: "items[2].value", problem }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ProblemDetail[] {
  const out: ProblemDetail[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const problems = Object.values(e.constraints ?? {});
    // Every rule fails on a missing value; what the caller needs to hear is that it is missing.
    if (problems.length && e.value === undefined) out.push({ field, problem: 'is required' });
    else for (const problem of problems) out.push({ field, problem: withoutName(problem, e.property) });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** class-validator messages start with the property's name; the detail names the field already. */
const withoutName = (problem: string, property: string) => (problem.startsWith(`${property} `) ? problem.slice(property.length + 1) : problem);

/** Global pipe: unknown fields refused, types converted, every problem named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new BadInputError(`Invalid request: ${[...new Set(details.map((d) => d.field))].join(', ')}`, details);
    },
  });
}
