import { Module } from '@nestjs/common';
import { TriageProcessor } from './triage.processor';

/** Replies posted, alerts sent, SLAs watched. */
@Module({ providers: [TriageProcessor] })
export class TriageModule {}
