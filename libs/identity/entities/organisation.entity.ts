import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum OrganisationType {
  CLUSTER = 'CLUSTER',
  SME = 'SME',
  LARGE_COMPANY = 'LARGE_COMPANY',
  RESEARCH = 'RESEARCH',
  PUBLIC_AUTHORITY = 'PUBLIC_AUTHORITY',
  INVESTOR = 'INVESTOR',
  OTHER = 'OTHER',
}

@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  type: OrganisationType;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column('char', { length: 2, nullable: true })
  country: string | null;

  @Column('text', { nullable: true })
  region: string | null;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
