import { ConfigError, loadConfig, loadQueueConfig } from './config';

const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('loadConfig', () => {
  it('reads a valid environment with defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ port: 3000, demoFeed: { enabled: false }, worker: { concurrency: 4 } });
  });

  it('names every bad variable and how to fix a missing one', () => {
    let error: unknown;
    try {
      loadConfig({ REDIS_URL: 'http://nope', PORT: '70000', DEMO_FEED: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL is not set: set DATABASE_URL, or run through `pnpm start`');
    expect(message).toContain('REDIS_URL must be a redis:// URL');
    expect(message).toContain('PORT');
    expect(message).toContain('DEMO_FEED');
  });

  it('reads the mail server for e-mail alerts, which needs a from address', () => {
    expect(loadConfig(valid).smtp).toBeUndefined();
    expect(
      loadConfig({ ...valid, SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_FROM: 'alerts@watchfloor.example.com' }).smtp,
    ).toEqual({ url: 'smtp://127.0.0.1:2525', from: 'alerts@watchfloor.example.com' });
    expect(() => loadConfig({ ...valid, SMTP_URL: 'smtps://mail.example.com:465' })).toThrow(
      'SMTP_FROM is required when SMTP_URL is set',
    );
    expect(() => loadConfig({ ...valid, SMTP_URL: 'http://mail.example.com', SMTP_FROM: 'alerts' })).toThrow(
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL[\s\S]*SMTP_FROM must be an e-mail address/,
    );
  });

  it('serves the worker metrics on 9464 of loopback unless told otherwise, and guards them only when given a token', () => {
    expect(loadConfig(valid).metrics).toEqual({ host: '127.0.0.1', workerPort: 9464 });
    const token = 'a-scrape-token-of-32-characters!';
    expect(loadConfig({ ...valid, WORKER_METRICS_PORT: '0', METRICS_TOKEN: token }).metrics).toEqual({
      host: '127.0.0.1',
      workerPort: 0,
      token,
    });
    expect(loadConfig({ ...valid, API_METRICS_PORT: '9465', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      host: '0.0.0.0',
      workerPort: 9464,
      apiPort: 9465,
    });
    expect(() => loadConfig({ ...valid, WORKER_METRICS_PORT: '70000', METRICS_TOKEN: 'short' })).toThrow(
      /WORKER_METRICS_PORT[\s\S]*METRICS_TOKEN must be at least 16 characters/,
    );
  });

  it('retrains the sentiment adaptation every five minutes unless told otherwise, and never more than once a second', () => {
    expect(loadConfig(valid).sentiment).toEqual({ retrainEveryMs: 300_000 });
    expect(loadConfig({ ...valid, SENTIMENT_RETRAIN_SECONDS: '2' }).sentiment).toEqual({ retrainEveryMs: 2_000 });
    expect(() => loadConfig({ ...valid, SENTIMENT_RETRAIN_SECONDS: '0' })).toThrow(/SENTIMENT_RETRAIN_SECONDS/);
  });

  it('reaches only public addresses and reads 5 MiB of an answer unless told otherwise', () => {
    expect(loadConfig(valid).egress).toEqual({ allowNetworks: [], maxBodyBytes: 5 * 1024 * 1024 });
    expect(
      loadConfig({
        ...valid,
        EGRESS_ALLOW_NETWORKS: ' 127.0.0.1/32, ::1/128,10.20.0.5 ',
        EGRESS_MAX_BODY_BYTES: '1048576',
      }).egress,
    ).toEqual({ allowNetworks: ['127.0.0.1/32', '::1/128', '10.20.0.5'], maxBodyBytes: 1_048_576 });
    expect(() => loadConfig({ ...valid, EGRESS_ALLOW_NETWORKS: '127.0.0.1/32,intranet' })).toThrow(
      'EGRESS_ALLOW_NETWORKS must be IP addresses or CIDR networks separated by commas',
    );
    expect(() => loadConfig({ ...valid, EGRESS_ALLOW_NETWORKS: '10.0.0.0/33' })).toThrow('EGRESS_ALLOW_NETWORKS');
  });

  it('asks a queue-only tool for Redis alone', () => {
    expect(loadQueueConfig({ REDIS_URL: 'redis://localhost:1' })).toEqual({
      redisUrl: 'redis://localhost:1',
      redisPrefix: 'wf',
    });
  });
});
