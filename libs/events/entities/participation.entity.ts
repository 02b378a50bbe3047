import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ParticipantRole {
  ORGANISER = 'ORGANISER',
  SPEAKER = 'SPEAKER',
  PARTICIPANT = 'PARTICIPANT',
}

export enum ParticipationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
}

/** One account's place in one event: its role there and whether it is approved. */
@Entity('participation')
export class ParticipationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('text')
  role: ParticipantRole;

  @Column('text')
  status: ParticipationStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
