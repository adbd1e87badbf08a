import { Controller, Get, Inject, Query, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type Redis from 'ioredis';
import { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import type { WallFramesResponse, WallQueryView, WallSnapshotResponse } from '@watchfloor/contracts';
import { WallFeedClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { ListeningQueryRepository } from '@watchfloor/persistence';
import { emptyWallState } from '@watchfloor/wall';
import { Requires } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';

const framesQuery = z
  .object({ after: z.string().regex(/^\d{1,15}-\d{1,10}$/, 'must be a frame id such as 1764000000000-0') })
  .strict();

/** The wall's frame log: where a screen starts, and how it catches up after a drop or a restart. */
@ApiTags('wall')
@Controller('wall')
export class WallController {
  private readonly feed: WallFeedClient;

  constructor(
    private readonly queries: ListeningQueryRepository,
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.feed = new WallFeedClient(redis, config.redisPrefix);
  }

  @Get('snapshot')
  @Requires(Permission.ViewWall)
  @ApiOperation({ summary: 'The wall as of the last checkpoint, and the frames made since: where a screen starts' })
  async snapshot(): Promise<WallSnapshotResponse> {
    const snapshot = await this.feed.snapshot(emptyWallState());
    if (snapshot === null)
      throw new ServiceUnavailableException('the wall feed is restarting; try again in a few seconds');
    return snapshot;
  }

  @Get('frames')
  @Requires(Permission.ViewWall)
  @ApiOperation({ summary: 'The frames after the one a screen last applied, or reset if they are no longer kept' })
  @ApiQuery({ name: 'after', required: true, schema: { type: 'string', example: '1764000000000-0' } })
  frames(@Query(new ZodValidationPipe(framesQuery)) query: z.infer<typeof framesQuery>): Promise<WallFramesResponse> {
    return this.feed.framesAfter(query.after);
  }

  @Get('queries')
  @Requires(Permission.ViewWall)
  @ApiOperation({ summary: 'The saved queries by name and kind (brand or competitor), to label share of voice' })
  async listQueries(): Promise<WallQueryView[]> {
    const queries = await this.queries.list();
    return queries.map(({ id, name, kind, enabled }) => ({ id, name, kind, enabled }));
  }
}
