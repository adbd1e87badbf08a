import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { KiosksController } from './kiosks.controller';
import { KiosksService } from './kiosks.service';

@Module({ imports: [LiveModule], controllers: [KiosksController], providers: [KiosksService] })
export class KiosksModule {}
