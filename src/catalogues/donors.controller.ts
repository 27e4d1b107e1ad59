import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CatalogueQuery } from './catalogue-fields.js';
import { DonorDto } from './catalogues.responses.js';
import { CreateDonorDto } from './donors.dto.js';
import { DonorsService } from './donors.service.js';

@ApiTags('catalogues')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('donors')
export class DonorsController {
  constructor(private readonly donors: DonorsService) {}

  @Get()
  @ApiOperation({ summary: 'Donors (cooperantes), e.g. UE, BE' })
  @ApiPage(DonorDto)
  @ApiErrors(400)
  list(@Query() q: CatalogueQuery) {
    return this.donors.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One donor' })
  @ApiOkResponse({ type: DonorDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string) {
    return this.donors.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Register a donor (ADMIN); the code must be new' })
  @ApiCreatedResponse({ type: DonorDto })
  @ApiErrors(400, 403)
  register(@Body() dto: CreateDonorDto, @CurrentUser() me: AuthUser) {
    return this.donors.register(dto, me);
  }
}
