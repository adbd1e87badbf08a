import { Catch, ConflictException, BadRequestException } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { EmailTakenError, TeamNameTakenError, UnknownUsersError } from '@watchfloor/persistence';

type DomainError = EmailTakenError | TeamNameTakenError | UnknownUsersError;

/** Domain errors become HTTP answers here, and nowhere else. */
@Catch(EmailTakenError, TeamNameTakenError, UnknownUsersError)
export class DomainErrorFilter extends BaseExceptionFilter implements ExceptionFilter<DomainError> {
  override catch(error: DomainError, host: ArgumentsHost): void {
    super.catch(toHttp(error), host);
  }
}

function toHttp(error: DomainError): HttpException {
  if (error instanceof UnknownUsersError) return new BadRequestException(error.message);
  return new ConflictException(error.message);
}
