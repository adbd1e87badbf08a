import { BadRequestException } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
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

/** The OpenAPI schema of a request body, from the same zod schema that validates it. */
export function jsonSchemaOf(schema: ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return jsonSchema;
}
