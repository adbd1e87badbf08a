import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { AppConfig } from '@watchfloor/config';
import { extractFeatures, mentionReach } from '@watchfloor/analysis';
import {
  AnalysisStreamClient,
  LivePublisherClient,
  QueryChangesChannel,
  WallFeedClient,
  createRedisConnection,
} from '@watchfloor/messaging';
import { SecretBox } from '@watchfloor/access';
import {
  AnalysisRepository,
  IssueCaseRepository,
  ListeningQueryRepository,
  NotificationRepository,
  RuleSetRepository,
  TeamRepository,
  TriageRepository,
  WallRepository,
  createDataSource,
} from '@watchfloor/persistence';
import { AnalysisLoop } from './analysis-loop';
import { SlowPanels } from '../wall/slow-panels';
import { WallFeed } from '../wall/wall-feed';
import { TriageRouter } from './triage-router';
import type { AnalysisThreadMessage } from './analysis-thread-protocol';
import { STOP_ANALYSIS } from './analysis-thread-protocol';

/**
 * The analysis loop in a thread of its own: its rounds (thousands of mentions at a time) never hold
 * up the worker's ingest jobs, and a second core can run it. It opens its own database and Redis
 * connections, as nothing is shared across threads.
 */
async function main(config: AppConfig): Promise<void> {
  const tell = (message: AnalysisThreadMessage) => parentPort?.postMessage(message);
  const name = `watchfloor-analysis-${process.pid}-${threadId}`;
  const stop = new AbortController();
  const onMessage = (message: unknown) => {
    if (message === STOP_ANALYSIS) stop.abort();
  };
  parentPort?.on('message', onMessage);
  const dataSource = await createDataSource({
    url: config.databaseUrl,
    applicationName: name,
    poolSize: 2,
  }).initialize();
  const redis = createRedisConnection(config.redisUrl, name);
  // Blocking stream reads need a connection of their own.
  const reader = createRedisConnection(config.redisUrl, `${name}-reader`);
  for (const connection of [redis, reader]) {
    connection.on('error', (error: Error) => tell({ level: 'warn', message: `Redis: ${error.message}` }));
  }
  try {
    const live = new LivePublisherClient(redis, config.redisPrefix);
    const issueCases = new IssueCaseRepository(dataSource);
    const warn = (what: string) => (error: Error) => tell({ level: 'warn', message: `${what}: ${error.message}` });
    const noTerms = new Set<string>();
    const wall = new WallFeed({
      frames: new WallFeedClient(redis, config.redisPrefix),
      live,
      slowPanels: new SlowPanels(new WallRepository(dataSource), issueCases, warn('wall panel not read')),
      builder: { reachOf: mentionReach, termsOf: (text) => extractFeatures(text, noTerms).keys() },
      onError: warn('wall frame not sent'),
    });
    const loop = new AnalysisLoop({
      stream: new AnalysisStreamClient(reader, config.redisPrefix),
      results: new AnalysisRepository(dataSource),
      queries: new ListeningQueryRepository(dataSource),
      queryChanges: new QueryChangesChannel(redis, config.redisPrefix),
      live,
      wall,
      issueCases,
      router: new TriageRouter({
        ruleSets: new RuleSetRepository(dataSource),
        teams: new TeamRepository(dataSource),
        triage: new TriageRepository(dataSource),
        // Alerts are gathered by channel id alone: no channel target is opened here.
        notifications: new NotificationRepository(
          dataSource,
          config.secretKey === undefined ? null : SecretBox.fromEncodedKey(config.secretKey),
        ),
      }),
      consumer: name,
      claimIdleMs: config.worker.lockMs,
      coldStartMs: config.analysis.coldStartMs,
      onError: (error) => tell({ level: 'warn', message: `analysis round not stored, retrying: ${error.message}` }),
    });
    tell({ level: 'log', message: 'analysis running' });
    await loop.run(stop.signal);
  } finally {
    // A listener on the parent port keeps the thread alive: without this it never exits on stop.
    parentPort?.off('message', onMessage);
    reader.disconnect();
    await redis.quit().catch(() => redis.disconnect());
    await dataSource.destroy();
  }
}

// A failure is left unhandled on purpose: it ends the thread, and the worker sees the job fail with it.
void main(workerData as AppConfig);
