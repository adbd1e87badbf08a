/**
 * Counts login attempts per client address and e-mail, so one busy office does not lock out its
 * neighbours while guessing at one account is still slowed to a crawl. The Redis prefix keeps
 * installs sharing one Redis apart.
 */
export function loginTracker(prefix: string): (request: Record<string, unknown>) => string {
  return (request) => {
    const body = request['body'] as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${prefix}|${String(request['ip'])}|${email}`;
  };
}
