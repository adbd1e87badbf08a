import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where each (source, query) left off, so a restart resumes exactly there. */
@Entity({ name: 'source_cursor' })
export class SourceCursorEntity {
  @PrimaryColumn({ name: 'source_key', type: 'text' }) sourceKey!: string;
  @Column({ type: 'jsonb' }) cursor!: unknown;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
