import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { BadInputError, NotFoundError, type ProblemDetail } from '../common/errors.js';
import type { Page } from '../common/pagination.js';
import { codeInUse, matchCodeOrName, pageOf, type ListSpec } from './catalogue-sql.js';
import type { CreateFundingProgramDto, FundingProgramQuery } from './funding-programs.dto.js';

// numeric(16,2) prints with its two decimals; dates as text so they leave as YYYY-MM-DD.
const PROGRAM = `f.id, f.code, f.name, f.donor_id AS "donorId", d.code AS "donorCode", d.name AS "donorName",
  f.reference, f.currency, f.total_amount::text AS "totalAmount", f.starts_on::text AS "startsOn",
  f.ends_on::text AS "endsOn", f.created_at AS "createdAt"`;
const FROM = 'funding_programs f JOIN donors d ON d.id = f.donor_id';

@Injectable()
export class FundingProgramsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: FundingProgramQuery): Promise<Page<unknown>> {
    const spec: ListSpec = { select: PROGRAM, from: FROM, where: [], params: [], orderBy: 'f.code' };
    if (q.donorId) spec.where.push(`f.donor_id = $${spec.params.push(q.donorId)}`);
    matchCodeOrName(spec, 'f', q.q);
    return pageOf(this.db, spec, q);
  }

  async get(id: string, tx: DataSource | EntityManager = this.db) {
    const [program] = await tx.query(`SELECT ${PROGRAM} FROM ${FROM} WHERE f.id = $1`, [id]);
    if (!program) throw new NotFoundError('Funding programme', id);
    return program;
  }

  register(dto: CreateFundingProgramDto, by: AuthUser) {
    return this.db.transaction(async (tx) => {
      const problems: ProblemDetail[] = [];
      if (!(await tx.query('SELECT 1 FROM donors WHERE id = $1', [dto.donorId])).length) {
        problems.push({ field: 'donorId', problem: 'no such donor' });
      }
      if (dto.startsOn && dto.endsOn && dto.endsOn <= dto.startsOn) problems.push({ field: 'endsOn', problem: 'must be after startsOn' });
      if (problems.length) throw new BadInputError('Invalid funding programme', problems);
      const [row] = await tx.query(
        `INSERT INTO funding_programs (code, name, donor_id, reference, currency, total_amount, starts_on, ends_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [dto.code, dto.name, dto.donorId, dto.reference ?? null, dto.currency ?? 'EUR', dto.totalAmount ?? null,
          dto.startsOn ?? null, dto.endsOn ?? null],
      );
      if (!row) throw codeInUse(dto.code);
      const program = await this.get(row.id, tx);
      await this.audit.record(tx, { subjectType: 'FundingProgram', subjectId: row.id, action: 'funding-program.created', actor: actorOf(by), after: program });
      return program;
    });
  }
}
