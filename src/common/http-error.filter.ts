import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ProblemDetail } from './errors.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** Every error leaves as `{ statusCode, error, message, details }` (API.md conventions). */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, message, details } = this.describe(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception : String(exception));
    if (res.headersSent) return;
    res.status(status).json({ statusCode: status, error: REASONS[status] ?? 'Error', message, details });
  }

  private describe(e: unknown): { status: number; message: string; details: ProblemDetail[] } {
    if (e instanceof DomainError) return { status: e.status, message: e.message, details: e.details };
    if (e instanceof HttpException) {
      const body = e.getResponse() as string | { message?: unknown; details?: ProblemDetail[] };
      const msg = typeof body === 'string' ? body : body.message;
      const details = typeof body === 'object' && Array.isArray(body.details) ? body.details : [];
      return { status: e.getStatus(), message: Array.isArray(msg) ? msg.join('; ') : String(msg ?? e.message), details };
    }
    const pg = e as { code?: string; message?: string };
    // A lost race on a unique key or a serialization failure is a conflict, not a crash.
    if (pg?.code === '23505' || pg?.code === '40001' || pg?.code === '40P01') {
      return { status: HttpStatus.CONFLICT, message: 'The resource was changed concurrently; retry', details: [] };
    }
    if (pg?.code === '22P02') return { status: HttpStatus.BAD_REQUEST, message: 'Malformed identifier or value', details: [] };
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error', details: [] };
  }
}
