import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { BadInputError } from '../common/errors.js';
import { offsetOf, type Page } from '../common/pagination.js';
import type { CatalogueQuery, CreateBudgetProgramDto, CreateDonorDto, CreateEntityDto, CreateFundingProgramDto } from './catalogue.dto.js';

/** One description per catalogue: its table and how a row is shown. */
const CATALOGUES = {
  donors: { table: 'donors', subject: 'Donor', columns: 'id, code, name' },
  fundingPrograms: {
    table: 'funding_programs', subject: 'FundingProgram',
    columns: `id, code, name, donor_id AS "donorId", reference, currency, to_char(total_amount, 'FM999999999999990.00') AS "totalAmount",
      to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"`,
  },
  entities: { table: 'entities', subject: 'Entity', columns: 'id, code, name, kind, ubigeo' },
  budgetPrograms: {
    table: 'budget_programs', subject: 'BudgetProgram',
    columns: `id, code, name, coalesce((SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name) ORDER BY p.code)
      FROM budget_products p WHERE p.budget_program_id = budget_programs.id), '[]') AS products`,
  },
} as const;
type Catalogue = keyof typeof CATALOGUES;

@Injectable()
export class CataloguesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(which: Catalogue, q: CatalogueQuery): Promise<Page<unknown>> {
    const c = CATALOGUES[which];
    const params: unknown[] = [];
    const w = q.q ? `WHERE code ILIKE $${params.push('%' + q.q + '%')} OR name ILIKE $1` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ${c.table} ${w}`, params);
    const items = await this.db.query(`SELECT ${c.columns} FROM ${c.table} ${w} ORDER BY code LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`, params);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  createDonor(d: CreateDonorDto, by: AuthUser) {
    return this.insert('donors', by, { code: d.code, name: d.name });
  }

  async createFundingProgram(d: CreateFundingProgramDto, by: AuthUser) {
    return this.insert('fundingPrograms', by, {
      code: d.code, name: d.name, donor_id: d.donorId, reference: d.reference ?? null, currency: d.currency ?? 'EUR',
      total_amount: d.totalAmount ?? null, starts_on: d.startsOn ?? null, ends_on: d.endsOn ?? null,
    }, async (tx) => {
      if (!(await tx.query('SELECT 1 FROM donors WHERE id = $1', [d.donorId])).length) return { field: 'donorId', problem: 'no such donor' };
    });
  }

  createEntity(d: CreateEntityDto, by: AuthUser) {
    return this.insert('entities', by, { code: d.code, name: d.name, kind: d.kind, ubigeo: d.ubigeo ?? null }, async (tx) => {
      if (d.ubigeo && !(await tx.query('SELECT 1 FROM territories WHERE ubigeo = $1', [d.ubigeo])).length) return { field: 'ubigeo', problem: 'unknown UBIGEO' };
    });
  }

  async createBudgetProgram(d: CreateBudgetProgramDto, by: AuthUser) {
    const codes = (d.products ?? []).map((p) => p.code);
    const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
    if (dup >= 0) throw new BadInputError('Duplicate product code', [{ field: `products[${dup}].code`, problem: 'duplicate code' }]);
    return this.insert('budgetPrograms', by, { code: d.code, name: d.name }, undefined, async (tx, id) => {
      for (const p of d.products ?? []) {
        await tx.query('INSERT INTO budget_products (budget_program_id, code, name) VALUES ($1, $2, $3)', [id, p.code, p.name]);
      }
    });
  }

  /** Insert one catalogue row after its checks, audited in the same transaction; answers the row as listed. */
  private insert(
    which: Catalogue, by: AuthUser, values: Record<string, unknown>,
    check?: (tx: EntityManager) => Promise<{ field: string; problem: string } | undefined>,
    after?: (tx: EntityManager, id: string) => Promise<void>,
  ) {
    const c = CATALOGUES[which];
    return this.db.transaction(async (tx) => {
      if ((await tx.query(`SELECT 1 FROM ${c.table} WHERE code = $1`, [values.code])).length) {
        throw new BadInputError(`Code ${values.code} already exists`, [{ field: 'code', problem: 'already exists' }]);
      }
      const problem = await check?.(tx);
      if (problem) throw new BadInputError(`Invalid ${problem.field}`, [problem]);
      const cols = Object.keys(values);
      const [{ id }] = await tx.query(
        `INSERT INTO ${c.table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
        Object.values(values),
      );
      await after?.(tx, id);
      const [row] = await tx.query(`SELECT ${c.columns} FROM ${c.table} WHERE id = $1`, [id]);
      await this.audit.record(tx, { subjectType: c.subject, subjectId: id, action: `${c.subject.toLowerCase()}.created`, actor: actorOf(by), after: row });
      return row;
    });
  }
}
