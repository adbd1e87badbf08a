import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { ResolvedWallLayout, StoredWallLayout } from '@watchfloor/contracts';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { layoutQuerySchema, wallLayoutSchema, wallLayoutUpdateSchema } from './wall-layout.dto';
import { WallLayoutsService } from './wall-layouts.service';

@ApiTags('wall layouts')
@Controller('wall')
export class WallLayoutsController {
  constructor(private readonly layouts: WallLayoutsService) {}

  @Get('layouts')
  @Requires(Permission.ManageWalls)
  @ApiOperation({ summary: 'Every stored wall layout, by name' })
  list(): Promise<StoredWallLayout[]> {
    return this.layouts.list();
  }

  @Post('layouts')
  @Requires(Permission.ManageWalls)
  @ApiOperation({ summary: 'Store a layout: a theme and 1 to 12 scenes of 1 to 6 panels each' })
  @ApiBody({ schema: jsonSchemaOf(wallLayoutSchema) })
  create(
    @Body(new ZodValidationPipe(wallLayoutSchema)) body: z.infer<typeof wallLayoutSchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StoredWallLayout> {
    return this.layouts.create(body, principal);
  }

  @Put('layouts/:id')
  @Requires(Permission.ManageWalls)
  @ApiOperation({ summary: 'Replace a layout; 409 if it changed since the version sent was read' })
  @ApiBody({ schema: jsonSchemaOf(wallLayoutUpdateSchema) })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(wallLayoutUpdateSchema)) body: z.infer<typeof wallLayoutUpdateSchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StoredWallLayout> {
    return this.layouts.update(id, body, principal);
  }

  @Delete('layouts/:id')
  @HttpCode(204)
  @Requires(Permission.ManageWalls)
  @ApiOperation({
    summary: 'Delete a layout: its screens show the default again (the built-in one if it was the default)',
  })
  delete(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.layouts.delete(id, principal);
  }

  @Get('layout')
  @Requires(Permission.ViewWall)
  @ApiOperation({
    summary: "The layout to show: ?layout if given, else the screen's own, else the default, else the built-in one",
  })
  @ApiQuery({ name: 'layout', required: false, description: 'A layout id, to preview it ("built-in" for that one)' })
  layoutFor(
    @Query(new ZodValidationPipe(layoutQuerySchema)) query: z.infer<typeof layoutQuerySchema>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ResolvedWallLayout> {
    return this.layouts.layoutFor(principal, query.layout);
  }
}
