import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A configured source: a platform account or feed, with its credentials sealed. */
@Entity({ name: 'source' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'jsonb' }) settings!: unknown;
  @Column({ name: 'credentials_sealed', type: 'text', nullable: true }) credentialsSealed!: string | null;
  @Column({ name: 'credential_fields', type: 'text', array: true }) credentialFields!: string[];
  @Column({ name: 'poll_seconds', type: 'integer' }) pollSeconds!: number;
  @Column({ name: 'monthly_read_budget', type: 'integer', nullable: true }) monthlyReadBudget!: number | null;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @Column({ type: 'integer' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** What the runners last saw of a source: successes, errors, rate limits, reads this month. */
@Entity({ name: 'source_health' })
export class SourceHealthEntity {
  @PrimaryColumn({ name: 'source_id', type: 'uuid' }) sourceId!: string;
  @Column({ type: 'date' }) month!: string;
  @Column({ name: 'reads_this_month', type: 'integer' }) readsThisMonth!: number;
  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true }) lastActivityAt!: Date | null;
  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true }) lastSuccessAt!: Date | null;
  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true }) lastErrorAt!: Date | null;
  @Column({ name: 'last_error_kind', type: 'text', nullable: true }) lastErrorKind!: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'newest_mention_at', type: 'timestamptz', nullable: true }) newestMentionAt!: Date | null;
  @Column({ name: 'rate_limit_remaining', type: 'integer', nullable: true }) rateLimitRemaining!: number | null;
  @Column({ name: 'rate_limit_limit', type: 'integer', nullable: true }) rateLimitLimit!: number | null;
  @Column({ name: 'rate_limit_reset_at', type: 'timestamptz', nullable: true }) rateLimitResetAt!: Date | null;
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true }) blockedUntil!: Date | null;
  @Column({ name: 'stream_connected', type: 'boolean', nullable: true }) streamConnected!: boolean | null;
  @Column({ type: 'jsonb' }) warnings!: unknown;
  @Column({ name: 'query_estimates', type: 'jsonb' }) queryEstimates!: unknown;
}
