import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { CalendarEventView } from '@watchfloor/contracts';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import type { PeriodQuery } from '../validation/period-query';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { calendarEventBody, calendarQuery } from './calendar.dto';
import type { CalendarEventBody } from './calendar.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  // Wall screens draw the calendar on their charts: watching the wall is enough to read it.
  @Requires(Permission.ViewWall)
  @ApiOperation({ summary: 'Calendar events overlapping a window (at most 400 days), oldest first' })
  @ApiQuery({ name: 'from', required: true, description: 'ISO 8601 with a zone, inclusive' })
  @ApiQuery({ name: 'to', required: true, description: 'ISO 8601 with a zone, exclusive' })
  list(@Query(new ZodValidationPipe(calendarQuery)) query: PeriodQuery): Promise<CalendarEventView[]> {
    return this.calendar.list(query.from, query.to);
  }

  @Post()
  @Requires(Permission.ManageCalendar)
  @ApiOperation({ summary: 'Add a launch, press release, webinar, ad flight or other event' })
  @ApiBody({ schema: jsonSchemaOf(calendarEventBody) })
  create(
    @Body(new ZodValidationPipe(calendarEventBody)) body: CalendarEventBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CalendarEventView> {
    return this.calendar.create(body, principal);
  }

  @Put(':id')
  @Requires(Permission.ManageCalendar)
  @ApiOperation({ summary: 'Replace an event' })
  @ApiBody({ schema: jsonSchemaOf(calendarEventBody) })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(calendarEventBody)) body: CalendarEventBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CalendarEventView> {
    return this.calendar.update(id, body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires(Permission.ManageCalendar)
  @ApiOperation({ summary: 'Remove an event' })
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.calendar.remove(id, principal);
  }
}
