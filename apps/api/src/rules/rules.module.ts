import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SecretBox } from '@watchfloor/access';
import { DATA_SOURCE, SECRET_BOX, provideRepositories } from '@watchfloor/nest-runtime';
import {
  AuditRepository,
  ListeningQueryRepository,
  NotificationRepository,
  RuleSetRepository,
  TeamRepository,
} from '@watchfloor/persistence';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

/** Escalation rules and the notification channels they alert. */
@Module({
  controllers: [RulesController, ChannelsController],
  providers: [
    ...provideRepositories(RuleSetRepository, TeamRepository, ListeningQueryRepository, AuditRepository),
    {
      provide: NotificationRepository,
      useFactory: (dataSource: DataSource, box: SecretBox | null) => new NotificationRepository(dataSource, box),
      inject: [DATA_SOURCE, SECRET_BOX],
    },
    RulesService,
    ChannelsService,
  ],
})
export class RulesModule {}
