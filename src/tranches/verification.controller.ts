import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiError, ApiErrors } from '../common/api-errors.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { TrancheQueries } from './tranche-queries.service.js';
import { TransferTrancheDto, VerifyTrancheDto } from './tranches.dto.js';
import { TrancheViewDto } from './tranches.responses.js';
import { VerificationService } from './verification.service.js';

@ApiTags('tranches')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('tranches')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly queries: TrancheQueries,
  ) {}

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('ANALYST')
  @ApiOperation({
    summary: 'IN_REVIEW → VERIFIED: freezes the figures on the accepted values and queues the verification report',
    description: '422 naming the criteria or indicators still without an accepted value.',
  })
  @ApiOkResponse({ type: TrancheViewDto, description: 'The tranche, now VERIFIED' })
  @ApiErrors(400, 403, 404, 409, 422)
  async verify(@Param('id', UuidPipe) id: string, @Body() dto: VerifyTrancheDto, @CurrentUser() me: AuthUser) {
    await this.verification.verify(me, id, dto);
    return this.queries.view(me, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'VERIFIED → APPROVED by an approver who did not verify it; requests the transfer and emits `transfer.requested` once' })
  @ApiOkResponse({ type: TrancheViewDto, description: 'The tranche, now APPROVED' })
  @ApiErrors(400, 404, 409)
  @ApiError(403, 'The caller’s role may not do this, or the caller verified the tranche (four eyes)')
  async approve(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    await this.verification.approve(me, id);
    return this.queries.view(me, id);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles('APPROVER')
  @ApiOperation({ summary: 'APPROVED → TRANSFERRED: records the transfer (instrument, date, amount ≤ approved)' })
  @ApiOkResponse({ type: TrancheViewDto, description: 'The tranche, now TRANSFERRED' })
  @ApiErrors(400, 403, 404, 409, 422)
  async transfer(@Param('id', UuidPipe) id: string, @Body() dto: TransferTrancheDto, @CurrentUser() me: AuthUser) {
    await this.verification.transfer(me, id, dto);
    return this.queries.view(me, id);
  }
}
