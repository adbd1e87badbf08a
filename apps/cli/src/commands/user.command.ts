import { z } from 'zod';
import { ROLES, emailSchema, passwordSchema } from '@watchfloor/access';
import { UserRepository, createUser } from '@watchfloor/persistence';
import { cliAuditRepository } from './cli-audit';
import { CLI_ACTOR, withDatabase } from './with-database';

const userAddArguments = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }),
  name: z.string().trim().min(1).max(120).optional(),
  password: passwordSchema,
});

/**
 * `user add --email E --role R [--name N]`, the password on stdin (its first line), so it never
 * shows in a process list or shell history. Prints the new account as one JSON line.
 */
export async function userAddCommand(
  args: { email?: string; role?: string; name?: string },
  stdin: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  const password = await firstLine(stdin);
  const parsed = userAddArguments.safeParse({ ...args, password });
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'input')}: ${issue.message}`).join('; '),
    );
  }
  const { email, role, name, password: validPassword } = parsed.data;
  const user = await withDatabase((dataSource) =>
    createUser(
      { users: new UserRepository(dataSource), audit: cliAuditRepository(dataSource) },
      { email, role, displayName: name ?? email.split('@')[0]!, password: validPassword },
      CLI_ACTOR,
    ),
  );
  output.write(`${JSON.stringify({ id: user.id, email: user.email, role: user.role })}\n`);
  return 0;
}

async function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
