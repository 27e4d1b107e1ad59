import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage, PageQuery } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ReviewService } from './review.service.js';
import { TrancheQueries } from './tranche-queries.service.js';
import { AcceptedValuesDto, AcceptedValuesQuery, AcceptReportedDto, AnswerObservationDto, ObservationsDto } from './tranches.dto.js';
import { AcceptedValueListDto, ObservationDto } from './tranches.responses.js';

@ApiTags('tranches')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller()
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly queries: TrancheQueries,
  ) {}

  @Put('tranches/:id/accepted-values')
  @Roles('ANALYST', 'VERIFIER')
  @ApiOperation({
    summary: 'Record accepted values while IN_REVIEW (assigned analyst, or the agreement’s verifier)',
    description: 'Criteria for a fixed tranche, indicators for a variable one; a new value supersedes the current one, which is kept. Answers the current values.',
  })
  @ApiOkResponse({ type: AcceptedValueListDto, description: 'The current accepted values' })
  @ApiErrors(400, 403, 404, 409)
  acceptValues(@Param('id', UuidPipe) id: string, @Body() dto: AcceptedValuesDto, @CurrentUser() me: AuthUser) {
    return this.review.acceptValues(me, id, dto.items);
  }

  @Post('tranches/:id/accepted-values/from-reported')
  @HttpCode(200)
  @Roles('ANALYST', 'VERIFIER')
  @ApiOperation({
    summary: 'Accept as reported every value the entity reported that has no accepted value yet, while IN_REVIEW',
    description: 'Values already accepted are kept. Answers the current accepted values.',
  })
  @ApiOkResponse({ type: AcceptedValueListDto, description: 'The current accepted values' })
  @ApiErrors(400, 403, 404, 409)
  acceptReported(@Param('id', UuidPipe) id: string, @Body() dto: AcceptReportedDto, @CurrentUser() me: AuthUser) {
    return this.review.acceptReported(me, id, dto.source ?? 'Aceptado según lo reportado por la entidad');
  }

  @Get('tranches/:id/accepted-values')
  @ApiOperation({ summary: 'Current accepted values (with `history=true`, superseded ones too)' })
  @ApiOkResponse({ type: AcceptedValueListDto })
  @ApiErrors(400, 404)
  accepted(@Param('id', UuidPipe) id: string, @Query() q: AcceptedValuesQuery, @CurrentUser() me: AuthUser) {
    return this.review.listAccepted(me, id, q.history === 'true');
  }

  @Post('tranches/:id/observations')
  @Roles('ANALYST')
  @ApiOperation({
    summary: 'Issue observations: IN_REVIEW → OBSERVED with a correction deadline',
    description: 'Deadline: the one given, else today (Lima) + the agreement’s correction days (calendar days). ' +
      'A fixed tranche still OBSERVED with criteria unmet after it is cancelled by the deadline job (art. 17.7).',
  })
  @ApiCreatedResponse({ type: [ObservationDto], description: 'The observations issued' })
  @ApiErrors(400, 403, 404, 409)
  observe(@Param('id', UuidPipe) id: string, @Body() dto: ObservationsDto, @CurrentUser() me: AuthUser) {
    return this.review.observe(me, id, dto);
  }

  @Get('tranches/:id/observations')
  @ApiOperation({ summary: 'Every observation of the tranche, all rounds, with answers' })
  @ApiPage(ObservationDto)
  @ApiErrors(400, 404)
  observations(@Param('id', UuidPipe) id: string, @Query() q: PageQuery, @CurrentUser() me: AuthUser) {
    return this.queries.observations(me, id, q);
  }

  @Post('observations/:id/answer')
  @HttpCode(200)
  @Roles('ENTITY')
  @ApiOperation({ summary: 'The entity answers an observation while the tranche is OBSERVED' })
  @ApiOkResponse({ type: ObservationDto, description: 'The observation with its answer' })
  @ApiErrors(400, 403, 404, 409)
  answer(@Param('id', UuidPipe) id: string, @Body() dto: AnswerObservationDto, @CurrentUser() me: AuthUser) {
    return this.review.answer(me, id, dto.answer);
  }
}
