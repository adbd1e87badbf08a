import { SetMetadata, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Permission, Principal } from '@watchfloor/access';

export const PUBLIC_ROUTE = 'watchfloor:public';
export const REQUIRED_PERMISSION = 'watchfloor:permission';

/** Open to anyone, signed in or not. Only health, login and the API docs are. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Open to principals holding this permission. Every other route must say which it needs. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string>;
  ip?: string;
}

/** The principal the guard authenticated. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal === undefined) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});
