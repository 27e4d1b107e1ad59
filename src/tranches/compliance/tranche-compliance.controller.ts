import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../../common/api-errors.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { ComplianceQuery, SimulateDto } from './tranche-compliance.dto.js';
import { LIVE_COMPLIANCE_EXAMPLE, SIMULATION_EXAMPLE } from './tranche-compliance.examples.js';
import { LiveComplianceDto, SimulationDto } from './tranche-compliance.responses.js';
import { TrancheComplianceService } from './tranche-compliance.service.js';

@ApiTags('compliance')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller()
export class TrancheComplianceController {
  constructor(private readonly compliance: TrancheComplianceService) {}

  @Get('tranches/:id/compliance')
  @ApiOperation({
    summary: 'The tranche’s computation, every line of it',
    description:
      'Live figures from the current values (`live: true`, `basis` says whether they are accepted or only reported). ' +
      'Once the tranche is verified, `frozen` holds the figures frozen at verification: those are the ones that count.',
  })
  @ApiOkResponse({ type: LiveComplianceDto, example: LIVE_COMPLIANCE_EXAMPLE })
  @ApiErrors(400, 404, 422)
  live(@Param('id', UuidPipe) id: string, @Query() q: ComplianceQuery, @CurrentUser() user: AuthUser) {
    return this.compliance.live(user, id, q.basis);
  }

  @Post('agreements/:id/simulate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What the variable tranche of a period would pay with these achieved values (nothing is stored)',
    description: 'Indicators not given keep their current accepted (or, before any, reported) value; `neutralise` lists indicators to leave out as if neutralised.',
  })
  @ApiOkResponse({ type: SimulationDto, example: SIMULATION_EXAMPLE })
  @ApiErrors(400, 404, 422)
  simulate(@Param('id', UuidPipe) id: string, @Body() dto: SimulateDto, @CurrentUser() user: AuthUser) {
    return this.compliance.simulate(user, id, dto);
  }
}
