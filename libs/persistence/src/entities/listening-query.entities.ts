import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'listening_query' })
export class ListeningQueryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @Column({ name: 'current_version', type: 'integer', default: 1 }) currentVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Every text a query has had: versions are never changed, only added. */
@Entity({ name: 'listening_query_version' })
export class ListeningQueryVersionEntity {
  @PrimaryColumn({ name: 'query_id', type: 'uuid' }) queryId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
