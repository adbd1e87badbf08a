import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hasPermission } from '@watchfloor/access';
import type { Permission } from '@watchfloor/access';
import type { AuthenticationService } from '../auth/authentication.service';
import { credentialFrom } from '../auth/credentials-from-request';

/**
 * The dashboard is Express, outside Nest's guard, so it gets the guard's decision here: the same
 * credentials (session cookie or bearer token), 401 without one, 403 without the permission. A
 * signed-out browser opening the page is sent to sign in and brought back.
 */
export function onlyWithPermission(
  authentication: AuthenticationService,
  permission: Permission,
  loginReturnPath: string,
): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    authentication.resolve(credentialFrom(request.headers)).then(
      (principal) => {
        if (principal === null) {
          if (request.method === 'GET' && request.accepts(['json', 'html']) === 'html') {
            response.redirect(302, `/login?next=${encodeURIComponent(loginReturnPath)}`);
            return;
          }
          response.status(401).json({ statusCode: 401, message: 'Sign in, or present a valid token' });
          return;
        }
        if (!hasPermission(principal, permission)) {
          response.status(403).json({ statusCode: 403, message: `Needs the ${permission} permission` });
          return;
        }
        next();
      },
      (error: Error) => next(error),
    );
  };
}
