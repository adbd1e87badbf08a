import { Inject, Injectable } from '@nestjs/common';
import { PasswordHasher, actorOf, emailSchema, hashToken, newSecretToken } from '@watchfloor/access';
import type { KioskPrincipal, Principal, UserPrincipal } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG } from '@watchfloor/nest-runtime';
import { AuditRepository, KioskTokenRepository, SessionRepository, UserRepository } from '@watchfloor/persistence';

export interface LoginResult {
  token: string;
  principal: UserPrincipal;
}

/** Turns credentials into principals, and sessions into being and out of it. */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly kiosks: KioskTokenRepository,
    private readonly audit: AuditRepository,
    private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Who holds this token: a live session of an enabled user, or a kiosk screen; else null. */
  async resolve(token: string | undefined): Promise<Principal | null> {
    // Our tokens are 43 characters of base64url; anything else is not worth a query.
    if (token === undefined || !/^[\w-]{43}$/.test(token)) return null;
    const tokenHash = hashToken(token);
    const user = await this.sessions.findPrincipal(tokenHash);
    if (user !== null) return user;
    const kiosk: KioskPrincipal | null = await this.kiosks.findPrincipal(tokenHash);
    if (kiosk !== null) await this.kiosks.touch(kiosk.kioskId);
    return kiosk;
  }

  /** The kiosk screen holding this token, if it is live; else null (sessions do not count). */
  async resolveKiosk(token: string): Promise<KioskPrincipal | null> {
    if (!/^[\w-]{43}$/.test(token)) return null;
    return this.kiosks.findPrincipal(hashToken(token));
  }

  /**
   * A new session for the right e-mail and password; null otherwise, in the same time either way.
   * A password stored under an older hash (bcrypt) is rehashed with argon2id now that we have it.
   */
  async login(email: string, password: string): Promise<LoginResult | null> {
    const parsedEmail = emailSchema.safeParse(email);
    const account = parsedEmail.success ? await this.users.findCredentials(parsedEmail.data) : null;
    const check = await this.passwords.verify(password, account?.passwordHash ?? null);
    if (account === null || !check.valid || account.disabled) return null;
    if (check.needsRehash) {
      await this.users.upgradePasswordHash(account.id, account.passwordHash, await this.passwords.hash(password));
    }
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.auth.sessionTtlHours * 3_600_000);
    await this.sessions.create(account.id, hashToken(token), expiresAt);
    const principal = await this.sessions.findPrincipal(hashToken(token));
    if (principal === null) return null;
    await this.audit.audited(async (_db, audit) =>
      audit({
        actor: actorOf(principal),
        action: 'session.started',
        target: { type: 'session', id: principal.sessionId },
        before: null,
        after: { expiresAt: principal.expiresAt },
      }),
    );
    return { token, principal };
  }

  async logout(principal: UserPrincipal): Promise<void> {
    await this.audit.audited(async (db, audit) => {
      await this.sessions.revoke(principal.sessionId, db);
      await audit({
        actor: actorOf(principal),
        action: 'session.ended',
        target: { type: 'session', id: principal.sessionId },
        before: null,
        after: null,
      });
    });
  }
}
