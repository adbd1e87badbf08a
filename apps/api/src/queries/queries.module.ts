import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { ListeningQueryRepository } from '@watchfloor/persistence';
import { QueriesController } from './queries.controller';
import { QueriesService } from './queries.service';
import { SourcesModule } from '../sources/sources.module';

@Module({
  imports: [SourcesModule],
  controllers: [QueriesController],
  providers: [...provideRepositories(ListeningQueryRepository), QueriesService],
})
export class QueriesModule {}
