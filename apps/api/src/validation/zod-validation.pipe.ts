import { BadRequestException } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

/** Validates a request part with a zod schema; a bad value gets a 400 that names each problem. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new BadRequestException({
      message: 'Invalid request',
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`),
    });
  }
}
