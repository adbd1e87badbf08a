import { Catch, ConflictException, BadRequestException } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { QuerySyntaxError } from '@watchfloor/listening';
import { EmailTakenError, QueryNameTakenError, TeamNameTakenError, UnknownUsersError } from '@watchfloor/persistence';

type DomainError = EmailTakenError | TeamNameTakenError | UnknownUsersError | QueryNameTakenError | QuerySyntaxError;

/** Domain errors become HTTP answers here, and nowhere else. */
@Catch(EmailTakenError, TeamNameTakenError, UnknownUsersError, QueryNameTakenError, QuerySyntaxError)
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
  return new ConflictException(error.message);
}
