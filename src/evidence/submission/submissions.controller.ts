import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import { PageQuery } from '../../common/pagination.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { SubmissionsService } from './submissions.service.js';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('tranches/:id')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('submit')
  @Roles('ENTITY')
  @ApiOperation({
    summary: 'Send the informe de cumplimiento (ENTITY): freezes values and evidence, OPEN|OBSERVED → SUBMITTED; 422 naming each missing value',
  })
  submit(@Param('id', UuidPipe) id: string, @CurrentUser() me: AuthUser) {
    return this.submissions.submit(me, id);
  }

  @Get('submissions')
  @ApiOperation({ summary: 'Every informe de cumplimiento sent for the tranche, with what it carried' })
  list(@Param('id', UuidPipe) id: string, @Query() q: PageQuery, @CurrentUser() me: AuthUser) {
    return this.submissions.list(me, id, q);
  }
}
