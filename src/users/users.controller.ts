import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users (ADMIN)' })
  list(@Query() q: UserListQuery) {
    return this.users.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Create a user with one role and, where the role needs it, its entity or programme' })
  create(@Body() dto: CreateUserDto, @CurrentUser() me: AuthUser) {
    return this.users.create(dto, me);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user; `active: false` disables it and ends its tokens at once' })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto, @CurrentUser() me: AuthUser) {
    return this.users.update(id, dto, me);
  }
}
