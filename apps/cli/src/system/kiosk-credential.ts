import { AuditRepository, KioskTokenRepository, createDataSource, createKioskToken } from '@watchfloor/persistence';

/** A kiosk token for a benchmark's or test's wall client, made the way `watchfloor kiosk create` makes one. */
export async function createKioskCredential(databaseUrl: string, name: string): Promise<string> {
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
  try {
    const { wallUrl } = await createKioskToken(
      {
        kiosks: new KioskTokenRepository(dataSource),
        audit: new AuditRepository(dataSource),
        publicUrl: 'http://localhost',
        ttlDays: 1,
      },
      name,
      { type: 'system', id: null, label: name },
    );
    return new URL(wallUrl).searchParams.get('kiosk')!;
  } finally {
    await dataSource.destroy();
  }
}
