import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiError, ApiErrors } from '../common/api-errors.js';
import type { AuthUser } from './auth-user.js';
import { ChangePasswordDto, LoginDto, LoginResponse, UserView } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public } from './decorators.js';

@ApiTags('auth')
@ApiErrors(429)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; answers a short-lived bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400)
  @ApiError(401, 'Wrong e-mail or password, or a disabled user (the same answer for each)')
  @ApiError(429, 'Too many failed logins from this address or for this account, or too many requests')
  login(@Body() body: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(body.email, body.password, req.ip ?? 'unknown');
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am: the user behind the token, with role and the entity, programme or donor it is linked to' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(401)
  me(@CurrentUser() user: AuthUser): UserView {
    return user;
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my own password (ends my other tokens)' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(400, 401)
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }
}
