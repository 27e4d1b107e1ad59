import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { canonicalJson } from './canonical-json.js';
import { BadInputError, RuleViolationError, StateConflictError } from './errors.js';

/**
 * `Idempotency-Key` on a POST: the first call runs and its answer is kept for 24 h; a repeat
 * with the same key gets the same answer without running again; a repeat while the first is
 * still running gets 409; a repeat with another body gets 422. Failed calls keep nothing, so
 * they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request & { user?: { id: string } }>();
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || !key || !req.user) return next.handle();
    // The status a handler declares is applied after interceptors run, so read it from metadata.
    const status: number = Reflect.getMetadata('__httpCode__', ctx.getHandler()) ?? 201;
    return from(this.run(req, ctx.switchToHttp().getResponse<Response>(), key, status, next));
  }

  private async run(req: Request & { user?: { id: string } }, res: Response, key: string, status: number, next: CallHandler) {
    if (key.length > 200) throw new BadInputError('Idempotency-Key too long', [{ field: 'Idempotency-Key', problem: 'at most 200 characters' }]);
    const userId = req.user!.id;
    const path = req.originalUrl.split('?')[0];
    const requestHash = createHash('sha256').update(canonicalJson(req.body ?? null)).digest('hex');
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash) VALUES ($1, $2, 'POST', $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, path, requestHash],
    );
    if (!inserted.length) {
      const [prev] = await this.db.query(
        'SELECT path, request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
        [userId, key],
      );
      if (prev && prev.path !== path) throw new BadInputError('Idempotency-Key already used for another request', [{ field: 'Idempotency-Key', problem: `used for ${prev.path}` }]);
      if (prev && prev.request_hash !== null && prev.request_hash !== requestHash) {
        throw new RuleViolationError('Idempotency-Key already used with a different body', [
          { field: 'Idempotency-Key', problem: 'used for another body on this path: send a new key for a new request' },
        ]);
      }
      if (!prev || prev.status_code === null) throw new StateConflictError('A request with this Idempotency-Key is still running');
      res.status(prev.status_code);
      res.setHeader('Idempotent-Replayed', 'true');
      return prev.response;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.db.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2', [
        userId, key, status, JSON.stringify(body ?? null),
      ]);
      return body;
    } catch (e) {
      await this.db.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2', [userId, key]);
      throw e;
    }
  }
}
