import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class ApiProblemDto {
  @ApiProperty({ example: 'amount', description: 'the field (or sheet!cell, header) at fault' }) field!: string;
  @ApiProperty({ example: 'must be above 0.00' }) problem!: string;
}

/** The body of every error, exactly as HttpErrorFilter sends it. */
export class ApiErrorDto {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request', description: 'the reason phrase of the status' }) error!: string;
  @ApiProperty({ example: 'Invalid values: amount' }) message!: string;
  @ApiProperty({ type: [ApiProblemDto], description: 'one entry per field at fault; empty when no field is' }) details!: ApiProblemDto[];
}

/** The meaning of each status as README "HTTP conventions" gives it. */
const MEANING = {
  400: 'Bad input: each field at fault is named in details',
  401: 'No token, or an expired or revoked one',
  403: 'The caller’s role may not do this',
  404: 'Not found, or not yours to see (the two are never told apart)',
  409: 'Not allowed in the current state, or a concurrent change won',
  413: 'The file is larger than allowed',
  415: 'The file is not of an accepted type (found from its bytes)',
  422: 'A rule of the domain is broken; details name each',
  429: 'Too many requests; retry after the Retry-After header',
  500: 'Internal error, logged under the X-Request-Id',
} as const;

export type ErrorStatus = keyof typeof MEANING;

/**
 * One documented error with the filter's body. The content is spelt out rather than given as a
 * `type` so it stays application/json on downloads, whose @ApiProduces would otherwise apply to it.
 */
export const ApiError = (status: ErrorStatus, description: string = MEANING[status]) =>
  applyDecorators(
    ApiExtraModels(ApiErrorDto),
    ApiResponse({ status, description, content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } } }),
  );

/** The errors an operation (or, on a class, every operation of it) can answer, e.g. `@ApiErrors(400, 404, 409)`. */
export const ApiErrors = (...statuses: ErrorStatus[]) => applyDecorators(...statuses.map((s) => ApiError(s)));

/** On a controller behind the token: every route may answer 401 and, like every route, 429. */
export const ApiAuthenticated = () => ApiErrors(401, 429);
