import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '@watchfloor/config';
import { KIOSK_COOKIE, SESSION_COOKIE } from './credentials-from-request';

/**
 * HttpOnly (no script reads them), SameSite=Strict (no other site's page sends them) and Secure
 * whenever PUBLIC_URL is https (COOKIE_SECURE overrides), for sessions and kiosk screens alike.
 */
function cookieOptions(config: AppConfig, expires: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.auth.cookieSecure, path: '/', expires };
}

export function setSessionCookie(response: Response, config: AppConfig, token: string, expiresAt: string): void {
  response.cookie(SESSION_COOKIE, token, cookieOptions(config, new Date(expiresAt)));
}

export function setKioskCookie(response: Response, config: AppConfig, token: string, expiresAt: string): void {
  response.cookie(KIOSK_COOKIE, token, cookieOptions(config, new Date(expiresAt)));
}

export function clearAuthCookies(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
  response.clearCookie(KIOSK_COOKIE, { path: '/' });
}
