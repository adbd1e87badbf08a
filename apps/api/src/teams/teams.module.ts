import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({ imports: [LiveModule], controllers: [TeamsController], providers: [TeamsService] })
export class TeamsModule {}
