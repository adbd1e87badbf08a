import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { WallLayoutRepository } from '@watchfloor/persistence';
import { KioskLayoutController } from './kiosk-layout.controller';
import { WallLayoutsController } from './wall-layouts.controller';
import { WallLayoutsService } from './wall-layouts.service';

/** Wall layouts and scenes admins store, the layout each screen shows, and the one a caller should show. */
@Module({
  controllers: [WallLayoutsController, KioskLayoutController],
  providers: [...provideRepositories(WallLayoutRepository), WallLayoutsService],
})
export class WallsModule {}
