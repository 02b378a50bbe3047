import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One time slot of the meeting windows; every slot has the event's tables. */
@Entity('meeting_slot')
export class MeetingSlotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;
}
