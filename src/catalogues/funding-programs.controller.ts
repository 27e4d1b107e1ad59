import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { FundingProgramDto } from './catalogues.responses.js';
import { CreateFundingProgramDto, FundingProgramQuery } from './funding-programs.dto.js';
import { FundingProgramsService } from './funding-programs.service.js';

@ApiTags('catalogues')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('funding-programs')
export class FundingProgramsController {
  constructor(private readonly programs: FundingProgramsService) {}

  @Get()
  @ApiOperation({ summary: 'Donor funding programmes (EUROPAN, EURO-ECOTRADE, ENLCD…), with their donor' })
  @ApiPage(FundingProgramDto)
  @ApiErrors(400)
  list(@Query() q: FundingProgramQuery) {
    return this.programs.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One funding programme' })
  @ApiOkResponse({ type: FundingProgramDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string) {
    return this.programs.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Register a funding programme of a donor (ADMIN); the code must be new' })
  @ApiCreatedResponse({ type: FundingProgramDto })
  @ApiErrors(400, 403)
  register(@Body() dto: CreateFundingProgramDto, @CurrentUser() me: AuthUser) {
    return this.programs.register(dto, me);
  }
}
