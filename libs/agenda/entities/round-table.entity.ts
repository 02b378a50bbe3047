import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One of the parallel tables of a round-table session. */
@Entity('agenda_round_table')
export class RoundTableEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @Column('text')
  topic: string;

  @Column('uuid', { name: 'host_account_id', nullable: true })
  hostAccountId: string | null;

  @Column('int')
  seats: number;

  /** Maintained by a database trigger; CHECK (seated <= seats). */
  @Column({ type: 'int', insert: false, update: false })
  seated: number;

  @Column('int')
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
