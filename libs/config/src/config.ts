import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { trustedProxyEntries, trustedProxyProblem } from './trusted-proxies';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const url = (protocols: string[], hint: string) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, hint);

/** `127.0.0.1/32,::1/128`: networks, or single addresses, separated by commas. */
const networkList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine(
    (entries) => entries.every((entry) => (entry.includes('/') ? ipaddr.isValidCIDR(entry) : ipaddr.isValid(entry))),
    'must be IP addresses or CIDR networks separated by commas, e.g. 127.0.0.1/32,::1/128,10.20.0.0/16',
  );

const envSchema = z.object({
  DATABASE_URL: url(
    ['postgres:', 'postgresql:'],
    'must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/watchfloor',
  ),
  REDIS_URL: url(['redis:', 'rediss:'], 'must be a redis:// URL, e.g. redis://127.0.0.1:6379'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Prefix of every Redis key we own (queues, socket.io channels): lets several installs share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:-]+$/)
    .default('wf'),
  DEMO_FEED: flag.default(false),
  DEMO_RATE: z.coerce.number().positive().max(1_000_000).default(20),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How long a worker may hold a batch before it is presumed dead and the batch handed to another. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).default(30_000),
  WEB_DIST: z.string().optional(),
  /**
   * New issues seen this soon after analysis starts are not judged as spikes: at start-up every
   * conversation already under way looks new. 0 judges them at once (tests, replays of a known day).
   */
  ANALYSIS_COLD_START_MS: z.coerce.number().int().min(0).max(3_600_000).default(600_000),
  /**
   * A live client (a wall, a console) with this much queued for it and not yet taken is cut off: it
   * reconnects and resyncs, rather than the API holding an ever-growing backlog for a stalled reader.
   */
  LIVE_CLIENT_MAX_QUEUED_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(8 * 1024 * 1024),
  /** The address people and screens reach Watchfloor at; kiosk URLs are built on it. */
  PUBLIC_URL: url(['http:', 'https:'], 'must be an http(s) URL, e.g. https://watchfloor.example.com').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Per e-mail address, from wherever: slows guessing at one account to a crawl. */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Per client address, whatever the e-mail: slows one machine trying many accounts. */
  LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Password hashes one API process computes at once; more logins wait their turn. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, `loopback`, `linklocal`,
   * `uniquelocal`); unset: nobody's, the client address is the connection's.
   */
  TRUSTED_PROXIES: z
    .string()
    .superRefine((value, context) => {
      for (const entry of trustedProxyEntries(value)) {
        const problem = trustedProxyProblem(entry);
        if (problem !== null) context.addIssue({ code: 'custom', message: problem });
      }
    })
    .optional(),
  /** Send cookies over HTTPS only. Unset: on when PUBLIC_URL is https. */
  COOKIE_SECURE: flag.optional(),
  /** How long a kiosk screen's token works before it must be rotated. */
  KIOSK_TTL_DAYS: z.coerce.number().int().min(1).max(3_650).default(90),
  /** Seals platform credentials at rest (AES-256-GCM): 64 hex characters or base64 of 32 bytes. */
  WATCHFLOOR_SECRET_KEY: z
    .string()
    .refine(
      (value) => /^[0-9a-fA-F]{64}$/.test(value.trim()) || Buffer.from(value.trim(), 'base64').length === 32,
      'must be 32 bytes as 64 hex characters or base64: generate one with `openssl rand -hex 32`',
    )
    .optional(),
  /**
   * Signs audit entries and checkpoints (HMAC-SHA256): 64 hex characters or base64 of 32 bytes.
   * Keep it outside the database, and give it to every process that writes or verifies the log.
   */
  AUDIT_SIGNING_KEY: z
    .string()
    .refine(
      (value) => /^[0-9a-fA-F]{64}$/.test(value.trim()) || Buffer.from(value.trim(), 'base64').length === 32,
      'must be 32 bytes as 64 hex characters or base64: generate one with `openssl rand -hex 32`',
    )
    .optional(),
  /**
   * Origins (e.g. `http://127.0.0.1:4100`, comma-separated) a source's API, auth or stream URL may
   * point at besides the platform's official hosts, and the only ones that may be http or ws:
   * fakes in tests and the local demo, or a proxy you run.
   */
  SOURCE_ENDPOINT_OVERRIDES: z
    .string()
    .default('')
    .transform((value, context) => {
      const origins: string[] = [];
      for (const item of value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '')) {
        if (!URL.canParse(item) || !/^(https?|wss?):$/.test(new URL(item).protocol)) {
          context.addIssue({ code: 'custom', message: `has "${item}": give origins such as https://api.example.com` });
        } else {
          origins.push(new URL(item).origin);
        }
      }
      return origins;
    }),
  /** Source polls one worker process runs at once. */
  POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Push connections (streams) one worker process holds at most. */
  STREAM_SLOTS: z.coerce.number().int().min(0).max(256).default(8),
  /** Grouped alerts on one channel and rule go out at most once per this window. */
  ALERT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** An agent whose console is gone this long has their in-progress items put back in the queue. */
  AGENT_AWAY_MINUTES: z.coerce.number().min(0.1).max(1_440).default(15),
  /** How often SLA breaches are looked for and grouped alerts sent. */
  TRIAGE_SWEEP_SECONDS: z.coerce.number().min(1).max(600).default(10),
  /**
   * How often a worker looks for corrections the sentiment adaptation has not learned from, and
   * retrains on them. Retraining takes about a second per few thousand corrections.
   */
  SENTIMENT_RETRAIN_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  /** The mail server e-mail alert channels send through; smtps:// for TLS from the first byte. */
  SMTP_URL: url(
    ['smtp:', 'smtps:'],
    'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587',
  ).optional(),
  /** The address alert e-mails come from. */
  SMTP_FROM: z.email('must be an e-mail address, e.g. alerts@watchfloor.example.com').optional(),
  /**
   * Networks outbound requests (feeds, platform APIs, streams, webhooks) may reach although they
   * are not public: loopback, private, link-local, CGNAT and metadata addresses are refused
   * otherwise, so a source or channel URL cannot be turned against the host's own network.
   */
  EGRESS_ALLOW_NETWORKS: networkList.default([]),
  /** Most bytes of one remote answer read (counted after decompression); the rest is refused. */
  EGRESS_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(1024 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** The worker's Prometheus endpoint (on METRICS_HOST); 0 takes any free port, as test systems with several workers do. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  /** When set, the API also serves `/metrics` on this port of METRICS_HOST, apart from the public port. */
  API_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /**
   * Where the metrics ports listen: loopback unless set, so they are not on the network by
   * accident. Set 0.0.0.0 (with METRICS_TOKEN) for a Prometheus on another machine or container.
   */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * When set, `/metrics` answers only `Authorization: Bearer <token>`, and the API serves it on
   * its public port too (without it, 404 there).
   */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters: generate one with `openssl rand -hex 32`')
    .optional(),
});

