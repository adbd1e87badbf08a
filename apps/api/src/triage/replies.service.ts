import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal, UserPrincipal } from '@watchfloor/access';
import type { ReplyView } from '@watchfloor/contracts';
import type { Platform } from '@watchfloor/domain';
import { LivePublisherClient, TriageQueueClient } from '@watchfloor/messaging';
import {
  AuditRepository,
  ReplyRepository,
  ResponseTemplateRepository,
  TriageRepository,
} from '@watchfloor/persistence';
import type { ResponseTemplateRecord } from '@watchfloor/persistence';
import { ResponseTemplateError, parseTemplate, renderTemplate } from '@watchfloor/rules';
import type { ResponseTemplate } from '@watchfloor/rules';
import { TriageService } from './triage.service';

/** The longest reply each platform accepts, so a reply that could never be posted is refused at once. */
const MAX_REPLY_LENGTH: Record<Platform, number> = {
  twitter: 280,
  mastodon: 500,
  bluesky: 300,
  reddit: 10_000,
  rss: 10_000,
};

/** Replies (one per idempotency key, posted by the worker with retries) and the templates they start from. */
@Injectable()
export class RepliesService {
  constructor(
    private readonly triage: TriageService,
    private readonly items: TriageRepository,
    private readonly replies: ReplyRepository,
    private readonly templates: ResponseTemplateRepository,
    private readonly audit: AuditRepository,
    private readonly queue: TriageQueueClient,
    private readonly live: LivePublisherClient,
  ) {}

  ofItem(itemId: string): Promise<ReplyView[]> {
    return this.replies.ofItem(itemId);
  }

  /**
   * Stores the reply and marks the item responded, in one transaction, then queues the posting.
   * The same idempotency key again (a double click, a retried request) answers with the reply stored
   * the first time and changes nothing. Placeholders in the text are filled in here.
   */
  async reply(
    itemId: string,
    text: string,
    idempotencyKey: string,
    by: UserPrincipal,
  ): Promise<{ reply: ReplyView; created: boolean }> {
    const item = await this.triage.find(itemId, by);
    const rendered = this.render(text, item, by);
    const limit = MAX_REPLY_LENGTH[item.mention.platform];
    if (rendered.length > limit) {
      throw new BadRequestException(
        `A ${item.mention.platform} reply is at most ${limit} characters (this is ${rendered.length})`,
      );
    }
    const outcome = await this.items.transaction(async (db) => {
      const stored = await this.replies.createOnce(
        { itemId, idempotencyKey, authorId: by.userId, authorName: by.displayName, text: rendered },
        db,
      );
      if (stored.reply.itemId !== itemId) {
        throw new BadRequestException('This Idempotency-Key was used for a reply to another item: use a new key');
      }
      if (stored.created) {
        // Refused (someone else holds the item, it is resolved) rolls the reply back with it.
        const change = await this.triage.respond(itemId, by, db);
        await this.items.update(itemId, change.patch, db);
        await this.items.addEvent(
          { itemId, actor: by.displayName, actorId: by.userId, kind: 'reply', detail: { replyId: stored.reply.id } },
          db,
        );
      }
      return stored;
    });
    // Queued after the commit: a job for a reply that was rolled back would post it anyway. The job id is
    // the reply's, so queuing again (a retried request after a crash here) does not post twice.
    await this.queue.sendReply(outcome.reply.id);
    if (outcome.created) this.live.publishTriageItems(await this.items.views([itemId]));
    const { itemId: _itemId, ...reply } = outcome.reply;
    return { reply, created: outcome.created };
  }

  listTemplates(): Promise<ResponseTemplateRecord[]> {
    return this.templates.list();
  }

  createTemplate(template: ResponseTemplate, by: Principal): Promise<ResponseTemplateRecord> {
    return this.audit.audited(async (db, audit) => {
      const created = await this.templates.create(
        { name: template.name, body: template.body, teamId: template.teamId ?? null },
        db,
      );
      await audit({
        actor: actorOf(by),
        action: 'template.created',
        target: { type: 'response-template', id: created.id },
        before: null,
        after: created,
      });
      return created;
    });
  }

  removeTemplate(id: string, by: Principal): Promise<void> {
    return this.audit.audited(async (db, audit) => {
      const removed = await this.templates.remove(id, db);
      if (removed === null) throw new NotFoundException(`No template ${id}`);
      await audit({
        actor: actorOf(by),
        action: 'template.removed',
        target: { type: 'response-template', id },
        before: removed,
        after: null,
      });
    });
  }

  private render(text: string, item: Awaited<ReturnType<TriageService['find']>>, by: UserPrincipal): string {
    try {
      parseTemplate(text);
      return renderTemplate(text, {
        author: { handle: item.mention.author.handle, name: item.mention.author.name ?? null },
        agent: { name: by.displayName },
        team: { name: item.teamName },
        mention: { url: item.mention.url },
        item: { id: item.id },
      });
    } catch (error) {
      if (error instanceof ResponseTemplateError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
