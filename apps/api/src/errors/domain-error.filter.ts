import { Catch, ConflictException, BadRequestException } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { QuerySyntaxError } from '@watchfloor/listening';
import {
  EmailTakenError,
  QueryNameTakenError,
  SourceCredentialsUnavailableError,
  SourceNameTakenError,
  TeamNameTakenError,
  UnknownUsersError,
} from '@watchfloor/persistence';
import { SourceConfigError } from '@watchfloor/sources';

const DOMAIN_ERRORS = [
  EmailTakenError,
  TeamNameTakenError,
  UnknownUsersError,
  QueryNameTakenError,
  QuerySyntaxError,
  SourceNameTakenError,
  SourceConfigError,
  SourceCredentialsUnavailableError,
] as const;
type DomainError = InstanceType<(typeof DOMAIN_ERRORS)[number]>;

/** Domain errors become HTTP answers here, and nowhere else. */
@Catch(...DOMAIN_ERRORS)
export class DomainErrorFilter extends BaseExceptionFilter implements ExceptionFilter<DomainError> {
  override catch(error: DomainError, host: ArgumentsHost): void {
    super.catch(toHttp(error), host);
  }
}

function toHttp(error: DomainError): HttpException {
  if (error instanceof QuerySyntaxError) {
    return new BadRequestException({
      message: `Query error: ${error.reason}`,
      reason: error.reason,
      column: error.column,
    });
  }
  if (error instanceof UnknownUsersError) return new BadRequestException(error.message);
  if (error instanceof SourceConfigError) {
    return new BadRequestException({ message: 'Invalid source', problems: error.problems });
  }
  return new ConflictException(error.message);
}
