import { Module } from '@nestjs/common';
import { provideRepositories } from '@watchfloor/nest-runtime';
import { AnalysisRepository, AuditRepository, IssueCaseRepository, UserRepository } from '@watchfloor/persistence';
import { IssuesController } from './issues.controller';
import { IssuesService } from './issues.service';

/** The PR view of emerging issues: cases, notes, timelines and post-mortems. */
@Module({
  controllers: [IssuesController],
  providers: [
    ...provideRepositories(AnalysisRepository, IssueCaseRepository, UserRepository, AuditRepository),
    IssuesService,
  ],
})
export class IssuesModule {}
