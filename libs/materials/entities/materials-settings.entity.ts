import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { type MaterialFileType } from '../file-type.js';

const bigint = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** An event's rules for materials; an event without a row uses the defaults of the migration. */
@Entity('materials_settings')
export class MaterialsSettingsEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text', { name: 'allowed_types', array: true })
  allowedTypes: MaterialFileType[];

  @Column('bigint', { name: 'max_bytes', transformer: bigint })
  maxBytes: number;

  /** Speakers should have uploaded by then; chasing lists the sessions still missing materials. */
  @Column('timestamptz', { name: 'upload_deadline', nullable: true })
  uploadDeadline: Date | null;

  /** When true, anyone may download the materials pack once the event is over. */
  @Column('boolean', { name: 'pack_public' })
  packPublic: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
