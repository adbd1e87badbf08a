import { ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission } from '@watchfloor/access';
import type { Permission } from '@watchfloor/access';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './auth.decorators';
import type { AuthenticatedRequest } from './auth.decorators';
import { AuthenticationService } from './authentication.service';
import { credentialFrom } from './credentials-from-request';

/**
 * Every HTTP route passes here. Public routes are let through; every other route needs a live
 * credential (401 without one) holding the permission the route declares (403 without it).
 * A route that declares nothing is refused: new routes are closed until someone decides.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authentication.resolve(credentialFrom(request.headers));
    if (principal === null) throw new UnauthorizedException('Sign in, or present a valid token');
    request.principal = principal;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission === undefined) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no permission: refused`);
      throw new ForbiddenException('This route is not open to anyone yet');
    }
    if (!hasPermission(principal, permission)) throw new ForbiddenException(`Needs the ${permission} permission`);
    return true;
  }
}
