import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum MeetingStatus {
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}

/**
 * An accepted request. It holds a slot and a table once booked (by the participants or the
 * organisers' scheduler); the meeting_participant rows the database derives from it keep each
 * person to one meeting per slot.
 */
@Entity('meeting')
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'request_id' })
  requestId: string;

  @Column('uuid', { name: 'requester_id' })
  requesterId: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  @Column('text')
  status: MeetingStatus;

  @Column('uuid', { name: 'slot_id', nullable: true })
  slotId: string | null;

  @Column('integer', { name: 'table_number', nullable: true })
  tableNumber: number | null;

  /** Locked by an organiser: the scheduler keeps it where it is. */
  @Column('boolean')
  locked: boolean;

  /** A proposed move to another slot, waiting for the other side. */
  @Column('uuid', { name: 'reschedule_slot_id', nullable: true })
  rescheduleSlotId: string | null;

  @Column('uuid', { name: 'reschedule_by', nullable: true })
  rescheduleBy: string | null;

  @Column('uuid', { name: 'cancelled_by', nullable: true })
  cancelledBy: string | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  /** A video link for a partner joining remotely (hybrid events): https only, at most 2,000 characters. */
  @Column('text', { name: 'online_url', nullable: true })
  onlineUrl: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
