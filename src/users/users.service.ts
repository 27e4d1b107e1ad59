import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser, type Role } from '../auth/auth-user.js';
import { hashPassword } from '../auth/passwords.js';
import { BadInputError, NotFoundError, type ProblemDetail } from '../common/errors.js';
import { offsetOf, type Page } from '../common/pagination.js';
import type { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto.js';

const COLUMNS = `id, email, name, role, entity_id AS "entityId", funding_program_id AS "fundingProgramId", donor_id AS "donorId", active,
  created_at AS "createdAt"`;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: UserListQuery): Promise<Page<unknown>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.role) where.push(`role = $${params.push(q.role)}`);
    if (q.q) where.push(`(email ILIKE $${params.push('%' + q.q + '%')} OR name ILIKE $${params.length})`);
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM users ${w}`, params);
    const items = await this.db.query(
      `SELECT ${COLUMNS} FROM users ${w} ORDER BY email LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async create(dto: CreateUserDto, by: AuthUser, opts: { demo?: boolean } = {}) {
    return this.db.transaction((tx) => this.createIn(tx, dto, actorOf(by), opts));
  }

  async createIn(tx: EntityManager, dto: CreateUserDto, actor: { id: string | null; label: string }, opts: { demo?: boolean } = {}) {
    await this.checkRoleLinks(tx, dto.role, dto.entityId ?? null, dto.fundingProgramId ?? null, dto.donorId ?? null);
    const [dup] = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [dto.email]);
    if (dup) throw new BadInputError('E-mail already in use', [{ field: 'email', problem: 'already in use' }]);
    const [user] = await tx.query(
      `INSERT INTO users (email, name, role, entity_id, funding_program_id, donor_id, password_hash, is_demo)
       VALUES (lower($1), $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [dto.email, dto.name, dto.role, dto.entityId ?? null, dto.fundingProgramId ?? null, dto.donorId ?? null,
        await hashPassword(dto.password), !!opts.demo],
    );
    await this.audit.record(tx, { subjectType: 'User', subjectId: user.id, action: 'user.created', actor, after: user });
    return user;
  }

  async update(id: string, dto: UpdateUserDto, by: AuthUser) {
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw new NotFoundError('User', id);
      const role = dto.role ?? before.role;
      const entityId = dto.entityId !== undefined ? dto.entityId : before.entityId;
      const programId = dto.fundingProgramId !== undefined ? dto.fundingProgramId : before.fundingProgramId;
      const donorId = dto.donorId !== undefined ? dto.donorId : before.donorId;
      await this.checkRoleLinks(tx, role, entityId, programId, donorId);
      const hash = dto.password ? await hashPassword(dto.password) : null;
      // Any change of role, links, activity or password ends the user's current tokens.
      const [after] = await tx.query(
        `UPDATE users SET name = coalesce($2, name), role = $3, entity_id = $4, funding_program_id = $5, donor_id = $8,
           active = coalesce($6, active), password_hash = coalesce($7, password_hash),
           token_version = token_version + 1, updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, dto.name ?? null, role, needsEntity(role) ? entityId : null, role === 'DONOR' ? programId : null, dto.active ?? null, hash,
          role === 'DONOR' ? donorId : null],
      );
      await this.audit.record(tx, { subjectType: 'User', subjectId: id, action: 'user.updated', actor: actorOf(by), before, after });
      return after;
    });
  }

  private async checkRoleLinks(tx: EntityManager, role: Role, entityId: string | null, programId: string | null, donorId: string | null) {
    const problems: ProblemDetail[] = [];
    if (needsEntity(role)) {
      if (!entityId) problems.push({ field: 'entityId', problem: `is required for role ${role}` });
      else if (!(await tx.query('SELECT 1 FROM entities WHERE id = $1', [entityId])).length) {
        problems.push({ field: 'entityId', problem: 'no such entity' });
      }
    }
    if (role === 'DONOR') {
      if (!programId && !donorId) problems.push({ field: 'fundingProgramId', problem: 'fundingProgramId or donorId is required for role DONOR' });
      else if (donorId && !(await tx.query('SELECT 1 FROM donors WHERE id = $1', [donorId])).length) {
        problems.push({ field: 'donorId', problem: 'no such donor' });
      } else if (programId && !(await tx.query('SELECT 1 FROM funding_programs WHERE id = $1', [programId])).length) {
        problems.push({ field: 'fundingProgramId', problem: 'no such funding programme' });
      }
    }
    if (problems.length) throw new BadInputError('Invalid user', problems);
  }
}

const needsEntity = (role: Role) => role === 'ENTITY' || role === 'VERIFIER';
