/**
 * Login attempts are counted twice: per e-mail address from wherever (guessing at one account is
 * slowed to a crawl however many machines guess) and per client address whatever the e-mail (one
 * machine trying many accounts is slowed too, while a busy office behind one address still gets
 * its morning logins). The client address is the connection's, or X-Forwarded-For's only from a
 * proxy named in TRUSTED_PROXIES (Express `trust proxy` decides `request.ip`). The Redis prefix
 * keeps installs sharing one Redis apart.
 */
export function loginEmailTracker(prefix: string): (request: Record<string, unknown>) => string {
  return (request) => {
    const body = request['body'] as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${prefix}|email|${email}`;
  };
}

export function loginAddressTracker(prefix: string): (request: Record<string, unknown>) => string {
  return (request) => `${prefix}|address|${String(request['ip'])}`;
}
