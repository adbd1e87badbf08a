import { nestsDeeperThan } from '@watchfloor/domain';
import { compileMatcher, prepareMention } from '@watchfloor/listening';
import type { QueryMatcher } from '@watchfloor/listening';
import { normalizeBluesky } from '../../normalizers/bluesky.normalizer';
import { asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import type { NormalizedBatch } from '../../normalizers/normalized-batch';
import { RecentIds } from '../recent-ids';
import type { StreamConnector, StreamRequest } from '../connector';
import { keepConnected } from '../reconnecting-stream';
import { readWebSocket } from '../websocket-reader';

/** Where the firehose was left: the `time_us` of the last event handled (unix microseconds). */
export interface JetstreamCursor {
  timeUs?: number;
}

export interface BlueskyJetstreamOptions {
  /** Defaults to wss://jetstream2.us-east.bsky.network, one of Bluesky's public instances. */
  jetstreamUrl?: string;
  /** The `source` written on each mention; defaults to "bluesky". */
  source?: string;
  /**
   * How far before the cursor a reconnection starts. Jetstream instances stamp time_us each on
   * their own clock, and its docs advise a few seconds' rewind when reconnecting; the posts this
   * replays are dropped as already delivered.
   */
  rewindMs?: number;
  /** Jetstream sends many events a second: a minute of silence means a dead connection. */
  idleTimeoutMs?: number;
  /** Reconnection backoff after a cut. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Delivered posts remembered to drop their replays: far more than a rewind ever brings back. */
  rememberedPosts?: number;
  /**
   * With no matching post for this long, the cursor is handed on with an empty batch, so a
   * restart does not replay hours of firehose for a query that is rarely matched.
   */
  checkpointMs?: number;
}

const POST_COLLECTION = 'app.bsky.feed.post';

/** A post created in the firehose, as much as the local filter needs. */
interface CreatedPost {
  /** `did/rkey`: a post's identity, the same however often it is replayed. */
  identity: string;
  text: string;
  did: string;
  lang: string | undefined;
}

/**
 * Bluesky's Jetstream (JSON firehose of new posts) filtered locally by the listening queries:
 * only posts that match at least one query are handed on. Reconnects after every cut from the
 * last event's time_us, rewound a few seconds so nothing is lost, and drops the replayed posts it
 * already delivered so nothing is doubled. After a restart, the first connection rewinds too:
 * the posts of those few seconds may be handed on again, which the idempotent pipeline absorbs.
 */
export class BlueskyJetstream implements StreamConnector<JetstreamCursor> {
  private readonly jetstreamUrl: string;

  constructor(private readonly options: BlueskyJetstreamOptions = {}) {
    this.jetstreamUrl = (options.jetstreamUrl ?? 'wss://jetstream2.us-east.bsky.network').replace(/\/+$/, '');
  }

  async run(request: StreamRequest<JetstreamCursor>): Promise<void> {
    const matchers = request.queries.map((query) => compileMatcher(query.node));
    const delivered = new RecentIds(this.options.rememberedPosts ?? 10_000);
    const checkpointMs = this.options.checkpointMs ?? 10_000;
    let timeUs = request.cursor?.timeUs;
    let handedOnTimeUs = timeUs;
    let handedOnAt = Date.now();

    const handOn = async (batch: NormalizedBatch, cursorTimeUs: number | undefined) => {
      await request.onItems(batch, cursorTimeUs === undefined ? {} : { timeUs: cursorTimeUs });
      handedOnTimeUs = cursorTimeUs;
      handedOnAt = Date.now();
    };

    const onMessage = async (line: string) => {
      const event = parseEvent(line);
      if (event === undefined) {
        await handOn(
          {
            mentions: [],
            rejected: [{ index: 0, reason: 'not a JSON event (or nested too deep)', input: line.slice(0, 2_000) }],
          },
          timeUs,
        );
        return;
      }
      // The cursor only moves forward: replayed events sit behind it.
      const after =
        event.timeUs === undefined || (timeUs !== undefined && timeUs > event.timeUs) ? timeUs : event.timeUs;
      const post = event.post;
      if (post !== undefined && !delivered.has(post.identity) && matchesAny(matchers, post)) {
        await handOn(normalizeBluesky(line, this.options.source ?? 'bluesky'), after);
        delivered.add(post.identity);
      } else if (after !== handedOnTimeUs && Date.now() - handedOnAt >= checkpointMs) {
        await handOn({ mentions: [], rejected: [] }, after);
      }
      timeUs = after;
    };

    await keepConnected({
      signal: request.signal,
      onStatus: (status) => request.onStatus(status),
      ...(this.options.baseDelayMs !== undefined && { baseDelayMs: this.options.baseDelayMs }),
      ...(this.options.maxDelayMs !== undefined && { maxDelayMs: this.options.maxDelayMs }),
      connect: (connected) =>
        readWebSocket(this.subscribeUrl(timeUs), {
          signal: request.signal,
          idleTimeoutMs: this.options.idleTimeoutMs ?? 60_000,
          onOpen: connected,
          onMessage,
        }),
    });
  }

  /** Without a cursor Jetstream starts live; with one, it replays from that time on. */
  subscribeUrl(timeUs: number | undefined): string {
    const params = new URLSearchParams({ wantedCollections: POST_COLLECTION });
    if (timeUs !== undefined) {
      const rewindUs = (this.options.rewindMs ?? 5_000) * 1_000;
      params.set('cursor', String(Math.max(0, timeUs - rewindUs)));
    }
    return `${this.jetstreamUrl}/subscribe?${params}`;
  }
}

function matchesAny(matchers: QueryMatcher[], post: CreatedPost): boolean {
  if (matchers.length === 0) return false;
  const prepared = prepareMention({ text: post.text, authorHandle: post.did, ...(post.lang && { lang: post.lang }) });
  return matchers.some((matches) => matches(prepared));
}

/** An event's time and, for a created post, what the filter needs; undefined when not JSON. */
function parseEvent(line: string): { timeUs: number | undefined; post: CreatedPost | undefined } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  // Jetstream events nest a few levels: a deeper one could not be queued (see MAX_JSON_DEPTH).
  if (nestsDeeperThan(value)) return undefined;
  const event = asRecord(value);
  if (event === undefined) return undefined;
  const timeUs =
    typeof event['time_us'] === 'number' && Number.isSafeInteger(event['time_us']) ? event['time_us'] : undefined;
  const commit = asRecord(event['commit']);
  const record = asRecord(commit?.['record']);
  const did = asString(event['did']);
  const rkey = asString(commit?.['rkey']);
  const text = record?.['text'];
  const isCreatedPost =
    event['kind'] === 'commit' && commit?.['operation'] === 'create' && commit['collection'] === POST_COLLECTION;
  if (!isCreatedPost || did === undefined || rkey === undefined || typeof text !== 'string') {
    return { timeUs, post: undefined };
  }
  const lang = asString(asArray(record?.['langs'])[0]);
  return { timeUs, post: { identity: `${did}/${rkey}`, text, did, lang } };
}
