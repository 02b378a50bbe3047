import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { type MaterialFileType } from '../file-type.js';

const bigint = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** One uploaded file of a material. Never changed after insert; the newest is the material's current version. */
@Entity('material_version')
export class MaterialVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'material_id' })
  materialId: string;

  @Column('int')
  version: number;

  /** Random key in the storage; never derived from the user's file name. */
  @Column('text', { name: 'storage_key' })
  storageKey: string;

  /** Sanitised name shown and offered on download. */
  @Column('text', { name: 'file_name' })
  fileName: string;

  @Column('text', { name: 'file_type' })
  fileType: MaterialFileType;

  @Column('text', { name: 'content_type' })
  contentType: string;

  @Column('bigint', { name: 'size_bytes', transformer: bigint })
  sizeBytes: number;

  @Column('text')
  sha256: string;

  @Column('uuid', { name: 'uploaded_by', nullable: true })
  uploadedBy: string | null;

  @Column('timestamptz', { name: 'uploaded_at' })
  uploadedAt: Date;
}
