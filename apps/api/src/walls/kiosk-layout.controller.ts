import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { KioskLayoutAssignment } from '@watchfloor/contracts';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { kioskLayoutSchema } from './wall-layout.dto';
import { WallLayoutsService } from './wall-layouts.service';

@ApiTags('wall layouts')
@Controller('kiosks')
export class KioskLayoutController {
  constructor(private readonly layouts: WallLayoutsService) {}

  @Put(':id/layout')
  @Requires(Permission.ManageWalls)
  @ApiOperation({ summary: 'Give a kiosk screen a layout, or null to let it show the default' })
  @ApiBody({ schema: jsonSchemaOf(kioskLayoutSchema) })
  assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(kioskLayoutSchema)) body: KioskLayoutAssignment,
    @CurrentPrincipal() principal: Principal,
  ): Promise<KioskLayoutAssignment> {
    return this.layouts.assignToKiosk(id, body, principal);
  }
}
