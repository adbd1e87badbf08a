import { MAX_JSON_DEPTH, nestsDeeperThan } from '@watchfloor/domain';
import { ETwitterStreamEvent } from 'twitter-api-v2';
import type { TwitterApi } from 'twitter-api-v2';
import { asRecord, asString } from '../../normalizers/normalized-batch';
import type { NormalizedBatch, RejectedItem } from '../../normalizers/normalized-batch';
import { normalizeTwitter } from '../../normalizers/twitter.normalizer';
import type { StreamConnector, StreamRequest } from '../connector';
import { keepConnected } from '../reconnecting-stream';
import { RecentIds } from '../recent-ids';
import { backfillMinutes } from './stream-backfill';
import { X_POST_FIELDS, toSourceError } from './x-client';
import { syncStreamRules, wantedStreamRules } from './x-stream-rules';

/**
 * Where the filtered stream was. X's stream has no cursor to resume from: a reconnect asks for
 * `backfill_minutes` since the last post, and the ids delivered last let the replayed ones be dropped.
 */
export interface XStreamCursor {
  /** ISO time the last delivered post arrived. */
  lastPostAt?: string;
  /** Ids of the latest posts delivered, oldest first. */
  recentIds?: string[];
}

export interface XFilteredStreamOptions {
  /** An app-only client (createXAppClient). */
  client: TwitterApi;
  /** The source name put on every mention. */
  source?: string;
  /** A connection silent this long is presumed dead. */
  idleTimeoutMs?: number;
  /** Reconnect backoff, passed to keepConnected. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How many delivered ids are remembered to drop replays. */
  rememberedIds?: number;
  /** Ask for `backfill_minutes` on reconnects; off for access levels that do not offer it. */
  backfill?: boolean;
}

/** X sends a heartbeat every ~20 s: three missed in a row means a dead (often half-open) connection. */
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
/** Far more than 5 minutes of backfill holds at the rates our access levels allow. */
const DEFAULT_REMEMBERED_IDS = 10_000;
/** The cursor is stored after every batch: it keeps fewer ids (about 40 KB), enough for a restart's backfill. */
const CURSOR_IDS = 2_000;
/** A consumer this far behind gets a fresh connection (and a backfill) rather than an unbounded queue. */
const MAX_QUEUED_LINES = 5_000;
const ENDPOINT = 'GET /2/tweets/search/stream';

type StreamLine = Record<string, unknown>;
type QueuedLine = { line: StreamLine; receivedAt: number } | { unreadable: string; receivedAt: number };

/** What one run remembers across its reconnects. */
interface StreamState {
  lastSignalAt: number | undefined;
  recent: RecentIds;
  rulesSynced: boolean;
}

/**
 * The X filtered stream (GET /2/tweets/search/stream): syncs its rules from the saved queries,
 * then stays connected, reconnecting with backoff and backfilling what each cut missed.
 */
export class XFilteredStream implements StreamConnector<XStreamCursor> {
  private readonly client: TwitterApi;
  private readonly source: string;
  private readonly idleTimeoutMs: number;
  private readonly rememberedIds: number;
  private readonly backfill: boolean;

  constructor(private readonly options: XFilteredStreamOptions) {
    this.client = options.client;
    this.source = options.source ?? 'twitter';
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.rememberedIds = options.rememberedIds ?? DEFAULT_REMEMBERED_IDS;
    this.backfill = options.backfill ?? true;
  }

  async run(request: StreamRequest<XStreamCursor>): Promise<void> {
    // Before the reconnect loop: a query X cannot take is for a person to fix, not to retry.
    const rules = wantedStreamRules(request.queries);
    const lastPostAt = request.cursor?.lastPostAt;
    const state: StreamState = {
      lastSignalAt: lastPostAt === undefined ? undefined : Date.parse(lastPostAt),
      recent: new RecentIds(this.rememberedIds, request.cursor?.recentIds ?? []),
      rulesSynced: false,
    };
    await keepConnected({
      signal: request.signal,
      onStatus: (status) => request.onStatus(status),
      ...(this.options.baseDelayMs !== undefined && { baseDelayMs: this.options.baseDelayMs }),
      ...(this.options.maxDelayMs !== undefined && { maxDelayMs: this.options.maxDelayMs }),
      connect: async (connected) => {
        // Inside the reconnect loop, so an outage while syncing is retried like a cut.
        if (!state.rulesSynced) {
          await syncStreamRules(this.client, rules);
          state.rulesSynced = true;
        }
        await this.readConnection(request, state, connected);
      },
    });
  }

