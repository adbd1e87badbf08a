import { Module } from '@nestjs/common';
import { MentionsController } from './mentions.controller';

@Module({ controllers: [MentionsController] })
export class MentionsModule {}
