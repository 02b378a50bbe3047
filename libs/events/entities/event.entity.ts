import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum EventStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

@Entity('event')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { nullable: true })
  venue: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  /** IANA zone; every time shown to people is rendered in it. */
  @Column('text', { name: 'time_zone' })
  timeZone: string;

  /** Calendar dates in the event's zone, as YYYY-MM-DD. */
  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Column('date', { name: 'ends_on' })
  endsOn: string;

  @Column('text')
  status: EventStatus;

  @Column('boolean', { name: 'requires_approval' })
  requiresApproval: boolean;

  /** Matchmaking settings; shaped by the matchmaking module. */
  @Column('jsonb')
  matchmaking: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
