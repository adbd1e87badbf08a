import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [LiveModule], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
