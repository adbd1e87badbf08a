import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { QueryChangesChannel } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { compileQueryTagger } from '@watchfloor/pipeline';
import type { QueryTagger } from '@watchfloor/pipeline';
import { EnabledQueries } from './enabled-queries.service';

/** A fallback for an announcement missed while Redis was away. */
const REFRESH_MS = 60_000;

/** The pipeline's query tagger, recompiled whenever the queries change, and every minute besides. */
@Injectable()
export class QueryTags implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueryTags.name);
  private tagger: QueryTagger = () => [];
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly queries: EnabledQueries,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const refresh = () => {
      this.refresh().catch((error: Error) => this.logger.warn(`queries not refreshed: ${error.message}`));
    };
    this.stopListening = await new QueryChangesChannel(this.redis, this.config.redisPrefix).listen(refresh);
    await this.refresh();
    this.timer = setInterval(refresh, REFRESH_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.stopListening?.();
  }

  readonly current = (): QueryTagger => this.tagger;

  private async refresh(): Promise<void> {
    this.tagger = compileQueryTagger(await this.queries.load());
  }
}
