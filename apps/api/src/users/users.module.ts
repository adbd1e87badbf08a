import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { AccountController } from './account.controller';
import { UserCredentialsService } from './user-credentials.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [LiveModule],
  controllers: [UsersController, AccountController],
  providers: [UsersService, UserCredentialsService],
})
export class UsersModule {}
