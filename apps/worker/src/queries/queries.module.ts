import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { ListeningQueryRepository } from '@watchfloor/persistence';
import { EnabledQueries } from './enabled-queries.service';
import { QueryTags } from './query-tags.service';

@Module({
  providers: [...provideRepositories(ListeningQueryRepository), EnabledQueries, QueryTags],
  exports: [EnabledQueries, QueryTags],
})
export class QueriesModule {}
