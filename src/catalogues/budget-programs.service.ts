import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { BadInputError, NotFoundError, type ProblemDetail } from '../common/errors.js';
import type { Page } from '../common/pagination.js';
import type { CatalogueQuery } from './catalogue-fields.js';
import { codeInUse, containing, pageOf, type ListSpec } from './catalogue-sql.js';
import type { BudgetProductDto, CreateBudgetProgramDto } from './budget-programs.dto.js';

const PROGRAM = `b.id, b.code, b.name, b.created_at AS "createdAt",
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name) ORDER BY p.code)
            FROM budget_products p WHERE p.budget_program_id = b.id), '[]'::json) AS products`;

@Injectable()
export class BudgetProgramsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** `q` finds a programme by its code or name, or by the code or name of one of its products. */
  list(q: CatalogueQuery): Promise<Page<unknown>> {
    const spec: ListSpec = { select: PROGRAM, from: 'budget_programs b', where: [], params: [], orderBy: 'b.code' };
    if (q.q) {
      const n = spec.params.push(containing(q.q));
      spec.where.push(`(b.code ILIKE $${n} OR b.name ILIKE $${n} OR EXISTS (SELECT 1 FROM budget_products p
        WHERE p.budget_program_id = b.id AND (p.code ILIKE $${n} OR p.name ILIKE $${n})))`);
    }
    return pageOf(this.db, spec, q);
  }

  async get(id: string, tx: DataSource | EntityManager = this.db) {
    const [program] = await tx.query(`SELECT ${PROGRAM} FROM budget_programs b WHERE b.id = $1`, [id]);
    if (!program) throw new NotFoundError('Budget programme', id);
    return program;
  }

  register(dto: CreateBudgetProgramDto, by: AuthUser) {
    const products = dto.products ?? [];
    const repeated = repeatedCodes(products);
    if (repeated.length) throw new BadInputError('A product code appears twice', repeated);
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO budget_programs (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [dto.code, dto.name],
      );
      if (!row) throw codeInUse(dto.code);
      if (products.length) {
        await tx.query(
          `INSERT INTO budget_products (budget_program_id, code, name) SELECT $1::uuid, * FROM unnest($2::text[], $3::text[])`,
          [row.id, products.map((p) => p.code), products.map((p) => p.name)],
        );
      }
      const program = await this.get(row.id, tx);
      await this.audit.record(tx, { subjectType: 'BudgetProgram', subjectId: row.id, action: 'budget-program.created', actor: actorOf(by), after: program });
      return program;
    });
  }
}

function repeatedCodes(products: BudgetProductDto[]): ProblemDetail[] {
  const first = new Map<string, number>();
  const problems: ProblemDetail[] = [];
  products.forEach((p, i) => {
    const j = first.get(p.code);
    if (j === undefined) first.set(p.code, i);
    else problems.push({ field: `products[${i}].code`, problem: `${p.code} repeats products[${j}].code` });
  });
  return problems;
}
