import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';

@Module({ controllers: [AuthController], providers: [AuthService, AuthGuard], exports: [AuthGuard] })
export class AuthModule {}
