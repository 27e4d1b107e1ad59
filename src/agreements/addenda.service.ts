import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import { findVisibleAgreement } from '../auth/scope.js';
import { amendAgreement } from './amend-agreement.js';
import type { AgreementView } from './agreement-view.js';
import type { AddendumDto } from './dto/addendum.dto.js';

/**
 * Addenda (adendas): an agreement in force changes amounts, levels, targets, its maximum or its
 * scope from a date on. Each addendum is a new version; the earlier ones stay readable as they were.
 */
@Injectable()
export class AddendaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  amend(id: string, dto: AddendumDto, user: AuthUser): Promise<AgreementView> {
    return this.db.transaction(async (tx) =>
      amendAgreement(tx, this.audit, await findVisibleAgreement(tx, user, id, true), dto, actorOf(user)),
    );
  }
}
