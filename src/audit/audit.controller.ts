import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { visibleAgreement } from '../auth/scope.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage, offsetOf, type Page, PageQuery } from '../common/pagination.js';
import { AuditEntryDto, AuditVerificationDto } from './audit.responses.js';
import { AuditService } from './audit.service.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'Tranche' }) @IsOptional() @IsString() @MaxLength(100) subjectType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) subjectId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agreementId?: string;
}

export class AuditVerifyQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'check only this agreement’s chain' }) @IsOptional() @IsUUID() agreementId?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('audit')
export class AuditController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Audit entries, newest first',
    description: 'ADMIN and APPROVER see every entry; everyone else only the entries of agreements they may see.',
  })
  @ApiPage(AuditEntryDto)
  @ApiErrors(400)
  async list(@Query() q: AuditQuery, @CurrentUser() me: AuthUser): Promise<Page<unknown>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (me.role !== 'ADMIN' && me.role !== 'APPROVER') {
      where.push(`EXISTS (SELECT 1 FROM agreements a WHERE a.id = l.agreement_id AND ${visibleAgreement(me, params)})`);
    }
    if (q.subjectType) where.push(`l.subject_type = $${params.push(q.subjectType)}`);
    if (q.subjectId) where.push(`l.subject_id = $${params.push(q.subjectId)}`);
    if (q.agreementId) where.push(`l.agreement_id = $${params.push(q.agreementId)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM audit_log l ${w}`, params);
    const items = await this.db.query(
      `SELECT l.id::text, l.chain, l.seq, l.agreement_id AS "agreementId", l.subject_type AS "subjectType", l.subject_id AS "subjectId",
         l.action, l.actor_id AS "actorId", l.actor_label AS "actorLabel", l.at, l.before, l.after, l.prev_hash AS "prevHash", l.hash
       FROM audit_log l ${w} ORDER BY l.id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @Get('verify')
  @Roles('ADMIN', 'APPROVER')
  @ApiOperation({ summary: 'Recompute the hash chains and report the first broken link of each: `{ checked, ok, breaks[] }`' })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiErrors(400, 403)
  verify(@Query() q: AuditVerifyQuery) {
    return this.audit.verify(q.agreementId);
  }
}
