import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG } from '@watchfloor/nest-runtime';
import { AuditRepository, KioskTokenRepository, createKioskToken, rotateKioskToken } from '@watchfloor/persistence';
import type { KioskDeps, KioskRecord } from '@watchfloor/persistence';
import { LiveGateway } from '../live/live.gateway';

@Injectable()
export class KiosksService {
  constructor(
    private readonly kiosks: KioskTokenRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<KioskRecord[]> {
    return this.kiosks.list();
  }

  /** The token is shown once, inside the wall URL; only its hash is kept. */
  create(name: string, by: Principal): Promise<{ kiosk: KioskRecord; wallUrl: string }> {
    return createKioskToken(this.deps(), name, actorOf(by));
  }

  /**
   * A new wall URL for a screen (and a new expiry); the old token is dead at once, and the
   * screens still showing it go dark on every API instance.
   */
  async rotate(id: string, by: Principal): Promise<{ kiosk: KioskRecord; wallUrl: string }> {
    const rotated = await rotateKioskToken(this.deps(), id, actorOf(by));
    if (rotated === null) throw new NotFoundException(`No kiosk screen ${id} that is not revoked`);
    this.live.revoke({ kind: 'kiosk', id }, 'this screen’s link was replaced: open the new one');
    return rotated;
  }

  private deps(): KioskDeps {
    return {
      kiosks: this.kiosks,
      audit: this.audit,
      publicUrl: this.config.publicUrl,
      ttlDays: this.config.auth.kioskTtlDays,
    };
  }

  /** Revokes the token and blanks every screen using it, on every API instance, at once. */
  async revoke(id: string, by: Principal): Promise<KioskRecord> {
    const revoked = await this.audit.audited(async (db, audit) => {
      const kiosk = await this.kiosks.revoke(id, db);
      if (kiosk === null) throw new NotFoundException(`No live kiosk token ${id}`);
      await audit({
        actor: actorOf(by),
        action: 'kiosk.revoked',
        target: { type: 'kiosk', id },
        before: { ...kiosk, revokedAt: null },
        after: kiosk,
      });
      return kiosk;
    });
    this.live.revoke({ kind: 'kiosk', id }, 'this screen’s access was revoked');
    return revoked;
  }
}
