import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, hasPermission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import { notificationChannelSchema } from '@watchfloor/rules';
import type { NotificationChannel } from '@watchfloor/rules';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { ChannelsService } from './channels.service';
import type { ChannelView } from './channels.service';

@ApiTags('rules')
@Controller('notification-channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @Requires(Permission.ManageRules)
  @ApiOperation({ summary: 'Notification channels rules can alert; their URLs only for those who manage channels' })
  list(@CurrentPrincipal() principal: Principal): Promise<ChannelView[]> {
    return this.channels.list(hasPermission(principal, Permission.ManageChannels));
  }

  @Post()
  @Requires(Permission.ManageChannels)
  @ApiOperation({ summary: 'Add a Slack, Teams, webhook (CloudEvents) or e-mail channel' })
  @ApiBody({ schema: jsonSchemaOf(notificationChannelSchema) })
  create(
    @Body(new ZodValidationPipe(notificationChannelSchema)) channel: NotificationChannel,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChannelView> {
    return this.channels.create(channel, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires(Permission.ManageChannels)
  @ApiOperation({ summary: 'Remove a channel; rules naming it stop alerting it' })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.channels.remove(id, principal);
  }

  @Post(':id/test')
  @HttpCode(200)
  @Requires(Permission.ManageChannels)
  @ApiOperation({ summary: 'Send a sample alert through the channel now' })
  test(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ sent: true }> {
    return this.channels.test(id);
  }
}
