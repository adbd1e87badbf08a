import type { DataSource } from 'typeorm';
import { hashToken, newSecretToken } from '@watchfloor/access';
import {
  AuditRepository,
  KioskTokenRepository,
  SessionRepository,
  TeamRepository,
  UnknownUsersError,
  UserRepository,
  createDataSource,
  createUser,
} from '@watchfloor/persistence';
import { createTestDatabase } from '../../../test/support/test-services';

const SPEC = { type: 'system', id: null, label: 'spec' } as const;

describe('access repositories (PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('finds the user behind a live session, with teams, and nobody behind an ended one', async () => {
    const users = new UserRepository(dataSource);
    const sessions = new SessionRepository(dataSource);
    const teams = new TeamRepository(dataSource);
    const user = await createUser(
      { users, audit: new AuditRepository(dataSource) },
      { email: 'dana@example.com', displayName: 'Dana', role: 'agent', password: 'long enough password' },
      SPEC,
    );
    const team = await teams.create('Customer care');
    await teams.setMembers(team.id, [user.id]);
    const token = newSecretToken();
    await sessions.create(user.id, hashToken(token), new Date(Date.now() + 60_000));

    expect(await sessions.findPrincipal(hashToken(token))).toMatchObject({
      kind: 'user',
      email: 'dana@example.com',
      role: 'agent',
      teamIds: [team.id],
    });
    expect(await sessions.revokeAllOfUser(user.id)).toHaveLength(1);
    expect(await sessions.findPrincipal(hashToken(token))).toBeNull();
    await expect(teams.setMembers(team.id, ['00000000-0000-4000-8000-000000000000'])).rejects.toBeInstanceOf(
      UnknownUsersError,
    );
  });

  it('revokes a kiosk token once, and then no longer admits it', async () => {
    const kiosks = new KioskTokenRepository(dataSource);
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + 86_400_000);
    const kiosk = await kiosks.create({ name: 'Lobby', tokenHash: hashToken(token), createdBy: null, expiresAt });
    expect(await kiosks.findPrincipal(hashToken(token))).toEqual({
      kind: 'kiosk',
      kioskId: kiosk.id,
      name: 'Lobby',
      expiresAt: expiresAt.toISOString(),
    });

    const revoked = await kiosks.revoke(kiosk.id);
    expect(revoked).toMatchObject({ id: kiosk.id, name: 'Lobby', revokedAt: expect.any(String) });
    expect(await kiosks.revoke(kiosk.id)).toBeNull();
    expect(await kiosks.findPrincipal(hashToken(token))).toBeNull();
  });

  it('no longer admits a kiosk token past its expiry, and rotation gives the screen a new one that kills the old', async () => {
    const kiosks = new KioskTokenRepository(dataSource);
    const [old, renewed] = [newSecretToken(), newSecretToken()];
    const kiosk = await kiosks.create({
      name: 'Expired lobby',
      tokenHash: hashToken(old),
      createdBy: null,
      expiresAt: new Date(Date.now() - 1_000),
    });
    expect(await kiosks.findPrincipal(hashToken(old))).toBeNull();

    const rotated = await kiosks.rotate(kiosk.id, hashToken(renewed), new Date(Date.now() + 86_400_000));
    expect(rotated).toMatchObject({ id: kiosk.id, name: 'Expired lobby', rotatedAt: expect.any(String) });
    expect(await kiosks.findPrincipal(hashToken(renewed))).toMatchObject({ kioskId: kiosk.id });
    expect(await kiosks.findPrincipal(hashToken(old))).toBeNull();
    await kiosks.revoke(kiosk.id);
    expect(await kiosks.rotate(kiosk.id, hashToken(newSecretToken()), new Date(Date.now() + 1_000))).toBeNull();
  });
});
