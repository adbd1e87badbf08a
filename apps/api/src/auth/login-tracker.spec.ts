import { loginAddressTracker, loginEmailTracker } from './login-tracker';

describe('login trackers', () => {
  it('count one e-mail as one, however it is written and wherever it comes from', () => {
    const track = loginEmailTracker('wf');
    expect(track({ ip: '10.0.0.1', body: { email: ' Ada@Example.com ' } })).toBe(
      track({ ip: '10.0.0.2', body: { email: 'ada@example.com' } }),
    );
    expect(track({ body: { email: 'ada@example.com' } })).not.toBe(track({ body: { email: 'bob@example.com' } }));
  });

  it('count one client address as one, whatever e-mails it tries', () => {
    const track = loginAddressTracker('wf');
    expect(track({ ip: '10.0.0.1', body: { email: 'ada@example.com' } })).toBe(
      track({ ip: '10.0.0.1', body: { email: 'bob@example.com' } }),
    );
    expect(track({ ip: '10.0.0.1' })).not.toBe(track({ ip: '10.0.0.2' }));
  });

  it('keep installs that share a Redis apart', () => {
    expect(loginAddressTracker('a')({ ip: '10.0.0.1' })).not.toBe(loginAddressTracker('b')({ ip: '10.0.0.1' }));
  });
});