/**
 * Checks across variables, kept off `envSchema` itself: the tools' configs below pick from it, and
 * zod refuses to pick from a refined object.
 */
const appEnvSchema = envSchema.superRefine((value, context) => {
  if (value.SMTP_URL !== undefined && value.SMTP_FROM === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['SMTP_FROM'],
      message: 'is required when SMTP_URL is set: the address alerts come from, e.g. alerts@watchfloor.example.com',
    });
  }
});

export type AppConfig = {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  redisPrefix: string;
  demoFeed: { enabled: boolean; mentionsPerSecond: number };
  worker: { concurrency: number; lockMs: number };
  analysis: { coldStartMs: number };
  webDist?: string;
  live: { clientMaxQueuedBytes: number };
  publicUrl: string;
  auth: {
    sessionTtlHours: number;
    loginAttemptsPerMinute: number;
    loginAttemptsPerAddressPerMinute: number;
    passwordHashConcurrency: number;
    /** Express `trust proxy` entries; empty: X-Forwarded-For is ignored. */
    trustedProxies: string[];
    cookieSecure: boolean;
    kioskTtlDays: number;
  };
  /** Absent: sources that need credentials cannot be saved or run, and say so. */
  secretKey?: string;
  /** Absent: audit entries are chained and checkpointed but not signed. */
  auditSigningKey?: string;
  sources: { pollConcurrency: number; streamSlots: number; endpointOverrides: string[] };
  triage: { alertWindowMs: number; agentAwayMs: number; sweepEveryMs: number };
  sentiment: { retrainEveryMs: number };
  /** Absent: e-mail alert channels cannot send, and say so. */
  smtp?: { url: string; from: string };
  /**
   * Absent token: the API's public port does not serve `/metrics`, and the metrics ports (on
   * `host`, loopback by default) are open to whoever reaches them.
   */
  /** What outbound requests may reach, and how much of an answer is read. */
  egress: { allowNetworks: string[]; maxBodyBytes: number };
  metrics: { host: string; workerPort: number; apiPort?: number; token?: string };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const REMEDIES: Record<string, string> = {
  DATABASE_URL: 'set DATABASE_URL, or run through `pnpm start`, which provides an embedded PostgreSQL',
  REDIS_URL: 'set REDIS_URL, or run through `pnpm start`, which starts a local redis-server',
};

function parse<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const missing = env[name] === undefined;
      return missing && REMEDIES[name] ? `${name} is not set: ${REMEDIES[name]}` : `${name} ${issue.message}`;
    }),
  );
}

