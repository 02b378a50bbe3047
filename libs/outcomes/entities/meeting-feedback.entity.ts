import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { type ExpectedOutcome } from '../outcomes.types.js';

/** First-round feedback of one side on one meeting; the note is for its author only. */
@Entity('meeting_feedback')
export class MeetingFeedbackEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('smallint')
  rating: number;

  @Column('text', { name: 'expected_outcome' })
  expectedOutcome: ExpectedOutcome;

  @Column('text', { nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
