import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { TriageRepository } from '@watchfloor/persistence';
import { LiveGateway } from './live.gateway';
import { PresenceService } from './presence.service';

@Module({ providers: [LiveGateway, PresenceService, ...provideRepositories(TriageRepository)], exports: [LiveGateway] })
export class LiveModule {}
