import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum EntryDirection {
  OFFER = 'OFFER',
  SEEK = 'SEEK',
}

export enum EntryKind {
  PRODUCT = 'PRODUCT',
  SERVICE = 'SERVICE',
  EXPERTISE = 'EXPERTISE',
  PROJECT_PARTNERSHIP = 'PROJECT_PARTNERSHIP',
  INVESTMENT = 'INVESTMENT',
  POLICY_COOPERATION = 'POLICY_COOPERATION',
}

/** What a participant offers or seeks ("cooperation profile" of the marketplace). */
@Entity('marketplace_entry')
export class MarketplaceEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'account_id' })
  accountId: string;

  @Column('text')
  direction: EntryDirection;

  @Column('text')
  kind: EntryKind;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { array: true })
  tags: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
