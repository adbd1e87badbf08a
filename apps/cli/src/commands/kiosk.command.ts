import { z } from 'zod';
import { loadPublicAddress } from '@watchfloor/config';
import { AuditRepository, KioskTokenRepository, createKioskToken } from '@watchfloor/persistence';
import { resolveServiceEnv } from '../local-services/service-urls';
import { CLI_ACTOR, withDatabase } from './with-database';

const kioskName = z.string().trim().min(1, 'give the screen a name').max(80);

/** `kiosk create NAME`: prints the new screen's wall URL, token included, and nothing else. */
export async function kioskCreateCommand(name: string | undefined, output: NodeJS.WritableStream): Promise<number> {
  const parsed = kioskName.safeParse(name ?? '');
  if (!parsed.success) throw new Error(`NAME: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const { publicUrl } = loadPublicAddress(resolveServiceEnv());
  const { wallUrl } = await withDatabase((dataSource) =>
    createKioskToken(
      { kiosks: new KioskTokenRepository(dataSource), audit: new AuditRepository(dataSource), publicUrl },
      parsed.data,
      CLI_ACTOR,
    ),
  );
  output.write(`${wallUrl}\n`);
  return 0;
}
