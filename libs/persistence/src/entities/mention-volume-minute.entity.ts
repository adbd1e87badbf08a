import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Mentions per minute, platform and sentiment, kept up to date by the batch that stores them:
 * the wall's charts read a few hundred rows instead of counting millions of mentions.
 */
@Entity({ name: 'mention_volume_minute' })
export class MentionVolumeMinuteEntity {
  @PrimaryColumn({ type: 'timestamptz' })
  minute!: Date;

  @PrimaryColumn({ type: 'text' })
  platform!: string;

  @Column({ type: 'integer', default: 0 })
  positive!: number;

  @Column({ type: 'integer', default: 0 })
  neutral!: number;

  @Column({ type: 'integer', default: 0 })
  negative!: number;

  @Column({ name: 'score_sum', type: 'double precision', default: 0 })
  scoreSum!: number;
}
