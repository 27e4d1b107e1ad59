import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { BadInputError, TooManyRequestsError } from '../common/errors.js';
import type { AuthUser } from './auth-user.js';
import { actorOf } from './auth-user.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import type { LoginResponse } from './auth.dto.js';

const IP_FAILURES_PER_MINUTE = 50;
const INVALID = 'Invalid email or password';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Unknown e-mail and wrong password get the same answer and cost. An account locked after
   * repeated failures, or an IP over its budget, is refused before any hash is checked.
   */
  async login(emailRaw: string, password: string, ip: string): Promise<LoginResponse> {
    const email = emailRaw.trim().toLowerCase();
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM login_attempts WHERE ip = $1 AND NOT success AND at > now() - interval '1 minute'`,
      [ip],
    );
    if (n >= IP_FAILURES_PER_MINUTE) throw new TooManyRequestsError('Too many failed logins from this address; wait a minute');
    const [user] = await this.db.query(
      `SELECT id, email, name, role, entity_id, funding_program_id, donor_id, password_hash, active, token_version,
              locked_until > now() AS locked
       FROM users WHERE lower(email) = $1`,
      [email],
    );
    if (user?.locked) {
      await this.attempt(email, ip, false);
      this.logger.warn({ msg: 'login refused: account locked', email, ip });
      throw new TooManyRequestsError('Too many failed logins for this account; try again later');
    }
    const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
    if (!ok || !user.active) {
      await this.attempt(email, ip, false);
      if (user) {
        await this.db.query(
          `UPDATE users SET failed_logins = failed_logins + 1,
             locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
           WHERE id = $1`,
          [user.id, this.config.loginMaxFailures, this.config.loginLockMinutes],
        );
      }
      throw new UnauthorizedException(INVALID);
    }
    await this.attempt(email, ip, true);
    await this.db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    const accessToken = await this.jwt.signAsync({ sub: user.id, tv: user.token_version });
    return {
      accessToken,
      expiresIn: this.config.jwtTtlSeconds,
      user: {
        id: user.id, email: user.email, name: user.name, role: user.role,
        entityId: user.entity_id, fundingProgramId: user.funding_program_id, donorId: user.donor_id,
      },
    };
  }

  async changePassword(me: AuthUser, current: string, next: string): Promise<void> {
    const [row] = await this.db.query('SELECT password_hash FROM users WHERE id = $1', [me.id]);
    if (!(await verifyPassword(row.password_hash, current))) {
      throw new BadInputError('Current password is wrong', [{ field: 'currentPassword', problem: 'does not match' }]);
    }
    const hash = await hashPassword(next);
    await this.db.transaction(async (tx) => {
      // Bumping the token version ends every token issued before the change.
      await tx.query('UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1', [me.id, hash]);
      await this.audit.record(tx, { subjectType: 'User', subjectId: me.id, action: 'user.password-changed', actor: actorOf(me) });
    });
  }

  private attempt(email: string, ip: string, success: boolean) {
    return this.db.query('INSERT INTO login_attempts (email, ip, success) VALUES ($1, $2, $3)', [email, ip, success]);
  }
}
