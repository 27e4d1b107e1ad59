import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CatalogueQuery } from './catalogue-fields.js';
import { CreateDonorDto } from './donors.dto.js';
import { DonorsService } from './donors.service.js';

@ApiTags('catalogues')
@ApiBearerAuth()
@Controller('donors')
export class DonorsController {
  constructor(private readonly donors: DonorsService) {}

  @Get()
  @ApiOperation({ summary: 'Donors (cooperantes), e.g. UE, BE' })
  list(@Query() q: CatalogueQuery) {
    return this.donors.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One donor' })
  get(@Param('id', UuidPipe) id: string) {
    return this.donors.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Register a donor (ADMIN); the code must be new' })
  register(@Body() dto: CreateDonorDto, @CurrentUser() me: AuthUser) {
    return this.donors.register(dto, me);
  }
}
