import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum MeetingRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

@Entity('meeting_request')
export class MeetingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'requester_id' })
  requesterId: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  /** Who pressed the button: the requester, or an organiser acting on their behalf. */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('text')
  status: MeetingRequestStatus;

  @Column('text', { nullable: true })
  message: string | null;

  @Column('uuid', { name: 'proposed_slot_id', nullable: true })
  proposedSlotId: string | null;

  /** The requester's ranking, 1 high to 3 low; the scheduler weighs meetings by it. */
  @Column('smallint')
  priority: number;

  @Column('text', { name: 'decline_reason', nullable: true })
  declineReason: string | null;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  /** How many times the requester changed it while pending (numbers the recipient's messages). */
  @Column('integer', { name: 'edit_count', default: 0 })
  editCount: number;

  @Column('timestamptz', { name: 'edited_at', nullable: true })
  editedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
