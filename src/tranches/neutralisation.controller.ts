import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { NeutralisationService } from './neutralisation.service.js';
import { NeutraliseIndicatorDto } from './tranches.dto.js';
import { NeutralisationDto } from './tranches.responses.js';

@ApiTags('tranches')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('indicators')
export class NeutralisationController {
  constructor(private readonly neutralisations: NeutralisationService) {}

  @Post(':id/neutralise')
  @Roles('APPROVER')
  @ApiOperation({ summary: 'Neutralise an indicator in one period (APPROVER, with reason), only before that period’s variable tranche is verified' })
  @ApiCreatedResponse({ type: NeutralisationDto })
  @ApiErrors(400, 403, 404, 409, 422)
  neutralise(@Param('id', UuidPipe) id: string, @Body() dto: NeutraliseIndicatorDto, @CurrentUser() me: AuthUser) {
    return this.neutralisations.neutralise(me, id, dto.periodId, dto.reason);
  }
}