/** Reads and checks the environment once, before anything boots; every bad variable is named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const value = parse(appEnvSchema, env);
  return {
    databaseUrl: value.DATABASE_URL,
    redisUrl: value.REDIS_URL,
    port: value.PORT,
    host: value.HOST,
    logLevel: value.LOG_LEVEL,
    redisPrefix: value.REDIS_PREFIX,
    demoFeed: { enabled: value.DEMO_FEED, mentionsPerSecond: value.DEMO_RATE },
    worker: { concurrency: value.WORKER_CONCURRENCY, lockMs: value.WORKER_LOCK_MS },
    analysis: { coldStartMs: value.ANALYSIS_COLD_START_MS },
    ...(value.WEB_DIST !== undefined && { webDist: value.WEB_DIST }),
    live: { clientMaxQueuedBytes: value.LIVE_CLIENT_MAX_QUEUED_BYTES },
    publicUrl: publicUrl(value.PUBLIC_URL, value.PORT),
    auth: {
      sessionTtlHours: value.SESSION_TTL_HOURS,
      loginAttemptsPerMinute: value.LOGIN_ATTEMPTS_PER_MINUTE,
      loginAttemptsPerAddressPerMinute: value.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE,
      passwordHashConcurrency: value.PASSWORD_HASH_CONCURRENCY,
      trustedProxies: trustedProxyEntries(value.TRUSTED_PROXIES ?? ''),
      cookieSecure: value.COOKIE_SECURE ?? publicUrl(value.PUBLIC_URL, value.PORT).startsWith('https:'),
      kioskTtlDays: value.KIOSK_TTL_DAYS,
    },
    ...(value.WATCHFLOOR_SECRET_KEY !== undefined && { secretKey: value.WATCHFLOOR_SECRET_KEY.trim() }),
    ...(value.AUDIT_SIGNING_KEY !== undefined && { auditSigningKey: value.AUDIT_SIGNING_KEY.trim() }),
    sources: {
      pollConcurrency: value.POLL_CONCURRENCY,
      streamSlots: value.STREAM_SLOTS,
      endpointOverrides: value.SOURCE_ENDPOINT_OVERRIDES,
    },
    triage: {
      alertWindowMs: value.ALERT_WINDOW_SECONDS * 1_000,
      agentAwayMs: Math.round(value.AGENT_AWAY_MINUTES * 60_000),
      sweepEveryMs: Math.round(value.TRIAGE_SWEEP_SECONDS * 1_000),
    },
    sentiment: { retrainEveryMs: Math.round(value.SENTIMENT_RETRAIN_SECONDS * 1_000) },
    ...(value.SMTP_URL !== undefined &&
      value.SMTP_FROM !== undefined && { smtp: { url: value.SMTP_URL, from: value.SMTP_FROM } }),
    egress: { allowNetworks: value.EGRESS_ALLOW_NETWORKS, maxBodyBytes: value.EGRESS_MAX_BODY_BYTES },
    metrics: {
      host: value.METRICS_HOST,
      workerPort: value.WORKER_METRICS_PORT,
      ...(value.API_METRICS_PORT !== undefined && { apiPort: value.API_METRICS_PORT }),
      ...(value.METRICS_TOKEN !== undefined && { token: value.METRICS_TOKEN }),
    },
  };
}

function publicUrl(configured: string | undefined, port: number): string {
  return (configured ?? `http://localhost:${port}`).replace(/\/+$/, '');
}

const publicUrlSchema = envSchema.pick({ PUBLIC_URL: true, PORT: true });

/** The port and the address people reach Watchfloor at: for tools that start it or print links. */
export function loadPublicAddress(env: NodeJS.ProcessEnv = process.env): { port: number; publicUrl: string } {
  const value = parse(publicUrlSchema, env);
  return { port: value.PORT, publicUrl: publicUrl(value.PUBLIC_URL, value.PORT) };
}

const queueEnvSchema = envSchema.pick({ REDIS_URL: true, REDIS_PREFIX: true });

/** What a tool that only enqueues work needs (the replay command): Redis, not the database. */
export function loadQueueConfig(env: NodeJS.ProcessEnv = process.env): Pick<AppConfig, 'redisUrl' | 'redisPrefix'> {
  const value = parse(queueEnvSchema, env);
  return { redisUrl: value.REDIS_URL, redisPrefix: value.REDIS_PREFIX };
}

const databaseEnvSchema = envSchema.pick({ DATABASE_URL: true });

/** What a tool that only touches the database needs (migrations). */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return parse(databaseEnvSchema, env).DATABASE_URL;
}

const kioskEnvSchema = envSchema.pick({ KIOSK_TTL_DAYS: true });

/** How long a new or rotated kiosk token works: for the command line, which makes them too. */
export function loadKioskTtlDays(env: NodeJS.ProcessEnv = process.env): number {
  return parse(kioskEnvSchema, env).KIOSK_TTL_DAYS;
}

const auditKeyEnvSchema = envSchema.pick({ AUDIT_SIGNING_KEY: true });

/** The audit signing key, for tools that write or verify the log outside the apps (the CLI). */
export function loadAuditSigningKey(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return parse(auditKeyEnvSchema, env).AUDIT_SIGNING_KEY?.trim();
}
