import type { DataSource } from 'typeorm';
import { AuditSigner } from '@watchfloor/access';
import { AuditRepository, createDataSource } from '@watchfloor/persistence';
import type { AuditNote } from '@watchfloor/persistence';
import { createTestDatabase } from '../../../test/support/test-services';

const note = (action: string, after: unknown = { n: action }): AuditNote => ({
  actor: { type: 'system', id: null, label: 'spec' },
  action,
  target: { type: 'thing', id: action },
  before: null,
  after,
});

describe('AuditRepository (PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let audit: AuditRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 8 }).initialize();
    audit = new AuditRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('keeps one unbroken chain under concurrent changes', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, index) => audit.audited((_db, record) => record(note(`change.${index}`)))),
    );
    const verdict = await audit.verifyChain(7);
    expect(verdict).toMatchObject({ ok: true, entries: 25 });
  });

  it('records nothing for a change that rolls back, and leaves no gap', async () => {
    await expect(
      audit.audited(async (_db, record) => {
        await record(note('doomed'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await audit.audited((_db, record) => record(note('after.rollback', { nested: { b: 2, a: [1, 'x'] } })));
    const entries = await audit.find({ limit: 1_000 });
    expect(entries.map((entry) => entry.action)).not.toContain('doomed');
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, index) => index + 1));
    expect(await audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('refuses to change or delete an entry', async () => {
    await expect(dataSource.query(`UPDATE audit_entry SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_entry WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('detects a row tampered with by someone who got past the trigger', async () => {
    await dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change');
    try {
      await dataSource.query(`UPDATE audit_entry SET after = '{"n": "rewritten"}' WHERE seq = 5`);
    } finally {
      await dataSource.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change');
    }
    expect(await audit.verifyChain(3)).toEqual({
      ok: false,
      entries: 5,
      brokenAt: 5,
      reason: 'its content does not match its hash',
    });
  });
});

describe('AuditRepository with AUDIT_SIGNING_KEY (PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let audit: AuditRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 4 }).initialize();
    audit = new AuditRepository(dataSource, AuditSigner.fromEncodedKey(AuditSigner.generateKey()));
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('signs every entry and checkpoints the head with every change', async () => {
    for (const action of ['one', 'two', 'three', 'four']) await audit.audited((_db, record) => record(note(action)));
    const entries = await audit.find({ limit: 10 });
    expect(entries.map((entry) => entry.signature)).toEqual(
      entries.map((): unknown => expect.stringMatching(/^hmac-sha256:/)),
    );
    expect(await audit.newestCheckpoint()).toMatchObject({ seq: 4, headHash: entries[3]!.hash });
    expect(await audit.verifyChain(3)).toMatchObject({ ok: true, entries: 4, signed: true, checkpoint: { seq: 4 } });
  });

  it('detects the newest entries deleted by someone who got past the trigger', async () => {
    await dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_change');
    try {
      await dataSource.query('DELETE FROM audit_entry WHERE seq > 2');
    } finally {
      await dataSource.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_change');
    }
    expect(await audit.verifyChain()).toEqual({
      ok: false,
      entries: 2,
      brokenAt: 3,
      reason: expect.stringMatching(/entries 3 to 4 are missing: .* names 4 entries, the log holds 2/),
    });
  });

  it('keeps the checkpoints append-only too', async () => {
    await expect(dataSource.query('DELETE FROM audit_checkpoint')).rejects.toThrow(/append-only/);
    await expect(dataSource.query('TRUNCATE audit_checkpoint')).rejects.toThrow(/append-only/);
  });
});
