import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../../common/api-errors.js';
import { ApiPage, PageQuery } from '../../common/pagination.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { SubmissionDto } from './submissions.responses.js';
import { SubmissionsService } from './submissions.service.js';

@ApiTags('submissions')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('tranches/:id')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('submit')
  @Roles('ENTITY')
  @ApiOperation({
    summary: 'Send the informe de cumplimiento (ENTITY): freezes values and evidence, OPEN|OBSERVED → SUBMITTED; 422 naming each missing value',
  })
  @ApiCreatedResponse({ type: SubmissionDto })
  @ApiErrors(400, 403, 404, 409, 422)
  submit(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.submissions.submit(me, id);
  }

  @Get('submissions')
  @ApiOperation({ summary: 'Every informe de cumplimiento sent for the tranche, with what it carried' })
  @ApiPage(SubmissionDto)
  @ApiErrors(400, 404)
  list(@Param('id', UuidPipe) id: string, @Query() q: PageQuery, @CurrentUser() me: AuthUser) {
    return this.submissions.list(me, id, q);
  }
}
