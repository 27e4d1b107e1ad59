import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CreateBudgetProgramDto } from './budget-programs.dto.js';
import { BudgetProgramsService } from './budget-programs.service.js';
import { CatalogueQuery } from './catalogue-fields.js';
import { BudgetProgramDto } from './catalogues.responses.js';

@ApiTags('catalogues')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('budget-programs')
export class BudgetProgramsController {
  constructor(private readonly programs: BudgetProgramsService) {}

  @Get()
  @ApiOperation({ summary: 'Budget programmes (Programas Presupuestales, PP 0001…) with their products' })
  @ApiPage(BudgetProgramDto)
  @ApiErrors(400)
  list(@Query() q: CatalogueQuery) {
    return this.programs.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One budget programme with its products' })
  @ApiOkResponse({ type: BudgetProgramDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string) {
    return this.programs.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Register a budget programme and its products (ADMIN); the code must be new' })
  @ApiCreatedResponse({ type: BudgetProgramDto })
  @ApiErrors(400, 403)
  register(@Body() dto: CreateBudgetProgramDto, @CurrentUser() me: AuthUser) {
    return this.programs.register(dto, me);
  }
}
