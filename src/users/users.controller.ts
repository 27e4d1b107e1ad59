import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiAuthenticated, ApiErrors } from '../common/api-errors.js';
import { ApiPage } from '../common/pagination.js';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto.js';
import { UserAccountDto } from './users.responses.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@ApiAuthenticated()
@ApiErrors(403)
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users (ADMIN)' })
  @ApiPage(UserAccountDto)
  @ApiErrors(400)
  list(@Query() q: UserListQuery) {
    return this.users.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with one role and, where the role needs it, its entity or programme' })
  @ApiCreatedResponse({ type: UserAccountDto })
  @ApiErrors(400)
  create(@Body() dto: CreateUserDto, @CurrentUser() me: AuthUser) {
    return this.users.create(dto, me);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user; `active: false` disables it and ends its tokens at once' })
  @ApiOkResponse({ type: UserAccountDto })
  @ApiErrors(400, 404)
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto, @CurrentUser() me: AuthUser) {
    return this.users.update(id, dto, me);
  }
}
