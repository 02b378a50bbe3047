import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What a reminder is about; each kind has its audience (see ReminderSource). */
export enum ReminderKind {
  /** Both people of a scheduled B2B meeting. */
  MEETING = 'MEETING',
  /** People who bookmarked or hold a seat in a session. */
  SESSION_ATTENDING = 'SESSION_ATTENDING',
  /** Speakers, moderators, panellists and hosts of a session. */
  SESSION_SPEAKING = 'SESSION_SPEAKING',
  /** Participants taking part in matchmaking, before requests open or close. */
  MATCHMAKING_OPENS = 'MATCHMAKING_OPENS',
  MATCHMAKING_CLOSES = 'MATCHMAKING_CLOSES',
}

@Entity('reminder_rule')
export class ReminderRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  kind: ReminderKind;

  /** Minutes before the item starts; whole days keep the local time of day across DST. */
  @Column('int', { name: 'offset_minutes' })
  offsetMinutes: number;

  @Column('text', { name: 'subject_template' })
  subjectTemplate: string;

  @Column('text', { name: 'body_template' })
  bodyTemplate: string;

  @Column('boolean')
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
