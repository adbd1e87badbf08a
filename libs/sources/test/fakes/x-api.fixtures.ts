import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A self-signed certificate for 127.0.0.1 and localhost, valid until 2126 (twitter-api-v2 only
 * speaks HTTPS). Made with: openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1
 * -nodes -keyout key.pem -out cert.pem -days 36523 -subj "/CN=localhost"
 * -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -addext "basicConstraints=critical,CA:TRUE". Clients trust it with `new Agent({ ca: cert })`.
 */
export const FAKE_X_TLS = {
  key: readFileSync(join(__dirname, 'tls/key.pem')),
  cert: readFileSync(join(__dirname, 'tls/cert.pem')),
};

export type XPostFixture = Record<string, unknown> & { id: string; author_id: string };
export type XUserFixture = Record<string, unknown> & { id: string; username: string };

/** Snowflake-sized ids (beyond 2^53, as X's are), ordered by `n`. */
export function xId(n: number): string {
  return (1861000000000000000n + BigInt(n)).toString();
}

export function anXUser(overrides: Partial<XUserFixture> = {}): XUserFixture {
  return {
    id: '1001',
    username: 'dana',
    name: 'Dana',
    verified: false,
    public_metrics: { followers_count: 120, following_count: 80, tweet_count: 900, listed_count: 1 },
    ...overrides,
  };
}

export function anXPost(n: number, overrides: Partial<XPostFixture> = {}): XPostFixture {
  const id = xId(n);
  return {
    id,
    text: `Skylark Air lost my bag again (${n})`,
    edit_history_tweet_ids: [id],
    author_id: '1001',
    conversation_id: id,
    created_at: '2026-11-23T09:00:00.000Z',
    lang: 'en',
    public_metrics: { retweet_count: 0, reply_count: 1, like_count: 3, quote_count: 0 },
    ...overrides,
  };
}
