import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../system/running-system';
import { RedisUnavailableError, startLocalRedis } from './local-redis';

describe('startLocalRedis', () => {
  const originalPath = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = originalPath;
  });

  it('stops with both remedies named when there is no redis-server to start', async () => {
    const port = await freePort();
    process.env['PATH'] = mkdtempSync(join(tmpdir(), 'wf-empty-path-'));
    const starting = startLocalRedis(mkdtempSync(join(tmpdir(), 'wf-data-')), port, () => undefined);
    await expect(starting).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(starting).rejects.toThrow(/install Redis.*docker compose up -d/s);
  });
});
