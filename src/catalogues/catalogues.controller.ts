import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CatalogueQuery, CreateBudgetProgramDto, CreateDonorDto, CreateEntityDto, CreateFundingProgramDto } from './catalogue.dto.js';
import { CataloguesService } from './catalogues.service.js';

/** Catalogues: everyone reads, only ADMIN writes. */
@ApiTags('catalogues')
@ApiBearerAuth()
@Controller()
export class CataloguesController {
  constructor(private readonly catalogues: CataloguesService) {}

  @Get('donors') @ApiOperation({ summary: 'Donors (cooperantes)' })
  donors(@Query() q: CatalogueQuery) { return this.catalogues.list('donors', q); }

  @Post('donors') @Roles('ADMIN') @ApiOperation({ summary: 'Add a donor (ADMIN)' })
  createDonor(@Body() d: CreateDonorDto, @CurrentUser() u: AuthUser) { return this.catalogues.createDonor(d, u); }

  @Get('funding-programs') @ApiOperation({ summary: 'Funding programmes (EUROPAN, EURO-ECOTRADE, ENLCD…)' })
  fundingPrograms(@Query() q: CatalogueQuery) { return this.catalogues.list('fundingPrograms', q); }

  @Post('funding-programs') @Roles('ADMIN') @ApiOperation({ summary: 'Add a funding programme (ADMIN)' })
  createFundingProgram(@Body() d: CreateFundingProgramDto, @CurrentUser() u: AuthUser) { return this.catalogues.createFundingProgram(d, u); }

  @Get('entities') @ApiOperation({ summary: 'Public entities (pliegos): regional governments, RENIEC, SIS…' })
  entities(@Query() q: CatalogueQuery) { return this.catalogues.list('entities', q); }

  @Post('entities') @Roles('ADMIN') @ApiOperation({ summary: 'Add an entity (ADMIN)' })
  createEntity(@Body() d: CreateEntityDto, @CurrentUser() u: AuthUser) { return this.catalogues.createEntity(d, u); }

  @Get('budget-programs') @ApiOperation({ summary: 'Budget programmes (PP 0001, PP 0079…) with their products' })
  budgetPrograms(@Query() q: CatalogueQuery) { return this.catalogues.list('budgetPrograms', q); }

  @Post('budget-programs') @Roles('ADMIN') @ApiOperation({ summary: 'Add a budget programme with its products (ADMIN)' })
  createBudgetProgram(@Body() d: CreateBudgetProgramDto, @CurrentUser() u: AuthUser) { return this.catalogues.createBudgetProgram(d, u); }
}
