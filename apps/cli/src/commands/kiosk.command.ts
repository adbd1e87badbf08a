import { z } from 'zod';
import { loadKioskTtlDays, loadPublicAddress } from '@watchfloor/config';
import { KioskTokenRepository, createKioskToken, rotateKioskToken } from '@watchfloor/persistence';
import type { KioskDeps } from '@watchfloor/persistence';
import type { DataSource } from 'typeorm';
import { cliAuditRepository } from './cli-audit';
import { resolveServiceEnv } from '../local-services/service-urls';
import { CLI_ACTOR, withDatabase } from './with-database';

const kioskName = z.string().trim().min(1, 'give the screen a name').max(80);

/** `kiosk create NAME`: prints the new screen's wall URL, token included, and nothing else. */
export async function kioskCreateCommand(name: string | undefined, output: NodeJS.WritableStream): Promise<number> {
  const parsed = kioskName.safeParse(name ?? '');
  if (!parsed.success) throw new Error(`NAME: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const { wallUrl } = await withDatabase((dataSource) =>
    createKioskToken(kioskDeps(dataSource), parsed.data, CLI_ACTOR),
  );
  output.write(`${wallUrl}\n`);
  return 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `kiosk rotate ID|NAME`: gives a screen a new token and prints its new wall URL; the old URL
 * stops working at once (screens showing it go dark within a second).
 */
export async function kioskRotateCommand(screen: string | undefined, output: NodeJS.WritableStream): Promise<number> {
  const wanted = kioskName.safeParse(screen ?? '');
  if (!wanted.success) throw new Error('ID|NAME: name the screen to rotate, by its id or its name');
  const { wallUrl } = await withDatabase(async (dataSource) => {
    const deps = kioskDeps(dataSource);
    const live = (await deps.kiosks.list()).filter((kiosk) => kiosk.revokedAt === null);
    const matches = UUID.test(wanted.data)
      ? live.filter((kiosk) => kiosk.id === wanted.data.toLowerCase())
      : live.filter((kiosk) => kiosk.name === wanted.data);
    if (matches.length === 0) throw new Error(`no screen that is not revoked is called ${wanted.data}`);
    if (matches.length > 1) {
      throw new Error(
        `${matches.length} screens are called ${wanted.data}: rotate by id (${matches.map((kiosk) => kiosk.id).join(', ')})`,
      );
    }
    const rotated = await rotateKioskToken(deps, matches[0]!.id, CLI_ACTOR);
    if (rotated === null) throw new Error(`screen ${wanted.data} was revoked meanwhile`);
    return rotated;
  });
  output.write(`${wallUrl}\n`);
  return 0;
}

function kioskDeps(dataSource: DataSource): KioskDeps {
  const env = resolveServiceEnv();
  return {
    kiosks: new KioskTokenRepository(dataSource),
    audit: cliAuditRepository(dataSource),
    publicUrl: loadPublicAddress(env).publicUrl,
    ttlDays: loadKioskTtlDays(env),
  };
}
