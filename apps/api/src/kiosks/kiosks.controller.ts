import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { KioskRecord } from '@watchfloor/persistence';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { KiosksService } from './kiosks.service';

const newKioskBody = z.object({ name: z.string().trim().min(1).max(80) }).strict();

@ApiTags('kiosks')
@Controller('kiosks')
export class KiosksController {
  constructor(private readonly kiosks: KiosksService) {}

  @Get()
  @Requires(Permission.ManageKiosks)
  @ApiOperation({ summary: 'Every kiosk screen, live or revoked, with when it was last seen' })
  list(): Promise<KioskRecord[]> {
    return this.kiosks.list();
  }

  @Post()
  @Requires(Permission.ManageKiosks)
  @ApiOperation({ summary: 'Create a kiosk screen; the response holds its wall URL, shown this once' })
  @ApiBody({ schema: jsonSchemaOf(newKioskBody) })
  create(
    @Body(new ZodValidationPipe(newKioskBody)) body: z.infer<typeof newKioskBody>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ kiosk: KioskRecord; wallUrl: string }> {
    return this.kiosks.create(body.name, principal);
  }

  @Post(':id/rotate')
  @Requires(Permission.ManageKiosks)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give a screen a new wall URL (shown this once) and a new expiry; the old URL stops working at once',
  })
  rotate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ kiosk: KioskRecord; wallUrl: string }> {
    return this.kiosks.rotate(id, principal);
  }

  @Delete(':id')
  @Requires(Permission.ManageKiosks)
  @ApiOperation({ summary: 'Revoke a kiosk screen: it goes dark within seconds' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<KioskRecord> {
    return this.kiosks.revoke(id, principal);
  }
}
