import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Fields of a profile whose audience each participant chooses. */
export enum ProfileField {
  JOB_TITLE = 'JOB_TITLE',
  ORGANISATION = 'ORGANISATION',
  PITCH = 'PITCH',
  INTERESTS = 'INTERESTS',
  MARKETPLACE = 'MARKETPLACE',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}

export enum FieldAudience {
  /** Every approved participant of the event (not allowed for contact details). */
  PARTICIPANTS = 'PARTICIPANTS',
  /** People with whom one has an accepted meeting. */
  MEETING_PARTNERS = 'MEETING_PARTNERS',
  /** The event's organisers only. */
  ORGANISERS = 'ORGANISERS',
}

export const CONTACT_FIELDS: readonly ProfileField[] = [ProfileField.EMAIL, ProfileField.PHONE];

export const DEFAULT_VISIBILITY: Record<ProfileField, FieldAudience> = {
  JOB_TITLE: FieldAudience.PARTICIPANTS,
  ORGANISATION: FieldAudience.PARTICIPANTS,
  PITCH: FieldAudience.PARTICIPANTS,
  INTERESTS: FieldAudience.PARTICIPANTS,
  MARKETPLACE: FieldAudience.PARTICIPANTS,
  EMAIL: FieldAudience.MEETING_PARTNERS,
  PHONE: FieldAudience.MEETING_PARTNERS,
};

@Entity('matchmaking_profile')
export class MatchmakingProfileEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('boolean', { name: 'taking_part' })
  takingPart: boolean;

  @Column('text', { nullable: true })
  pitch: string | null;

  @Column('text', { array: true })
  sectors: string[];

  @Column('text', { array: true })
  themes: string[];

  @Column('text', { nullable: true })
  phone: string | null;

  /** Only the fields that differ from DEFAULT_VISIBILITY. */
  @Column('jsonb')
  visibility: Partial<Record<ProfileField, FieldAudience>>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
