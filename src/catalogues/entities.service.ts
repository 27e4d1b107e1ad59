import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import type { Page } from '../common/pagination.js';
import { codeInUse, matchCodeOrName, pageOf, type ListSpec } from './catalogue-sql.js';
import type { CreateEntityDto, EntityQuery } from './entities.dto.js';

const ENTITY = `e.id, e.code, e.name, e.kind, e.ubigeo, t.name AS "territoryName", e.created_at AS "createdAt"`;
const FROM = 'entities e LEFT JOIN territories t ON t.ubigeo = e.ubigeo';

@Injectable()
export class EntitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: EntityQuery): Promise<Page<unknown>> {
    const spec: ListSpec = { select: ENTITY, from: FROM, where: [], params: [], orderBy: 'e.code' };
    if (q.kind) spec.where.push(`e.kind = $${spec.params.push(q.kind)}`);
    matchCodeOrName(spec, 'e', q.q);
    return pageOf(this.db, spec, q);
  }

  async get(id: string, tx: DataSource | EntityManager = this.db) {
    const [entity] = await tx.query(`SELECT ${ENTITY} FROM ${FROM} WHERE e.id = $1`, [id]);
    if (!entity) throw new NotFoundError('Entity', id);
    return entity;
  }

  register(dto: CreateEntityDto, by: AuthUser) {
    return this.db.transaction(async (tx) => {
      if (dto.ubigeo && !(await tx.query('SELECT 1 FROM territories WHERE ubigeo = $1', [dto.ubigeo])).length) {
        throw new BadInputError('Invalid entity', [{ field: 'ubigeo', problem: `no territory with UBIGEO ${dto.ubigeo}` }]);
      }
      const [row] = await tx.query(
        `INSERT INTO entities (code, name, kind, ubigeo) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [dto.code, dto.name, dto.kind, dto.ubigeo ?? null],
      );
      if (!row) throw codeInUse(dto.code);
      const entity = await this.get(row.id, tx);
      await this.audit.record(tx, { subjectType: 'Entity', subjectId: row.id, action: 'entity.created', actor: actorOf(by), after: entity });
      return entity;
    });
  }
}
