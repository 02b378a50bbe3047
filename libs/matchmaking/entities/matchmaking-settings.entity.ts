import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { type RecommendationWeights } from '../recommendation-scoring.js';

export enum MatchmakingMode {
  /** Participants choose a slot when they request, accept or book. */
  PARTICIPANTS_PICK_SLOT = 'PARTICIPANTS_PICK_SLOT',
  /** Participants only request and accept; the organisers' scheduler places meetings. */
  ORGANISER_SCHEDULES = 'ORGANISER_SCHEDULES',
}

export interface MeetingWindow {
  startsAt: string;
  endsAt: string;
}


@Entity('matchmaking_settings')
export class MatchmakingSettingsEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('integer', { name: 'meeting_minutes' })
  meetingMinutes: number;

  /** Explicit instants (ISO strings); slots are generated from them. */
  @Column('jsonb')
  windows: MeetingWindow[];

  @Column('integer', { name: 'table_count' })
  tableCount: number;

  @Column('text', { name: 'table_names', array: true })
  tableNames: string[];

  @Column('integer', { name: 'max_meetings_per_participant' })
  maxMeetingsPerParticipant: number;

  @Column('timestamptz', { name: 'requests_open_at', nullable: true })
  requestsOpenAt: Date | null;

  @Column('timestamptz', { name: 'requests_close_at', nullable: true })
  requestsCloseAt: Date | null;

  @Column('integer', { name: 'expire_after_hours', nullable: true })
  expireAfterHours: number | null;

  @Column('text')
  mode: MatchmakingMode;

  @Column('text', { array: true })
  themes: string[];

  @Column('text', { array: true })
  sectors: string[];

  /** Only the weights an organiser changed; the rest come from DEFAULT_WEIGHTS. */
  @Column('jsonb')
  weights: Partial<RecommendationWeights>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
