import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage } from '../common/pagination.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { EntityDto } from './catalogues.responses.js';
import { CreateEntityDto, EntityQuery } from './entities.dto.js';
import { EntitiesService } from './entities.service.js';

@ApiTags('catalogues')
@ApiBearerAuth()
@ApiAuthenticated()
@Controller('entities')
export class EntitiesController {
  constructor(private readonly entities: EntitiesService) {}

  @Get()
  @ApiOperation({ summary: 'Public entities (pliegos) that sign agreements or verify them' })
  @ApiPage(EntityDto)
  @ApiErrors(400)
  list(@Query() q: EntityQuery) {
    return this.entities.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One entity' })
  @ApiOkResponse({ type: EntityDto })
  @ApiErrors(400, 404)
  get(@Param('id', UuidPipe) id: string) {
    return this.entities.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Register an entity (ADMIN); the code must be new, the UBIGEO known' })
  @ApiCreatedResponse({ type: EntityDto })
  @ApiErrors(400, 403)
  register(@Body() dto: CreateEntityDto, @CurrentUser() me: AuthUser) {
    return this.entities.register(dto, me);
  }
}
