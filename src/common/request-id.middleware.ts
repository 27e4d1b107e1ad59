import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from './request-context.js';

const logger = new Logger('HTTP');

/** Gives each request an id (or keeps the caller's X-Request-Id) and logs one line when it ends. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction) {
  const incoming = req.header('x-request-id');
  const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  const ctx = { requestId } as { requestId: string; userId?: string };
  res.on('finish', () => {
    requestContext.run(ctx, () =>
      logger.log({
        msg: 'request',
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        userId: ctx.userId,
      }),
    );
  });
  requestContext.run(ctx, next);
}
