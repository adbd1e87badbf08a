import { requiredHashtags } from '@watchfloor/listening';
import { normalizeMastodon } from '../../normalizers/mastodon.normalizer';
import { UnreadableResponseError, asArray, asRecord, asString } from '../../normalizers/normalized-batch';
import type { NormalizedBatch } from '../../normalizers/normalized-batch';
import type { ConnectorQuery, StreamConnector, StreamRequest, StreamStatus } from '../connector';
import { compareNumericIds } from '../newest-first-pager';
import { keepConnected } from '../reconnecting-stream';
import { readWebSocket } from '../websocket-reader';
import { MASTODON_PAGE_SIZE, bearer, callMastodon, explainRefusal, mastodonOrigin, mastodonUrl } from './mastodon-api';
import type { MastodonAccount } from './mastodon-api';
import { drainFromMinId } from './min-id-pager';
import { StreamDelivery } from './stream-delivery';
import type { MastodonStreamCursor } from './stream-delivery';

/** `hashtag` follows the hashtags every match of a query carries; `public` the federated timeline. */
export type MastodonStreamKind = 'hashtag' | 'public' | 'public:local';

export interface MastodonStreamOptions extends MastodonAccount {
  source: string;
  stream: MastodonStreamKind;
  /**
   * The streaming server, when it is not the instance itself (mastodon.social streams from
   * streaming.mastodon.social). Asked of the instance (`/api/v2/instance`) when absent.
   */
  streamingUrl?: string;
  /** Reconnect backoff (tests shorten it). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Mastodon's streaming server pings WebSocket clients every 30 s: three missed pings is a dead connection. */
  idleTimeoutMs?: number;
}

/** One WebSocket connection and the timeline that replays what it missed. */
interface FollowedStream {
  key: string;
  label: string;
  params: [string, string][];
  timeline: { path: string; params: [string, string][] };
}

/**
 * Mastodon's streaming API. Each hashtag gets a connection of its own (one subscription per URL;
 * the reader has no way to send `subscribe` messages). Streaming has no resume point, so after
 * every (re)connect and on restart the matching timeline is read forward from the newest status
 * handed on (`min_id`) while live messages wait; repeats between the two are dropped.
 *
 * Queries without a hashtag every match carries cannot be served by hashtag streams and are
 * skipped: poll them with MastodonPoller (search) or follow the public stream.
 */
export class MastodonStream implements StreamConnector<MastodonStreamCursor> {
  private readonly origin: URL;

  constructor(private readonly options: MastodonStreamOptions) {
    this.origin = mastodonOrigin(options.instanceUrl);
  }

