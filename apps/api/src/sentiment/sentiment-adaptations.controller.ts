import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { SentimentAdaptationsOverview, SentimentRetrainRequest } from '@watchfloor/contracts';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../validation/zod-validation.pipe';
import { adaptationId } from './sentiment-adaptations.dto';
import { SentimentAdaptationsService } from './sentiment-adaptations.service';

@ApiTags('sentiment')
@Controller('sentiment/adaptations')
export class SentimentAdaptationsController {
  constructor(private readonly adaptations: SentimentAdaptationsService) {}

  @Get()
  @Requires(Permission.ManageSentimentModel)
  @ApiOperation({
    summary: 'The adaptations learned from corrections, newest first, with accuracy before and after on held-back ones',
  })
  overview(): Promise<SentimentAdaptationsOverview> {
    return this.adaptations.overview();
  }

  @Post('retrain')
  @HttpCode(202)
  @Requires(Permission.ManageSentimentModel)
  @ApiOperation({
    summary: 'Retrain on the corrections now, in the background; 409 if there is nothing new to learn',
  })
  retrain(@CurrentPrincipal() principal: Principal): Promise<SentimentRetrainRequest> {
    return this.adaptations.retrain(principal);
  }

  @Post('deactivate')
  @HttpCode(200)
  @Requires(Permission.ManageSentimentModel)
  @ApiOperation({ summary: 'Score with the bundled model alone; the versions stay' })
  deactivate(@CurrentPrincipal() principal: Principal): Promise<SentimentAdaptationsOverview> {
    return this.adaptations.deactivate(principal);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Requires(Permission.ManageSentimentModel)
  @ApiOperation({ summary: 'Score with this version from now on: a newer one, or an older one to roll back to' })
  activate(
    @Param('id', new ZodValidationPipe(adaptationId)) id: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SentimentAdaptationsOverview> {
    return this.adaptations.activate(id, principal);
  }
}
