import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { toLiveMention } from '@watchfloor/contracts';
import type { LiveMention } from '@watchfloor/contracts';
import { Permission } from '@watchfloor/access';
import { MentionRepository } from '@watchfloor/persistence';
import type { VolumeMinute } from '@watchfloor/persistence';
import { Requires } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';

const recentQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
const volumeQuery = z.object({
  minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

@ApiTags('mentions')
@Controller()
export class MentionsController {
  constructor(private readonly mentions: MentionRepository) {}

  @Get('mentions/recent')
  @Requires(Permission.ReadMentions)
  @ApiOperation({ summary: 'The newest mentions, newest first: what a wall shows before live events arrive' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } })
  async recent(@Query(new ZodValidationPipe(recentQuery)) query: z.infer<typeof recentQuery>): Promise<LiveMention[]> {
    const mentions = await this.mentions.findRecent(query.limit);
    return mentions.map(toLiveMention);
  }

  @Get('stats/volume')
  @Requires(Permission.ReadMentions)
  @ApiOperation({ summary: 'Mentions and mean sentiment per minute over the last N minutes, oldest first' })
  @ApiQuery({ name: 'minutes', required: false, schema: { type: 'integer', minimum: 1, maximum: 1440, default: 15 } })
  volume(@Query(new ZodValidationPipe(volumeQuery)) query: z.infer<typeof volumeQuery>): Promise<VolumeMinute[]> {
    return this.mentions.volumeByMinute(query.minutes);
  }
}
