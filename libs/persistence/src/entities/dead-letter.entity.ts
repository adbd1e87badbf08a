import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Input that could not be processed, kept with the reason so it can be fixed and replayed. */
@Entity({ name: 'dead_letter' })
@Unique('dead_letter_batch_item_key', ['batchId', 'itemIndex'])
export class DeadLetterEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'batch_id', type: 'text' })
  batchId!: string;

  /** Position in the batch; -1 when the whole batch failed. */
  @Column({ name: 'item_index', type: 'integer' })
  itemIndex!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'jsonb', nullable: true })
  payload!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When it was sent back through ingestion; null while it waits. */
  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;
}
