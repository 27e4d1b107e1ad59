import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../config/app-config.js';
import { TooManyRequestsError } from './errors.js';

/**
 * A fixed one-minute window per client address. In memory, so per instance: behind a balancer
 * the effective limit is this × replicas (login attempts are limited in the database instead).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private window = 0;
  private counts = new Map<string, number>();
  constructor(private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== this.window) {
      this.window = minute;
      this.counts.clear();
    }
    const ip = req.ip ?? 'unknown';
    const n = (this.counts.get(ip) ?? 0) + 1;
    this.counts.set(ip, n);
    if (n > this.config.rateLimitPerMinute) {
      ctx.switchToHttp().getResponse().setHeader('Retry-After', String(60 - (Math.floor(Date.now() / 1000) % 60)));
      throw new TooManyRequestsError(`More than ${this.config.rateLimitPerMinute} requests in a minute; slow down`);
    }
    return true;
  }
}
