import type { DataSource } from 'typeorm';
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