  /** One connection, read to its end; resolves once every line received is handed on. */
  private readConnection(
    request: StreamRequest<XStreamCursor>,
    state: StreamState,
    connected: () => void,
  ): Promise<void> {
    const minutes = this.backfill ? backfillMinutes(state.lastSignalAt) : undefined;
    // The library's own reconnects stay off: keepConnected decides, and asks for the backfill.
    const stream = this.client.v2.searchStream({
      ...X_POST_FIELDS,
      ...(minutes !== undefined && { backfill_minutes: minutes }),
      autoConnect: false,
    });
    return new Promise<void>((resolve, reject) => {
      const queue: QueuedLine[] = [];
      let deliveries = Promise.resolve();
      let delivering = false;
      let settled = false;
      let failure: Error | undefined;

      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        request.signal.removeEventListener('abort', onAbort);
        stream.destroy();
        // Lines already received are handed on before the connection counts as ended.
        void deliveries.then(() => (error === undefined ? resolve() : reject(error)));
      };
      const onAbort = () => finish();
      const enqueue = (item: QueuedLine) => {
        queue.push(item);
        if (queue.length > MAX_QUEUED_LINES) {
          finish(new Error(`the consumer fell ${MAX_QUEUED_LINES} posts behind the X stream: reconnecting`));
        } else if (!delivering) {
          delivering = true;
          deliveries = deliverQueued();
        }
      };
      const deliverQueued = async () => {
        try {
          // Lines that arrived while the previous batch was being handed on go together.
          while (queue.length > 0 && !request.signal.aborted) {
            await this.deliver(queue.splice(0), state, request);
          }
        } catch (error) {
          // Not marked delivered: the reconnect's backfill brings them again.
          finish(error as Error);
        } finally {
          delivering = false;
        }
      };

      stream.on(ETwitterStreamEvent.Data, (line: unknown) => {
        const record = asRecord(line);
        const receivedAt = Date.now();
        if (record === undefined || asRecord(record['data']) === undefined) {
          enqueue({ unreadable: 'a stream line without a post ("data")', receivedAt });
        } else if (nestsDeeperThan(record)) {
          enqueue({ unreadable: `a stream line nested deeper than ${MAX_JSON_DEPTH} levels`, receivedAt });
        } else {
          enqueue({ line: record, receivedAt });
        }
      });
      stream.on(ETwitterStreamEvent.TweetParseError, (error: Error) =>
        enqueue({ unreadable: `a stream line is not JSON: ${error.message}`, receivedAt: Date.now() }),
      );
      stream.on(ETwitterStreamEvent.DataKeepAlive, () => {
        // A heartbeat proves nothing was missed only once everything before it is handed on.
        if (!delivering && queue.length === 0) state.lastSignalAt = Date.now();
      });
      stream.on(ETwitterStreamEvent.DataError, (payload: unknown) =>
        finish(new Error(`X ended the stream: ${describeErrorPayload(payload)}`)),
      );
      stream.on(ETwitterStreamEvent.ConnectionLost, () => {
        failure = new Error(`the X stream sent nothing, not even a heartbeat, for ${this.idleTimeoutMs} ms`);
      });
      stream.on(ETwitterStreamEvent.ConnectionError, (error: Error) => {
        failure ??= new Error(`the X stream connection ended: ${error.message}`);
      });
      stream.on(ETwitterStreamEvent.ConnectionClosed, () => finish(failure));

      // The library has no connect timeout: a request X never answers would hang the loop.
      const connectTimer = setTimeout(
        () => finish(new Error(`X did not answer the stream request within ${this.idleTimeoutMs} ms`)),
        this.idleTimeoutMs,
      );
      request.signal.addEventListener('abort', onAbort, { once: true });
      if (request.signal.aborted) return finish();
      stream.connect({ autoReconnect: false, keepAliveTimeout: this.idleTimeoutMs }).then(
        () => {
          clearTimeout(connectTimer);
          // Given up on (aborted, timed out) while connecting: the late connection is closed at once.
          if (settled) stream.destroy();
          else connected();
        },
        (error: unknown) => finish(toSourceError(error, ENDPOINT)),
      );
    });
  }

  /** Hands on the posts not delivered before (a backfill replays some), then remembers them. */
  private async deliver(lines: QueuedLine[], state: StreamState, request: StreamRequest<XStreamCursor>) {
    const fresh: StreamLine[] = [];
    const unreadable: RejectedItem[] = [];
    const ids = new Set<string>();
    for (const item of lines) {
      if ('unreadable' in item) {
        unreadable.push({ index: fresh.length + unreadable.length, reason: item.unreadable, input: null });
        continue;
      }
      const id = asString(asRecord(item.line['data'])?.['id']);
      if (id !== undefined && (state.recent.has(id) || ids.has(id))) continue;
      if (id !== undefined) ids.add(id);
      fresh.push(withMatchingRules(item.line));
    }
    const receivedAt = lines[lines.length - 1]!.receivedAt;
    if (fresh.length > 0 || unreadable.length > 0) {
      const normalized: NormalizedBatch =
        fresh.length === 0
          ? { mentions: [], rejected: [] }
          : normalizeTwitter(fresh.map((line) => JSON.stringify(line)).join('\n'), this.source);
      const cursor: XStreamCursor = {
        lastPostAt: new Date(receivedAt).toISOString(),
        recentIds: [...state.recent.newest(CURSOR_IDS), ...ids].slice(-CURSOR_IDS),
      };
      await request.onItems(
        { mentions: normalized.mentions, rejected: [...normalized.rejected, ...unreadable] },
        cursor,
      );
      for (const id of ids) state.recent.add(id);
    }
    state.lastSignalAt = receivedAt;
  }
}

/**
 * The post with the rules it matched (`matching_rules`, tagged with query ids) kept in its raw
 * form, so what is stored says which saved queries X matched it for.
 */
function withMatchingRules(line: StreamLine): StreamLine {
  const rules = line['matching_rules'];
  if (!Array.isArray(rules)) return line;
  return { ...line, data: { ...asRecord(line['data']), matching_rules: rules } };
}

/** X's error payload on the stream (an operational disconnect, a rule problem), in its own words. */
function describeErrorPayload(payload: unknown): string {
  const errors = asRecord(payload)?.['errors'];
  const first = asRecord(Array.isArray(errors) ? (errors as unknown[])[0] : undefined);
  const words = [first?.['title'], first?.['detail']].filter((part) => typeof part === 'string');
  return words.length > 0 ? words.join(': ') : 'an error without details';
}
