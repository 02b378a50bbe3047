import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface ChangedValue {
  old: string | null;
  new: string | null;
}

/** What changed in a published session, by whom and when; one row per revision. */
@Entity('agenda_session_change')
export class SessionChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('int')
  revision: number;

  @Column('uuid', { name: 'changed_by', nullable: true })
  changedBy: string | null;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;

  @Column('jsonb')
  changes: Record<string, ChangedValue>;
}
