import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser, Role } from './auth-user.js';

export const IS_PUBLIC = 'tramos:public';
export const ROLES_KEY = 'tramos:roles';

/** No token needed (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Only these roles may call the endpoint (scoping of the data is still done in the queries). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
