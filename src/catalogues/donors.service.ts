import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { NotFoundError } from '../common/errors.js';
import type { Page } from '../common/pagination.js';
import { codeInUse, matchCodeOrName, pageOf, type ListSpec } from './catalogue-sql.js';
import type { CatalogueQuery } from './catalogue-fields.js';
import type { CreateDonorDto } from './donors.dto.js';

const DONOR = `d.id, d.code, d.name, d.created_at AS "createdAt"`;

@Injectable()
export class DonorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: CatalogueQuery): Promise<Page<unknown>> {
    const spec: ListSpec = { select: DONOR, from: 'donors d', where: [], params: [], orderBy: 'd.code' };
    matchCodeOrName(spec, 'd', q.q);
    return pageOf(this.db, spec, q);
  }

  async get(id: string) {
    const [donor] = await this.db.query(`SELECT ${DONOR} FROM donors d WHERE d.id = $1`, [id]);
    if (!donor) throw new NotFoundError('Donor', id);
    return donor;
  }

  register(dto: CreateDonorDto, by: AuthUser) {
    return this.db.transaction(async (tx) => {
      const [donor] = await tx.query(
        `INSERT INTO donors AS d (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING ${DONOR}`,
        [dto.code, dto.name],
      );
      if (!donor) throw codeInUse(dto.code);
      await this.audit.record(tx, { subjectType: 'Donor', subjectId: donor.id, action: 'donor.created', actor: actorOf(by), after: donor });
      return donor;
    });
  }
}
