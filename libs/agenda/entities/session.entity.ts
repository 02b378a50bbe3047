import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum SessionType {
  OPENING = 'OPENING',
  PLENARY = 'PLENARY',
  KEYNOTE = 'KEYNOTE',
  PANEL = 'PANEL',
  ROUND_TABLE = 'ROUND_TABLE',
  WORKSHOP = 'WORKSHOP',
  MATCHMAKING = 'MATCHMAKING',
  BREAK = 'BREAK',
  NETWORKING = 'NETWORKING',
  SOCIAL = 'SOCIAL',
}

export enum SessionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}

/** One item of the programme. Times are instants; they are shown in the event's time zone. */
@Entity('agenda_session')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  type: SessionType;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('uuid', { name: 'room_id', nullable: true })
  roomId: string | null;

  @Column('uuid', { name: 'track_id', nullable: true })
  trackId: string | null;

  /** Seats for registration; null means no registration limit. */
  @Column('int', { nullable: true })
  capacity: number | null;

  /** BCP 47 language tag, e.g. "en" or "fi". */
  @Column('text', { nullable: true })
  language: string | null;

  @Column('text')
  status: SessionStatus;

  /** Bumped on each change of time, room or status once people may have seen the session. */
  @Column('int')
  revision: number;

  /** Seats taken in the session itself; maintained by a database trigger, never written here. */
  @Column({ type: 'int', insert: false, update: false })
  seated: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
