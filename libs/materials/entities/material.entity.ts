import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum MaterialVisibility {
  /** Anyone, signed in or not. */
  PUBLIC = 'PUBLIC',
  /** Approved participants of the event. */
  PARTICIPANTS = 'PARTICIPANTS',
  /** The organisers and the session's people only. */
  PRIVATE = 'PRIVATE',
}

/** One item a session's people present (slides, a paper, a video), with its versions. */
@Entity('material')
export class MaterialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'session_id' })
  sessionId: string;

  @Column('text')
  title: string;

  @Column('text')
  visibility: MaterialVisibility;

  /** Hidden from everyone but organisers and the session's people until the session starts. */
  @Column('boolean', { name: 'embargo_until_start' })
  embargoUntilStart: boolean;

  /** The person it belongs to: the uploader, or the speaker an organiser uploaded for. */
  @Column('uuid', { name: 'owner_account_id', nullable: true })
  ownerAccountId: string | null;

  @Column('int', { name: 'current_version' })
  currentVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
