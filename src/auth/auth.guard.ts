import { type CanActivate, type ExecutionContext, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ForbiddenActionError } from '../common/errors.js';
import { requestContext } from '../common/request-context.js';
import type { AuthUser, Role } from './auth-user.js';
import { IS_PUBLIC, ROLES_KEY } from './decorators.js';

interface TokenPayload {
  sub: string;
  tv: number;
}

/**
 * Global guard: a valid token of an active user whose token version still matches
 * (disabling a user or changing a password ends every token at once), then the role check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException('Missing bearer token');
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('Invalid or expired token');
    }
    const [row] = await this.db.query(
      `SELECT id, email, name, role, entity_id, funding_program_id, donor_id FROM users
       WHERE id = $1 AND active AND token_version = $2`,
      [payload.sub, payload.tv],
    );
    if (!row) throw new UnauthorizedException('Invalid or expired token');
    const user: AuthUser = {
      id: row.id, email: row.email, name: row.name, role: row.role,
      entityId: row.entity_id, fundingProgramId: row.funding_program_id, donorId: row.donor_id,
    };
    req.user = user;
    const store = requestContext.getStore();
    if (store) store.userId = user.id;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      this.logger.warn({ msg: 'refused', reason: 'role', userId: user.id, role: user.role, path: req.path });
      throw new ForbiddenActionError(`Role ${user.role} may not do this`);
    }
    return true;
  }
}
