import type { SecretBox } from '@watchfloor/access';
import type { Platform } from '@watchfloor/domain';
import type { LivePublisherClient } from '@watchfloor/messaging';
import { definitionOf } from '@watchfloor/persistence';
import type { ReplyRepository, SourceRepository, TriageRepository } from '@watchfloor/persistence';
import {
  ReplyNotSupportedError,
  ReplyRejectedError,
  ReplyTimedOutError,
  canReply,
  replyPosterFor,
} from '@watchfloor/sources';
import type { SourceDefinition } from '@watchfloor/sources';

export interface ReplySenderDependencies {
  replies: ReplyRepository;
  sources: SourceRepository;
  triage: TriageRepository;
  live: LivePublisherClient;
  box: SecretBox | null;
}

/**
 * Posts a reply through a source that can reply on the mention's platform (the one that read it,
 * first). Each attempt is counted before the call. Where the platform takes an idempotency key
 * (Mastodon) any failure is retried; where it does not (X), an attempt whose outcome is unknown is
 * never repeated automatically: the reply fails with a message asking a person to check, because
 * a duplicate answer to a customer is worse than a late one.
 */
export class ReplySender {
  constructor(private readonly deps: ReplySenderDependencies) {}

  /** Throws to have the queue retry; returns once the reply is sent or has failed for good. */
  async send(replyId: string, lastAttempt: boolean): Promise<void> {
    const { replies } = this.deps;
    const task = await replies.startSending(replyId);
    if (task === null) return;
    const platform = task.inReplyTo.platform as Platform;
    const source = await this.sourceFor(platform, task.source);
    if (source === null) {
      await this.finish(task.reply.itemId, replyId, {
        status: 'unsupported',
        error: `No enabled source can reply on ${platform}: add one with write credentials, or answer on the platform`,
      });
      return;
    }
    let poster;
    try {
      poster = replyPosterFor(source);
    } catch (error) {
      if (!(error instanceof ReplyNotSupportedError)) throw error;
      await this.finish(task.reply.itemId, replyId, { status: 'unsupported', error: error.message });
      return;
    }
    if (!poster.idempotent && task.reply.attempts > 1) {
      await this.finish(task.reply.itemId, replyId, {
        status: 'failed',
        error: `An earlier attempt may have been posted (${platform} takes no idempotency key): check the post before replying again`,
      });
      return;
    }
    try {
      const outcome = await poster.post({
        inReplyTo: { ...task.inReplyTo, platform },
        text: task.reply.text,
        idempotencyKey: replyId,
      });
      await this.finish(task.reply.itemId, replyId, { status: 'sent', externalId: outcome.externalId });
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof ReplyRejectedError || error instanceof ReplyNotSupportedError) {
        await this.finish(task.reply.itemId, replyId, {
          status: error instanceof ReplyRejectedError ? 'failed' : 'unsupported',
          error: message,
        });
        return;
      }
      if ((error instanceof ReplyTimedOutError && !poster.idempotent) || lastAttempt) {
        await this.finish(task.reply.itemId, replyId, { status: 'failed', error: message });
        return;
      }
      throw error;
    }
  }

  private async finish(
    itemId: string,
    replyId: string,
    outcome: Parameters<ReplyRepository['finish']>[1],
  ): Promise<void> {
    await this.deps.replies.finish(replyId, outcome);
    // The console re-reads an item's replies when the item is pushed.
    this.deps.live.publishTriageItems(await this.deps.triage.views([itemId]));
  }

  private async sourceFor(platform: Platform, readBy: string): Promise<SourceDefinition | null> {
    const stored = await this.deps.sources.list({ enabledOnly: true });
    const able = stored.flatMap((source) => {
      try {
        const definition = definitionOf(source, this.deps.box);
        return canReply(definition, platform) ? [definition] : [];
      } catch {
        return [];
      }
    });
    return able.find((source) => source.id === readBy) ?? able[0] ?? null;
  }
}
