import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { RuleSetVersionSummary, StoredRuleSet } from '@watchfloor/persistence';
import { ruleSetSchema } from '@watchfloor/rules';
import type { RuleSet } from '@watchfloor/rules';
import { CurrentPrincipal, Requires } from '../auth/auth.decorators';
import { ZodValidationPipe, jsonSchemaOf } from '../validation/zod-validation.pipe';
import { RulesService } from './rules.service';
import type { DryRunResult } from './rules.service';

@ApiTags('rules')
@Controller('rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @Requires(Permission.ManageRules)
  @ApiOperation({ summary: 'The escalation rules in force: an ordered list, the first enabled match decides' })
  current(): Promise<StoredRuleSet> {
    return this.rules.current();
  }

  @Put()
  @Requires(Permission.ManageRules)
  @ApiOperation({
    summary: 'Save the whole ordered list as a new version (validated; the pipeline picks it up within a second)',
  })
  @ApiBody({ schema: jsonSchemaOf(ruleSetSchema) })
  save(
    @Body(new ZodValidationPipe(ruleSetSchema)) set: RuleSet,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StoredRuleSet> {
    return this.rules.save(set, principal);
  }

  @Get('versions')
  @Requires(Permission.ManageRules)
  @ApiOperation({ summary: 'Every saved version, the newest first' })
  versions(): Promise<RuleSetVersionSummary[]> {
    return this.rules.versions();
  }

  @Post('dry-run')
  @HttpCode(200)
  @Requires(Permission.ManageRules)
  @ApiOperation({ summary: 'What these rules would have flagged in the last 24 hours, per rule, with samples' })
  @ApiBody({ schema: jsonSchemaOf(ruleSetSchema) })
  dryRun(@Body(new ZodValidationPipe(ruleSetSchema)) set: RuleSet): Promise<DryRunResult> {
    return this.rules.dryRun(set);
  }
}
