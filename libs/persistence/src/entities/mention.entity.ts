import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity({ name: 'mention' })
@Unique('mention_platform_external_id_key', ['platform', 'externalId'])
@Index('mention_ingested_at_idx', ['ingestedAt'])
@Index('mention_batch_id_idx', ['batchId'])
export class MentionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  platform!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'ingested_at', type: 'timestamptz' })
  ingestedAt!: Date;

  @Column({ name: 'author_handle', type: 'text' })
  authorHandle!: string;

  @Column({ name: 'author_name', type: 'text', nullable: true })
  authorName!: string | null;

  @Column({ name: 'author_followers', type: 'integer', nullable: true })
  authorFollowers!: number | null;

  @Column({ name: 'author_verified', type: 'boolean', nullable: true })
  authorVerified!: boolean | null;

  @Column({ type: 'text', nullable: true })
  lang!: string | null;

  @Column({ name: 'reply_to_id', type: 'text', nullable: true })
  replyToId!: string | null;

  @Column({ name: 'repost_of_id', type: 'text', nullable: true })
  repostOfId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  metrics!: Record<string, number> | null;

  @Column({ name: 'sentiment_label', type: 'text' })
  sentimentLabel!: string;

  @Column({ name: 'sentiment_score', type: 'real' })
  sentimentScore!: number;

  /** The batch that first stored it: lets a retried batch find what its dead attempt stored. */
  @Column({ name: 'batch_id', type: 'text' })
  batchId!: string;

  /** The platform payload exactly as received. */
  @Column({ type: 'jsonb' })
  raw!: unknown;
}
