import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage, PageQuery } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { TrancheQueries } from './tranche-queries.service.js';
import { TrancheWorkflowService } from './tranche-workflow.service.js';
import { CancelTrancheDto, TrancheListQuery } from './tranches.dto.js';
import { TrancheSummaryDto, TrancheTransitionDto, TrancheViewDto } from './tranches.responses.js';

@ApiTags('tranches')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('tranches')
export class TranchesController {
  constructor(
    private readonly queries: TrancheQueries,
    private readonly workflow: TrancheWorkflowService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The tranches you may see, across agreements, by planned date (?status=OPEN: what waits for an entity’s report)' })
  @ApiPage(TrancheSummaryDto)
  @ApiErrors(400)
  list(@Query() q: TrancheListQuery, @CurrentUser() me: AuthUser) {
    return this.queries.list(me, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A tranche: period, agreement, status, amounts, correction deadline, observations, transfer and live compliance' })
  @ApiOkResponse({ type: TrancheViewDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.queries.view(me, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every transition of the tranche: from, to, who, when, why' })
  @ApiPage(TrancheTransitionDto)
  @ApiErrors(400, 404)
  history(@Param('id', UuidPipe) id: string, @Query() q: PageQuery, @CurrentUser() me: AuthUser) {
    return this.queries.history(me, id, q);
  }

  @Post(':id/open')
  @HttpCode(200)
  @Roles('ANALYST')
  @ApiOperation({ summary: 'SCHEDULED → OPEN by the assigned analyst (a scheduled job also opens tranches on their period’s first day)' })
  @ApiOkResponse({ type: TrancheViewDto, description: 'The tranche, now OPEN' })
  @ApiErrors(400, 403, 404, 409, 422)
  async open(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    await this.workflow.open(me, id);
    return this.queries.view(me, id);
  }

  @Post(':id/start-review')
  @HttpCode(200)
  @Roles('ANALYST')
  @ApiOperation({ summary: 'SUBMITTED → IN_REVIEW by the assigned analyst' })
  @ApiOkResponse({ type: TrancheViewDto, description: 'The tranche, now IN_REVIEW' })
  @ApiErrors(400, 403, 404, 409)
  async startReview(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    await this.workflow.startReview(me, id);
    return this.queries.view(me, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Cancel the tranche with a reason (APPROVER); its whole amount is recorded as cancelled' })
  @ApiOkResponse({ type: TrancheViewDto, description: 'The tranche, now CANCELLED' })
  @ApiErrors(400, 403, 404, 409)
  async cancel(@Param('id', UuidPipe) id: string, @Body() dto: CancelTrancheDto, @CurrentUser() me: AuthUser) {
    await this.workflow.cancel(me, id, dto.reason);
    return this.queries.view(me, id);
  }
}
