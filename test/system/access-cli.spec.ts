import type { DataSource } from 'typeorm';
import { hashToken } from '@watchfloor/access';
import { KioskTokenRepository, UserRepository, createDataSource } from '@watchfloor/persistence';
import { runCommand } from '../support/run-command';
import { createTestDatabase } from '../support/test-services';

jest.setTimeout(60_000);

describe('pnpm watchfloor user / kiosk / audit', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  const run = (args: string[], stdin = '') =>
    runCommand('pnpm', ['-s', 'watchfloor', ...args], {
      stdin,
      env: { DATABASE_URL: database.url, PUBLIC_URL: 'https://watchfloor.example.com' },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('adds a user with the password from stdin, hashed with argon2id, and says so on stdout only', async () => {
    const { code, stdout } = await run(
      ['user', 'add', '--email', 'Root@Example.com', '--role', 'admin'],
      'a very long password\n',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ id: expect.any(String), email: 'root@example.com', role: 'admin' });
    const credentials = await new UserRepository(dataSource).findCredentials('root@example.com');
    expect(credentials?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a bad role, a bad e-mail and a short password, naming each, and stores nothing', async () => {
    const { code, stdout, stderr } = await run(['user', 'add', '--email', 'nope', '--role', 'boss'], 'short\n');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /email: .*role: must be one of admin, manager, agent, analyst, viewer.*password: must be at least 12/s,
    );
    expect(await new UserRepository(dataSource).count()).toBe(1);
  });

  it('prints only the wall URL of a new kiosk screen, whose token works', async () => {
    const { code, stdout } = await run(['kiosk', 'create', 'Lobby screen']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^https:\/\/watchfloor\.example\.com\/wall\?kiosk=[\w-]{43}\n$/);
    const token = new URL(stdout.trim()).searchParams.get('kiosk')!;
    expect(await new KioskTokenRepository(dataSource).findPrincipal(hashToken(token))).toMatchObject({
      name: 'Lobby screen',
    });
  });

  it('verifies the audit chain, and exits 1 naming the entry once a row is tampered with', async () => {
    const intact = await run(['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, entries: 2 });

    await dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change');
    await dataSource.query(
      `UPDATE audit_entry SET actor = '{"type":"user","id":null,"label":"someone else"}' WHERE seq = 1`,
    );
    await dataSource.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change');
    const broken = await run(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, brokenAt: 1 });
    expect(broken.stderr).toContain('audit log broken at entry 1');
  });

  it('exports the audit log as JSON', async () => {
    const { code, stdout } = await run(['audit', 'export']);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { seq: number; action: string }[];
    expect(entries.map((entry) => [entry.seq, entry.action])).toEqual([
      [1, 'user.created'],
      [2, 'kiosk.created'],
    ]);
  });

  it('exports the audit log as CSV', async () => {
    const { code, stdout } = await run(['audit', 'export', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^seq,at,actor_type/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('kiosk.created');
  });

  it('rotates a screen by name: a new wall URL on stdout, the old token dead, the expiry renewed', async () => {
    const kiosks = new KioskTokenRepository(dataSource);
    const created = await run(['kiosk', 'create', 'Rotating screen']);
    const oldToken = new URL(created.stdout.trim()).searchParams.get('kiosk')!;
    const before = (await kiosks.findPrincipal(hashToken(oldToken)))!;

    const { code, stdout } = await run(['kiosk', 'rotate', 'Rotating screen']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^https:\/\/watchfloor\.example\.com\/wall\?kiosk=[\w-]{43}\n$/);
    const newToken = new URL(stdout.trim()).searchParams.get('kiosk')!;
    expect(await kiosks.findPrincipal(hashToken(oldToken))).toBeNull();
    const after = await kiosks.findPrincipal(hashToken(newToken));
    expect(after).toMatchObject({ kioskId: before.kioskId, name: 'Rotating screen' });
    expect(Date.parse(after!.expiresAt)).toBeGreaterThan(Date.now() + 89 * 86_400_000);

    const unknown = await run(['kiosk', 'rotate', 'No such screen']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no screen that is not revoked is called No such screen');
  });
});
