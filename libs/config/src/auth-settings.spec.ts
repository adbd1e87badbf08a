import { ConfigError, loadConfig, loadKioskTtlDays } from './config';

const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('sign-in, cookie and kiosk settings', () => {
  it('counts logins per e-mail and per address, hashes two at a time and trusts no proxy by default', () => {
    expect(loadConfig(valid).auth).toEqual({
      sessionTtlHours: 12,
      loginAttemptsPerMinute: 10,
      loginAttemptsPerAddressPerMinute: 60,
      passwordHashConcurrency: 2,
      trustedProxies: [],
      cookieSecure: false,
      kioskTtlDays: 90,
    });
  });

  it('sends cookies over HTTPS only when PUBLIC_URL is https, unless COOKIE_SECURE says otherwise', () => {
    expect(loadConfig({ ...valid, PUBLIC_URL: 'https://wf.example.com' }).auth.cookieSecure).toBe(true);
    expect(loadConfig({ ...valid, PUBLIC_URL: 'http://wall.intranet' }).auth.cookieSecure).toBe(false);
    expect(
      loadConfig({ ...valid, PUBLIC_URL: 'https://wf.example.com', COOKIE_SECURE: 'false' }).auth.cookieSecure,
    ).toBe(false);
    expect(loadConfig({ ...valid, COOKIE_SECURE: 'true' }).auth.cookieSecure).toBe(true);
  });

  it('reads trusted proxies as addresses, ranges and range names', () => {
    const config = loadConfig({ ...valid, TRUSTED_PROXIES: 'loopback, 10.0.0.0/8,192.168.1.7, fd00::/8' });
    expect(config.auth.trustedProxies).toEqual(['loopback', '10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
  });

  it('names each trusted proxy it cannot read', () => {
    let error: unknown;
    try {
      loadConfig({ ...valid, TRUSTED_PROXIES: 'loopback, proxy.internal, 10.0.0.0/33' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toEqual([
      expect.stringMatching(/^TRUSTED_PROXIES "proxy.internal" is not an IP address/),
      expect.stringMatching(/^TRUSTED_PROXIES "10.0.0.0\/33" has a prefix length outside 0-32/),
    ]);
  });

  it('gives kiosk tokens 90 days unless told otherwise', () => {
    expect(loadKioskTtlDays({})).toBe(90);
    expect(loadKioskTtlDays({ KIOSK_TTL_DAYS: '7' })).toBe(7);
    expect(() => loadKioskTtlDays({ KIOSK_TTL_DAYS: '0' })).toThrow(/KIOSK_TTL_DAYS/);
  });
});