  async run(request: StreamRequest<MastodonStreamCursor>): Promise<void> {
    const streams = this.streamsFor(request.queries);
    const streamingBase = await this.streamingBase(request.signal);
    const delivery = new StreamDelivery(request.cursor, (batch, cursor) => request.onItems(batch, cursor));
    // One stream refused (a revoked token) stops the others: they share the credentials.
    const failed = new AbortController();
    const signal = AbortSignal.any([request.signal, failed.signal]);
    const outcomes = await Promise.allSettled(
      streams.map((stream) =>
        this.follow(stream, streamingBase, delivery, request, signal).catch((error: unknown) => {
          failed.abort();
          throw error;
        }),
      ),
    );
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined && !request.signal.aborted) throw explainRefusal(failure.reason, 'read:statuses');
  }

  private follow(
    stream: FollowedStream,
    streamingBase: URL,
    delivery: StreamDelivery,
    request: StreamRequest<MastodonStreamCursor>,
    signal: AbortSignal,
  ): Promise<void> {
    const url = mastodonUrl(streamingBase, '/api/v1/streaming', stream.params);
    return keepConnected({
      signal,
      ...(this.options.baseDelayMs !== undefined && { baseDelayMs: this.options.baseDelayMs }),
      ...(this.options.maxDelayMs !== undefined && { maxDelayMs: this.options.maxDelayMs }),
      onStatus: (status: StreamStatus) =>
        request.onStatus(
          status.state === 'disconnected' ? { ...status, reason: `${stream.label}: ${status.reason}` } : status,
        ),
      connect: (connected) => this.connectOnce(url, stream, delivery, signal, connected),
    });
  }

  /** One connection: live messages wait until the timeline has replayed what came before it opened. */
  private async connectOnce(
    url: string,
    stream: FollowedStream,
    delivery: StreamDelivery,
    signal: AbortSignal,
    connected: () => void,
  ): Promise<void> {
    const connection = new AbortController();
    const connectionSignal = AbortSignal.any([signal, connection.signal]);
    // Held in an object: the callbacks below set these after the await that reads them.
    const catchUp: { done: Promise<void>; failure?: Error } = { done: Promise.resolve() };
    await readWebSocket(url, {
      headers: bearer(this.options.accessToken),
      signal: connectionSignal,
      idleTimeoutMs: this.options.idleTimeoutMs ?? 90_000,
      onOpen: () => {
        connected();
        // Started once the socket is open, so nothing posted from here on can fall between the two.
        catchUp.done = this.catchUp(stream, delivery, connectionSignal).catch((error: unknown) => {
          catchUp.failure = error instanceof Error ? error : new Error(String(error));
          connection.abort();
        });
      },
      onMessage: async (data) => {
        await catchUp.done;
        if (catchUp.failure === undefined) await delivery.deliver(stream.key, this.normalizeMessage(data));
      },
    });
    await catchUp.done;
    if (catchUp.failure !== undefined && !signal.aborted) throw catchUp.failure;
  }

  /** Reads the timeline forward from the stream's position; with none yet, marks where "now" is. */
  private async catchUp(stream: FollowedStream, delivery: StreamDelivery, signal: AbortSignal): Promise<void> {
    let minId = delivery.positionOf(stream.key);
    for (;;) {
      const page = await drainFromMinId(minId, {
        pageSize: minId === undefined ? 1 : MASTODON_PAGE_SIZE,
        maxReads: MASTODON_PAGE_SIZE,
        idOf: (item) => asString(asRecord(item)?.['id']),
        fetchPage: async (pageMinId, limit) => {
          const params: [string, string][] = [...stream.timeline.params, ['limit', String(limit)]];
          if (pageMinId !== undefined) params.push(['min_id', pageMinId]);
          const response = await callMastodon(mastodonUrl(this.origin, stream.timeline.path, params), {
            accessToken: this.options.accessToken,
            scope: 'read:statuses',
            signal,
          });
          if (!Array.isArray(response.body))
            throw new UnreadableResponseError('not a Mastodon timeline: expected a list');
          return { items: asArray(response.body) };
        },
      });
      if (minId === undefined) {
        // A first run starts from now: the newest status only marks the position, it is not handed on.
        await delivery.deliver(stream.key, { mentions: [], rejected: [] }, page.newestId);
        return;
      }
      const oldestFirst = [...page.items].sort((a, b) => compareNumericIds(idOf(a), idOf(b)));
      await delivery.deliver(stream.key, this.normalize(JSON.stringify(oldestFirst)), page.newestId);
      if (!page.truncated || page.newestId === undefined) return;
      minId = page.newestId;
    }
  }

  private normalizeMessage(data: string): NormalizedBatch {
    try {
      return this.normalize(data);
    } catch (error) {
      // One unreadable message is set aside with its reason; the connection carries on.
      return { mentions: [], rejected: [{ index: 0, reason: (error as Error).message, input: data }] };
    }
  }

  private normalize(body: string): NormalizedBatch {
    return normalizeMastodon(body, this.options.source);
  }

  private streamsFor(queries: ConnectorQuery[]): FollowedStream[] {
    const kind = this.options.stream;
    if (kind === 'public' || kind === 'public:local') {
      const local: [string, string][] = kind === 'public:local' ? [['local', 'true']] : [];
      return [
        {
          key: kind,
          label: kind === 'public' ? 'the public timeline' : 'the local timeline',
          params: [['stream', kind]],
          timeline: { path: '/api/v1/timelines/public', params: local },
        },
      ];
    }
    const tags = new Set<string>();
    for (const query of queries) for (const tag of requiredHashtags(query.node) ?? []) tags.add(tag.toLowerCase());
    if (tags.size === 0) {
      throw new Error(
        'No enabled query has a hashtag every match carries, so a Mastodon hashtag stream has nothing to follow: use the public stream or search polling for these queries',
      );
    }
    return [...tags].sort().map((tag) => ({
      key: `hashtag:${tag}`,
      label: `#${tag}`,
      params: [
        ['stream', 'hashtag'],
        ['tag', tag],
      ],
      timeline: { path: `/api/v1/timelines/tag/${encodeURIComponent(tag)}`, params: [] },
    }));
  }

  /** Where to open WebSockets: the configured URL, else what the instance says, else the instance. */
  private async streamingBase(signal: AbortSignal): Promise<URL> {
    const fallback = new URL(this.origin);
    fallback.protocol = this.origin.protocol === 'https:' ? 'wss:' : 'ws:';
    const configured = this.options.streamingUrl;
    if (configured !== undefined) return new URL(configured);
    try {
      const response = await callMastodon(mastodonUrl(this.origin, '/api/v2/instance'), { scope: 'read', signal });
      const urls = asRecord(asRecord(asRecord(response.body)?.['configuration'])?.['urls']);
      const streaming = asString(urls?.['streaming']);
      return streaming !== undefined && URL.canParse(streaming) ? new URL(streaming) : fallback;
    } catch {
      // Instances before 4.0 have no v2 instance endpoint; most stream from their own host. (An
      // aborted run ends at once in keepConnected, so the fallback is harmless then too.)
      return fallback;
    }
  }
}

function idOf(status: unknown): string {
  return asString(asRecord(status)?.['id']) ?? '';
}
