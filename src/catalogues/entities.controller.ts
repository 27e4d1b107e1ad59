import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { CreateEntityDto, EntityQuery } from './entities.dto.js';
import { EntitiesService } from './entities.service.js';

@ApiTags('catalogues')
@ApiBearerAuth()
@Controller('entities')
export class EntitiesController {
  constructor(private readonly entities: EntitiesService) {}

  @Get()
  @ApiOperation({ summary: 'Public entities (pliegos) that sign agreements or verify them' })
  list(@Query() q: EntityQuery) {
    return this.entities.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One entity' })
  get(@Param('id', UuidPipe) id: string) {
    return this.entities.get(id);
  }

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Register an entity (ADMIN); the code must be new, the UBIGEO known' })
  register(@Body() dto: CreateEntityDto, @CurrentUser() me: AuthUser) {
    return this.entities.register(dto, me);
  }
}
