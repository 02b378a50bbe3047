import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A room or place of the venue where sessions happen. */
@Entity('agenda_room')
export class RoomEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  name: string;

  /** Seats in the room; registrations above it are reported as a conflict. */
  @Column('int', { nullable: true })
  capacity: number | null;

  /** Floor or directions, e.g. "2nd floor, follow the signs to Levi Hall". */
  @Column('text', { nullable: true })
  location: string | null;

  @Column('int')
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
