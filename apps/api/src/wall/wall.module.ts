import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { ListeningQueryRepository } from '@watchfloor/persistence';
import { WallController } from './wall.controller';

/** The wall's feed for screens: snapshot, frame log, and the names its panels show. */
@Module({ controllers: [WallController], providers: [...provideRepositories(ListeningQueryRepository)] })
export class WallModule {}
